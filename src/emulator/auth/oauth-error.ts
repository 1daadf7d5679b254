/**
 * An RFC 6749 error from the auth server: `{error, error_description}` with the section 5.2 codes and
 * statuses (401 `invalid_client`, with a Basic challenge when the client used Basic; 400 otherwise),
 * https://www.rfc-editor.org/rfc/rfc6749#section-5.2. PingOne documents no wording for the
 * description, so the connector never reads it (src/oauth/token-errors.ts); its wording here is free.
 */
export class OAuthError extends Error {
    constructor(
        readonly status: number,
        readonly error: string,
        readonly description: string,
        readonly headers: Record<string, string> = {},
    ) {
        super(description);
    }

    body(): Record<string, string> {
        return { error: this.error, error_description: this.description };
    }
}

export const oauthErrors = {
    invalidRequest: (description: string) => new OAuthError(400, 'invalid_request', description),
    invalidGrant: (description: string) => new OAuthError(400, 'invalid_grant', description),
    unauthorizedClient: (description: string) => new OAuthError(400, 'unauthorized_client', description),
    unsupportedGrantType: (grantType: string) =>
        new OAuthError(
            400,
            'unsupported_grant_type',
            `The grant type "${grantType}" is not supported; use authorization_code, client_credentials or refresh_token.`,
        ),
    invalidClient: (description: string, basicChallenge: boolean) =>
        new OAuthError(401, 'invalid_client', description, basicChallenge ? { 'www-authenticate': 'Basic realm="PingOne"' } : {}),
};
