import { createPingOneDispatcher } from '../http/index.js';
import { authorizeWithBrowser, defaultTokenAuthMethod } from '../oauth/index.js';
import { browserUrlFor } from './browser-url.js';
import type { ConnectionSpec } from './connection-spec.js';
import { connectorFor } from './connector-for.js';

export interface AuthorizeOptions {
    /** The callback port, when the app's registered redirect URI names one; else a free one. */
    port: number | undefined;
    scopes: readonly string[];
    signal: AbortSignal;
    /** Tells the person where to sign on. */
    say: (line: string) => void;
}

/**
 * The authorization-code sign-on for `connect --provider pingone`: a loopback receiver on
 * 127.0.0.1, PKCE S256 and `state`, the sign-on URL shown to the person, and the code exchanged
 * for tokens through the connection's own dispatcher (host allow-list, emulator mapping).
 */
export async function authorizeInteractively(spec: ConnectionSpec, options: AuthorizeOptions): Promise<ConnectionSpec> {
    const connector = connectorFor(spec.provider);
    const config = connector.parseConnectionConfig(spec.config);
    const dispatcher = createPingOneDispatcher({
        allowedHosts: connector.allowedHosts(config),
        ...(spec.emulatorUrl ? { emulatorOrigin: spec.emulatorUrl } : {}),
    });
    const browserUrl = browserUrlFor(spec.emulatorUrl, Object.keys(connector.extensions.regions));
    try {
        const tokens = await authorizeWithBrowser({
            connector,
            config,
            credentials: { clientId: spec.secrets.clientId ?? '', clientSecret: spec.secrets.clientSecret ?? '' },
            authMethod: spec.authMethod ?? defaultTokenAuthMethod,
            dispatcher,
            scopes: options.scopes,
            signal: options.signal,
            ...(options.port ? { port: options.port } : {}),
            openBrowser: (url) => {
                options.say('Sign on to PingOne in a browser at:');
                options.say(`  ${browserUrl(url).toString()}`);
                options.say('Waiting for the redirect to this machine (Ctrl-C to stop)...');
            },
        });
        return {
            ...spec,
            secrets: {
                ...spec.secrets,
                accessToken: tokens.accessToken,
                accessTokenExpiresAt: new Date(tokens.expiresAt).toISOString(),
                ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
            },
        };
    } finally {
        await dispatcher.close();
    }
}
