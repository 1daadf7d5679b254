import { afterAll, beforeAll } from 'vitest';
import { getConnector } from '../../connectors/registry.generated.js';
import { createPingOneDispatcher, type PingOneDispatcher } from '../../src/http/index.js';
import type { ClientCredentials, TokenAuthMethod, TokenClient } from '../../src/oauth/index.js';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

/** One emulator per test file, and a helper for token clients that reach it through the host mapping. */
export function useEmulator(options: EmulatorOptions = {}): {
    emulator: () => TestEmulator;
    client: (
        credentials: ClientCredentials,
        authMethod: TokenAuthMethod,
        provider?: 'pingone-cc' | 'pingone',
    ) => TokenClient & { dispatcher: PingOneDispatcher };
} {
    let emulator: TestEmulator | undefined;
    const dispatchers: PingOneDispatcher[] = [];
    beforeAll(async () => {
        emulator = await startTestEmulator(options);
    });
    afterAll(async () => {
        await Promise.all(dispatchers.map((dispatcher) => dispatcher.close()));
        await emulator?.close();
    });
    return {
        emulator: () => emulator!,
        client(credentials, authMethod, provider = 'pingone-cc') {
            const connector = getConnector(provider);
            const config = { tld: emulator!.tld, environmentId: emulator!.environmentId };
            const dispatcher = createPingOneDispatcher({ allowedHosts: connector.allowedHosts(config), emulatorOrigin: emulator!.url });
            dispatchers.push(dispatcher);
            return { connector, config, credentials, authMethod, dispatcher };
        },
    };
}
