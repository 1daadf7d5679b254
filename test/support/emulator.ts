import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/index.js';

export type TestEmulator = RunningEmulator & {
    /** `https://auth.pingone.<tld>/<envId>/as`: what the connector's URL builders produce for this emulator. */
    authBase: string;
    /** `https://api.pingone.<tld>/v1`. */
    apiBase: string;
    /** A client-credentials token for the seeded Worker app, fetched straight from the emulator. */
    workerToken(): Promise<string>;
};

/**
 * Starts an emulator on a free loopback port for one test file (small tenant, fixed seed, no faults).
 * Close it in afterAll: `const emulator = await startTestEmulator(); afterAll(() => emulator.close());`
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
    const emulator = await startEmulator({ seed: 'test', users: 60, ...options });
    return Object.assign(emulator, {
        authBase: `https://auth.pingone.${emulator.tld}/${emulator.environmentId}/as`,
        apiBase: `https://api.pingone.${emulator.tld}/v1`,
        async workerToken(): Promise<string> {
            // The Worker app authenticates the way `options.worker.tokenEndpointAuthMethod` set it up (default post).
            const inBody = options.worker?.tokenEndpointAuthMethod !== 'CLIENT_SECRET_BASIC';
            const form = new URLSearchParams({ grant_type: 'client_credentials' });
            if (inBody) {
                form.set('client_id', emulator.worker.clientId);
                form.set('client_secret', emulator.worker.clientSecret);
            }
            const response = await fetch(`${emulator.url}/${emulator.environmentId}/as/token`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/x-www-form-urlencoded',
                    ...(inBody
                        ? {}
                        : { authorization: `Basic ${Buffer.from(`${emulator.worker.clientId}:${emulator.worker.clientSecret}`).toString('base64')}` }),
                },
                body: form.toString(),
            });
            if (!response.ok) throw new Error(`The emulator refused the Worker app's token request: ${response.status} ${await response.text()}`);
            return ((await response.json()) as { access_token: string }).access_token;
        },
    });
}
