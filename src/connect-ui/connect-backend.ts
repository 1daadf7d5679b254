import type { ConnectRequest, ConnectResponse } from './protocol.js';

/**
 * What the Connect UI needs from the rest of the package: testing and saving a connection exactly
 * as the CLI does. Every input has already passed the connector's validator.
 */
export interface ConnectBackend {
    /** Client credentials: fetch a token, read the environment, save on success, explain a failure. */
    testAndSave(input: ConnectRequest & { connectionName: string }): Promise<ConnectResponse>;
    /** Before the sign-in: the failure when PingOne refuses the client ID and secret themselves, else undefined. */
    checkClient(input: ConnectRequest & { redirectUri: string }): Promise<ConnectResponse | undefined>;
    /** Authorization code: exchange the code, read the environment, save on success, explain a failure. */
    completeAuthorization(
        input: ConnectRequest & { connectionName: string; code: string; codeVerifier: string; redirectUri: string },
    ): Promise<ConnectResponse>;
    /** Whether a connection of that name is saved already (saving replaces it). */
    hasConnection(name: string): Promise<boolean>;
    /** The scopes to ask for on PingOne's sign-on page. */
    readonly authorizationScopes: readonly string[];
    /** Where the browser goes for a PingOne URL: itself, or the emulator serving it. */
    browserUrl(url: URL): URL;
}
