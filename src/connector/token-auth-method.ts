// The token endpoint's client authentication methods, as data: the store checks a saved connection's
// method against them, the OAuth clients use them.

/** How the client proves itself at the token endpoint: PingOne's CLIENT_SECRET_POST or CLIENT_SECRET_BASIC. */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

export const tokenAuthMethods: readonly TokenAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

/**
 * What a connection uses when none was chosen or saved: Client Secret Post, what Nango sends (its
 * `pingone` and `pingone-cc` entries set no `token_request_auth_method`, so the secret goes in the
 * form body) and what Nango's and Cyclr's setup guides tell the admin to pick
 * (https://nango.dev/docs/integrations/all/pingone-cc/connect, https://nango.dev/docs/integrations/all/pingone).
 */
export const defaultTokenAuthMethod: TokenAuthMethod = 'client_secret_post';
