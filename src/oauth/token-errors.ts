import { AuthFailedError, type AuthFailureReason } from '../errors/index.js';
import { redactText } from '../http/index.js';
import { consoleName, tokenAuthMethods, type TokenAuthMethod } from './client-authentication.js';

export interface TokenRequestContext {
    grantType: string;
    authMethod: TokenAuthMethod;
    environmentId?: string | undefined;
    /** Values that must not appear in the error even if PingOne echoed them. */
    secrets: readonly (string | undefined)[];
}

/**
 * Turns a refused token request into an AuthFailedError whose reason says what is wrong and whose
 * hint says what to change. It goes by the RFC 6749 `error` code and the HTTP status only
 * (https://www.rfc-editor.org/rfc/rfc6749#section-5.2): PingOne documents no wording for
 * `error_description`, so the description is quoted (redacted) for the person, never parsed. One
 * `invalid_client` covers a wrong ID or secret, a disabled application and the other
 * authentication method alike; the hint names all three.
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
    if (oauthError === 'invalid_client' || (oauthError === undefined && status === 401)) {
        const other = tokenAuthMethods.find((method) => method !== context.authMethod);
        return fail(
            'invalid_client',
            `PingOne refused the client's authentication (invalid_client, HTTP ${status}) sent with ${consoleName(context.authMethod)}.`,
            "In PingOne, on the application's Overview tab: copy the Client ID and Client Secret again, check that the application is enabled " +
                `and that its Token Endpoint Authentication Method is ${consoleName(context.authMethod)}` +
                (other === undefined ? '' : ` (or connect with --auth-method ${other})`) +
                ", and that the Environment ID is the application's.",
            'clientSecret',
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
