import { exchangeAuthorizationCode, startAuthorization, type AuthorizationRequest } from './authorization-code.js';
import { startCallbackReceiver } from './loopback-callback.js';
import type { TokenClient } from './token-endpoint.js';
import type { TokenSet } from './token-set.js';

export interface BrowserAuthorizationOptions extends TokenClient {
    scopes: readonly string[];
    /** Shows the sign-on URL to the person (prints it, opens a browser). With an emulator, map it to the emulator first. */
    openBrowser(url: URL): void | Promise<void>;
    /** Fixed callback port, when the application's registered redirect URI names one. */
    port?: number;
    signal?: AbortSignal;
    timeoutMs?: number;
    /** Exchanges the code, when the caller wants more than one try at client authentication; by default with `authMethod`. */
    exchange?: (request: AuthorizationRequest, code: string, signal?: AbortSignal) => Promise<TokenSet>;
}

/** The whole authorization-code flow for the CLI: loopback receiver, PKCE + state, sign-on, code exchange. */
export async function authorizeWithBrowser(options: BrowserAuthorizationOptions): Promise<TokenSet> {
    const receiver = await startCallbackReceiver(options.port === undefined ? {} : { port: options.port });
    try {
        const request = startAuthorization({
            connector: options.connector,
            config: options.config,
            clientId: options.credentials.clientId,
            redirectUri: receiver.redirectUri,
            scopes: options.scopes,
        });
        const code = receiver.waitForCode(request.state, {
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        });
        // Awaited together, so that whichever fails first (openBrowser may even throw at once) is the
        // answer and the other's later failure, such as close() ending the wait, is handled.
        const shown = (async () => options.openBrowser(request.url))();
        const [, received] = await Promise.all([shown, code]);
        return await (options.exchange ?? ((...args) => exchangeAuthorizationCode(options, ...args)))(request, received, options.signal);
    } finally {
        await receiver.close();
    }
}
