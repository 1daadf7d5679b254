/** An RFC 6749 error from the auth server: `{error, error_description}`. */
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
