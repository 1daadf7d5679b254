import { AuthFailedError, type AuthFailureReason } from '../errors/index.js';
import { redactText } from '../http/index.js';
import { tokenAuthMethods, type TokenAuthMethod } from '../connector/token-auth-method.js';
import { consoleName } from './client-authentication.js';

export interface TokenRequestContext {
    grantType: string;
    authMethod: TokenAuthMethod;
    environmentId?: string | undefined;
    /** Values that must not appear in the error even if PingOne echoed them. */
    secrets: readonly (string | undefined)[];
}

/**
 * Turns a refused token request into an AuthFailedError whose reason says what is wrong and whose
 * hint says what to change. PingOne answers `invalid_client` for several causes; its description
 * tells them apart (unknown client, disabled application, unsupported authentication method).
 */
export function tokenErrorFrom(status: number, body: unknown, context: TokenRequestContext): AuthFailedError {
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const oauthError = typeof record['error'] === 'string' ? record['error'] : undefined;
    const described =
        typeof record['error_description'] === 'string' ? record['error_description'] : typeof record['message'] === 'string' ? record['message'] : '';
    const description = redactText(described, context.secrets);
    const said = description ? ` PingOne said: "${description}"` : '';
    const fail = (reason: AuthFailureReason, message: string, hint: string, field?: string) =>
        new AuthFailedError(reason, `${message}${said}`, { hint, status, ...(oauthError ? { oauthError } : {}), ...(field ? { field } : {}) });

    if (status === 404 || record['code'] === 'NOT_FOUND') {
        return fail(
            'environment_not_found',
            `PingOne has no environment ${context.environmentId ?? ''} in this region.`.replace('  ', ' '),
            'Check the Environment ID, and the region (TLD): an environment lives in one region only; try the others (com, ca, eu, com.au, sg, asia).',
            'environmentId',
        );
    }
    if (/disabled/i.test(description)) {
        return fail(
            'app_disabled',
            'The PingOne application is disabled.',
            'Enable the application in the PingOne admin console (Applications → your app → the toggle).',
        );
    }
    if (oauthError === 'invalid_client' && /authentication method|auth(entication)? method|unsupported authentication/i.test(description)) {
        const pick = methodToPick(description, context.authMethod);
        return pick === undefined
            ? fail(
                  'auth_method_not_allowed',
                  `PingOne refused ${context.authMethod}: the application's Token Endpoint Authentication Method is one this connector does not use.`,
                  "In PingOne set the application's Token Endpoint Authentication Method to Client Secret Basic or Client Secret Post.",
                  'authMethod',
              )
            : fail(
                  'auth_method_not_allowed',
                  `PingOne refused ${context.authMethod} (${consoleName(context.authMethod)}): the application expects ${pick} (${consoleName(pick)}).`,
                  `Choose ${pick} for this connection (--auth-method ${pick}), or set the application's Token Endpoint Authentication Method to ${consoleName(context.authMethod)} in PingOne.`,
                  'authMethod',
              );
    }
    if (oauthError === 'invalid_client' || status === 401) {
        const unknownClient = /unknown client|client(_id)? not found|no application/i.test(description);
        return fail(
            'invalid_client',
            unknownClient ? 'PingOne does not know this client ID in this environment.' : 'PingOne did not accept the client ID and secret.',
            "Copy the Client ID and Client Secret again from the application's Configuration tab in PingOne, and check that the Environment ID is the application's.",
            unknownClient ? 'clientId' : 'clientSecret',
        );
    }
    if (oauthError === 'invalid_grant') {
        return context.grantType === 'refresh_token'
            ? fail(
                  'invalid_grant',
                  'PingOne refused the refresh token: it expired, was revoked, or was already used.',
                  'Sign on again to get new tokens (pingone-connector connect … --provider pingone).',
              )
            : fail(
                  'invalid_grant',
                  'PingOne refused the authorization code: it expired, was already used, or the redirect URI or PKCE verifier did not match.',
                  'Start the sign-on again.',
              );
    }
    if (oauthError === 'unauthorized_client') {
        const grant =
            context.grantType === 'client_credentials' ? 'Client Credentials' : context.grantType === 'refresh_token' ? 'Refresh Token' : 'Authorization Code';
        return fail(
            'unauthorized_client',
            `The application is not allowed the ${context.grantType} grant.`,
            `In PingOne, tick the ${grant} grant type on the application's Configuration tab.`,
        );
    }
    const known: readonly AuthFailureReason[] = ['unsupported_grant_type', 'invalid_scope', 'invalid_request'];
    const reason = known.find((candidate) => candidate === oauthError) ?? 'token_endpoint_error';
    return fail(
        reason,
        `The token request was refused (HTTP ${status}${oauthError ? `, ${oauthError}` : ''}).`,
        'Check the application settings in PingOne; test the connection for a diagnosis.',
    );
}

/** The method to switch to: the one PingOne's description names, else the other of the two this connector speaks. */
function methodToPick(description: string, used: TokenAuthMethod): TokenAuthMethod | undefined {
    const text = description.toLowerCase();
    const named = tokenAuthMethods.filter((method) => method !== used && text.includes(method));
    if (named.length > 0) return named[0];
    if (/\b(none|private_key_jwt|client_secret_jwt)\b/.test(text)) return undefined;
    return tokenAuthMethods.find((method) => method !== used);
}
