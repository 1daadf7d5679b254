export { CachedTokenSource, type TokenSource, type CacheOptions } from './cached-token-source.js';
export { clientCredentialsTokenSource } from './client-credentials.js';
export { refreshTokenSource, type RefreshTokenSourceOptions, type SharedTokens } from './refresh-token.js';
export { startAuthorization, readCallback, exchangeAuthorizationCode, type AuthorizationRequest } from './authorization-code.js';
export { startCallbackReceiver, type CallbackReceiver } from './loopback-callback.js';
export { authorizeWithBrowser, type BrowserAuthorizationOptions } from './authorize-with-browser.js';
export { requestToken, type TokenClient } from './token-endpoint.js';
export { tokenErrorFrom, type TokenRequestContext } from './token-errors.js';
export { parseTokenResponse, type TokenSet } from './token-set.js';
export { createPkcePair, createState } from './pkce.js';
export {
    authenticate,
    consoleName,
    defaultTokenAuthMethod,
    parseTokenAuthMethod,
    tokenAuthMethods,
    type ClientCredentials,
    type TokenAuthMethod,
} from './client-authentication.js';
export { authorizedRequest } from './authorized-request.js';
