import type { Emulation } from '../emulation.js';
import { formBody, type RequestContext } from '../http/context.js';
import { html, redirect, type Reply } from '../http/reply.js';
import type { ApplicationRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { redirectUriAllowed } from './redirect-uri.js';
import { refusedScope, scopeList } from './scopes.js';
import { errorPage, signOnPage } from './sign-on-page.js';
import { accessRefusal } from './access-control.js';

class RedirectError extends Error {
    constructor(
        readonly error: string,
        readonly description: string,
    ) {
        super(description);
    }
}

function redirectTo(redirectUri: string, values: Record<string, string | undefined>): Reply {
    const target = new URL(redirectUri);
    for (const [name, value] of Object.entries(values)) if (value !== undefined) target.searchParams.set(name, value);
    return redirect(target.toString());
}

interface ValidRequest {
    application: ApplicationRecord;
    redirectUri: string;
    state: string | undefined;
    scope: string;
    codeChallenge?: string;
    codeChallengeMethod?: 'plain' | 'S256';
    nonce?: string;
}

/** Checks that cannot redirect (unknown client, bad redirect URI) answer an HTML page; the rest redirect with an error. */
function validate(tenant: Tenant, parameters: URLSearchParams): ValidRequest | Reply {
    const clientId = parameters.get('client_id');
    const application = clientId ? tenant.applications.get(clientId) : undefined;
    if (!application) return html(400, errorPage('Unknown client_id: no application with that ID exists in this environment.'));
    const registered = (application.body.redirectUris as string[] | undefined) ?? [];
    const redirectUri = parameters.get('redirect_uri') ?? (registered.length === 1 ? registered[0] : undefined);
    if (!redirectUri) return html(400, errorPage('redirect_uri is required: the application has several registered redirect URIs.'));
    if (!redirectUriAllowed(redirectUri, registered)) {
        return html(400, errorPage(`redirect_uri_mismatch: "${redirectUri}" is not a redirect URI registered for this application.`));
    }
    const state = parameters.get('state') ?? undefined;
    try {
        if (application.body.enabled !== true) throw new RedirectError('unauthorized_client', 'The application is disabled.');
        if (parameters.get('response_type') !== 'code') {
            throw new RedirectError('unsupported_response_type', `response_type "${parameters.get('response_type') ?? ''}" is not supported; use "code".`);
        }
        if (!(application.body.grantTypes as string[]).includes('AUTHORIZATION_CODE')) {
            throw new RedirectError('unauthorized_client', 'The application is not allowed the authorization_code grant.');
        }
        const challenge = parameters.get('code_challenge') ?? undefined;
        const method = parameters.get('code_challenge_method') ?? (challenge ? 'plain' : undefined);
        if (method !== undefined && method !== 'plain' && method !== 'S256') {
            throw new RedirectError('invalid_request', `code_challenge_method "${method}" is not supported; use S256 or plain.`);
        }
        if (method !== undefined && !challenge) throw new RedirectError('invalid_request', 'code_challenge_method was sent without code_challenge.');
        const enforcement = application.body.pkceEnforcement;
        if (enforcement !== 'OPTIONAL' && !challenge) throw new RedirectError('invalid_request', 'code_challenge is required by this application (PKCE).');
        if (enforcement === 'S256_REQUIRED' && method !== 'S256')
            throw new RedirectError('invalid_request', 'This application requires code_challenge_method=S256.');
        const scope = scopeList(parameters.get('scope') ?? 'openid');
        const refused = refusedScope(application, scope);
        if (refused) throw new RedirectError('invalid_scope', refused);
        const nonce = parameters.get('nonce') ?? undefined;
        return {
            application,
            redirectUri,
            state,
            scope: scope.join(' '),
            ...(challenge ? { codeChallenge: challenge, codeChallengeMethod: method as 'plain' | 'S256' } : {}),
            ...(nonce ? { nonce } : {}),
        };
    } catch (error) {
        if (error instanceof RedirectError) return redirectTo(redirectUri, { error: error.error, error_description: error.description, state });
        throw error;
    }
}

function issueCode(emulation: Emulation, tenant: Tenant, request: ValidRequest, userId: string): Reply {
    const refusal = accessRefusal(tenant, request.application, userId);
    if (refusal !== undefined) return redirectTo(request.redirectUri, { error: 'access_denied', error_description: refusal, state: request.state });
    // Signing on starts a session (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions.html).
    const user = tenant.users.get(userId);
    if (user) tenant.sessions.signedOn(user.body, new Date(emulation.now()).toISOString());
    const code = emulation.grants.issueCode({
        clientId: String(request.application.body.id),
        environmentId: tenant.id,
        userId,
        redirectUri: request.redirectUri,
        scope: request.scope,
        ...(request.codeChallenge ? { codeChallenge: request.codeChallenge, codeChallengeMethod: request.codeChallengeMethod ?? 'plain' } : {}),
        ...(request.nonce ? { nonce: request.nonce } : {}),
    });
    return redirectTo(request.redirectUri, { code, state: request.state });
}

/** GET /{envId}/as/authorize: the sign-on page (or, with autoSignOn, straight back with a code). */
export function authorizeGet(emulation: Emulation, tenant: Tenant, context: RequestContext): Reply {
    const request = validate(tenant, context.query);
    if ('status' in request) return request;
    if (emulation.autoSignOn) return issueCode(emulation, tenant, request, emulation.seeded.signOnUser.id);
    return html(200, signOnPage(context.path, context.query));
}

/** POST /{envId}/as/authorize: the sign-on form's submission (or a form-posted authorization request). */
export function authorizePost(emulation: Emulation, tenant: Tenant, context: RequestContext): Reply {
    const form = formBody(context);
    const request = validate(tenant, form);
    if ('status' in request) return request;
    if (form.get('action') === 'cancel') {
        return redirectTo(request.redirectUri, { error: 'access_denied', error_description: 'The user cancelled the sign-on.', state: request.state });
    }
    const username = form.get('username');
    if (username === null) return html(200, signOnPage(context.path, form));
    const user = tenant.users.findByUsername(username);
    const account = user?.body.account as { status?: string } | undefined;
    if (!user || user.password.value === undefined || user.password.value !== form.get('password')) {
        return html(401, signOnPage(context.path, form, 'The username or password is incorrect.'));
    }
    if (user.body.enabled !== true || account?.status === 'LOCKED') {
        return html(403, signOnPage(context.path, form, 'This account is disabled or locked.'));
    }
    return issueCode(emulation, tenant, request, String(user.body.id));
}
