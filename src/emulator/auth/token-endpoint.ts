import type { Emulation } from '../emulation.js';
import { formBody, type RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { ApplicationRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { authenticateClient } from './client-auth.js';
import type { CodeGrant } from './grant-store.js';
import { OAuthError, oauthErrors } from './oauth-error.js';
import { isValidVerifier, verifierMatches } from './pkce.js';
import { refusedClientCredentialsScope, scopeList } from './scopes.js';
import { mintAccessToken, mintIdToken } from './tokens.js';

const noStore = { 'cache-control': 'no-store', pragma: 'no-cache' };

function allowsGrant(application: ApplicationRecord, grantType: string): boolean {
    return Array.isArray(application.body.grantTypes) && application.body.grantTypes.includes(grantType);
}

function requireGrant(application: ApplicationRecord, grantType: string, wire: string): void {
    if (!allowsGrant(application, grantType)) {
        throw oauthErrors.unauthorizedClient(`The application is not allowed the ${wire} grant: add ${grantType} to its grant types.`);
    }
}

function userTokens(
    emulation: Emulation,
    tenant: Tenant,
    context: RequestContext,
    application: ApplicationRecord,
    grant: { userId: string; scope: string; familyId?: string; nonce?: string },
): Reply {
    const user = tenant.users.get(grant.userId);
    if (!user || user.body.enabled !== true) throw oauthErrors.invalidGrant('The user of this grant no longer exists or is disabled.');
    const clientId = String(application.body.id);
    const request = { origin: context.origin, environmentId: tenant.id, clientId, userId: grant.userId, scope: grant.scope };
    const access = mintAccessToken(emulation, request);
    const scopes = grant.scope.split(' ');
    const refresh =
        allowsGrant(application, 'REFRESH_TOKEN') || scopes.includes('offline_access')
            ? emulation.grants.issueRefreshToken({
                  clientId,
                  environmentId: tenant.id,
                  userId: grant.userId,
                  scope: grant.scope,
                  lifetimeSeconds: Number(application.body.refreshTokenDuration ?? 2_592_000),
                  ...(grant.familyId ? { familyId: grant.familyId } : {}),
              })
            : undefined;
    return json(
        200,
        {
            access_token: access.token,
            token_type: 'Bearer',
            expires_in: access.expiresIn,
            scope: grant.scope,
            ...(refresh ? { refresh_token: refresh } : {}),
            ...(scopes.includes('openid')
                ? { id_token: mintIdToken(emulation, { ...request, user: user.body, ...(grant.nonce ? { nonce: grant.nonce } : {}) }) }
                : {}),
        },
        noStore,
    );
}

function checkPkce(grant: CodeGrant, verifier: string | null): void {
    if (grant.codeChallenge === undefined) {
        if (verifier !== null) throw oauthErrors.invalidGrant('code_verifier was sent but the authorization request had no code_challenge.');
        return;
    }
    if (verifier === null) throw oauthErrors.invalidGrant('code_verifier is required: the authorization request carried a code_challenge.');
    if (!isValidVerifier(verifier))
        throw oauthErrors.invalidGrant('code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_", "~" (RFC 7636).');
    if (!verifierMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod ?? 'plain')) {
        throw oauthErrors.invalidGrant('PKCE verification failed: code_verifier does not match the code_challenge.');
    }
}

/** POST /{envId}/as/token */
export function tokenEndpoint(emulation: Emulation, tenant: Tenant, context: RequestContext): Reply {
    if (context.contentType !== 'application/x-www-form-urlencoded') {
        throw oauthErrors.invalidRequest(
            `The token request must be a form post (Content-Type: application/x-www-form-urlencoded); got "${context.contentType || 'none'}".`,
        );
    }
    const form = formBody(context);
    const grantType = form.get('grant_type');
    if (!grantType) throw oauthErrors.invalidRequest('grant_type is required.');
    if (!['client_credentials', 'authorization_code', 'refresh_token'].includes(grantType)) throw oauthErrors.unsupportedGrantType(grantType);
    const application = authenticateClient(tenant, context, form);
    const clientId = String(application.body.id);

    if (grantType === 'client_credentials') {
        requireGrant(application, 'CLIENT_CREDENTIALS', 'client_credentials');
        const refused = refusedClientCredentialsScope(application, scopeList(form.get('scope') ?? ''));
        if (refused) throw new OAuthError(400, 'invalid_scope', refused);
        const access = mintAccessToken(emulation, { origin: context.origin, environmentId: tenant.id, clientId, scope: form.get('scope') ?? '' });
        return json(200, { access_token: access.token, token_type: 'Bearer', expires_in: access.expiresIn }, noStore);
    }

    if (grantType === 'authorization_code') {
        requireGrant(application, 'AUTHORIZATION_CODE', 'authorization_code');
        const code = form.get('code');
        if (!code) throw oauthErrors.invalidRequest('code is required for the authorization_code grant.');
        const grant = emulation.grants.takeCode(code);
        if (!grant || grant.environmentId !== tenant.id) throw oauthErrors.invalidGrant('The authorization code is invalid, expired or already used.');
        if (grant.clientId !== clientId) throw oauthErrors.invalidGrant('The authorization code was issued to another client.');
        if (form.get('redirect_uri') !== grant.redirectUri) throw oauthErrors.invalidGrant('redirect_uri does not match the one of the authorization request.');
        checkPkce(grant, form.get('code_verifier'));
        return userTokens(emulation, tenant, context, application, {
            userId: grant.userId,
            scope: grant.scope,
            ...(grant.nonce ? { nonce: grant.nonce } : {}),
        });
    }

    const token = form.get('refresh_token');
    if (!token) throw oauthErrors.invalidRequest('refresh_token is required for the refresh_token grant.');
    const grant = emulation.grants.liveRefreshGrant(token);
    if (!grant) throw oauthErrors.invalidGrant('The refresh token is invalid, expired or revoked.');
    // Ownership first: another client presenting the token must neither spend it nor revoke its family.
    if (grant.clientId !== clientId || grant.environmentId !== tenant.id) throw oauthErrors.invalidGrant('The refresh token was issued to another client.');
    // PingOne issues a refresh token for offline_access without the REFRESH_TOKEN grant, so that token must work.
    if (!grant.scope.split(' ').includes('offline_access')) requireGrant(application, 'REFRESH_TOKEN', 'refresh_token');
    const requested = form.get('scope');
    if (requested && !requested.split(' ').every((scope) => grant.scope.split(' ').includes(scope))) {
        throw new OAuthError(400, 'invalid_scope', 'The requested scope goes beyond the scope originally granted.');
    }
    if (!emulation.grants.spendRefreshGrant(grant))
        throw oauthErrors.invalidGrant('The refresh token was already used; its token family is now revoked. Sign on again.');
    return userTokens(emulation, tenant, context, application, { userId: grant.userId, scope: requested || grant.scope, familyId: grant.familyId });
}
