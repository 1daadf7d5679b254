// The token endpoint's client authentication methods, as data: the store checks a saved connection's
// method against them, the OAuth clients use them.

/** How the client proves itself at the token endpoint: PingOne's CLIENT_SECRET_POST or CLIENT_SECRET_BASIC. */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

export const tokenAuthMethods: readonly TokenAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

/** PingOne's default for a new application, and what the emulator's seeded apps use. */
export const defaultTokenAuthMethod: TokenAuthMethod = 'client_secret_basic';
