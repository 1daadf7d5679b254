import { REGIONS, TLDS, type Tld } from '../../connectors/shared/pingone.generated.js';
import type { FaultSettings } from './faults/fault-settings.js';
import type { TokenAuthMethod } from './tenant/records.js';

export type { Tld };

export interface RateLimitSettings {
    /** Sustained requests per second per environment. */
    requestsPerSecond: number;
    /** Bucket size: requests allowed at once after a quiet spell (default: one second's worth). */
    burst?: number;
}

export interface EmulatorOptions {
    /** Port to listen on; 0 (default) picks a free one. */
    port?: number;
    /** Loopback address to bind (default 127.0.0.1). */
    host?: string;
    /** Everything seeded (ids, names, secrets, fault dice) derives from it. Default `pingone-emulator`. */
    seed?: string;
    /** Users in the main environment (default 120; up to 10,000,000). */
    users?: number;
    /** Populations in the main environment, its generated users spread evenly over them (default 4; from 4 to 64). */
    populations?: number;
    tld?: Tld;
    /** Access-token lifetime in seconds (default 3600, at least 1). */
    tokenLifetimeSeconds?: number;
    /** Off by default. */
    rateLimit?: RateLimitSettings;
    /** Off by default. */
    faults?: FaultSettings;
    /** The most users one page holds, whatever `limit` asks for (default 200, PingOne's documented cap). */
    userPageCap?: number;
    /** Refuse users without `email` (the community spec marks it required; default true). */
    requireEmail?: boolean;
    worker?: { tokenEndpointAuthMethod?: TokenAuthMethod['setting'] };
    web?: {
        /** Registered redirect URIs (default `http://127.0.0.1/callback`; any loopback port matches, RFC 8252). */
        redirectUris?: string[];
        tokenEndpointAuthMethod?: TokenAuthMethod['setting'];
    };
    /** Skip the sign-on page: authorize signs the seeded user in at once (for headless flows). */
    autoSignOn?: boolean;
    /** The seeded admin who signs on (default username `emulator.admin`, a password derived from the seed). */
    signOnUser?: { username?: string; password?: string };
    /**
     * The emulator's clock in epoch milliseconds (default `Date.now`): access-token `iat`/`exp`
     * and their check, and authorization-code and refresh-token expiry read it, so a test can move
     * through token lifetimes without sleeping through them.
     */
    clock?: () => number;
}

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'rateLimit' | 'faults' | 'worker' | 'web' | 'signOnUser'>> & {
    signOnUsername: string;
    /** Undefined: derived from the seed. */
    signOnPassword: string | undefined;
    rateLimit: RateLimitSettings | undefined;
    faults: FaultSettings;
    workerAuthMethod: TokenAuthMethod['setting'];
    webAuthMethod: TokenAuthMethod['setting'];
    redirectUris: string[];
};

function wholeNumber(name: string, value: number, min: number, max: number): number {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`startEmulator: ${name} must be a whole number from ${min} to ${max}; got ${value}.`);
    }
    return value;
}

/** A sign-on username or password: 1 to `max` characters, no spaces or control characters. */
function signOnText(name: string, value: string | undefined, max: number): string | undefined {
    if (value === undefined) return undefined;
    if (value.length === 0 || value.length > max || /[\s\p{Cc}]/u.test(value)) {
        throw new RangeError(`startEmulator: ${name} must be 1 to ${max} characters without spaces; got ${value.length} characters.`);
    }
    return value;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
    const tld = options.tld ?? 'com';
    if (!(tld in REGIONS)) throw new RangeError(`startEmulator: tld must be one of ${TLDS.join(', ')}; got "${tld}".`);
    if (options.rateLimit && !(options.rateLimit.requestsPerSecond > 0)) {
        throw new RangeError(`startEmulator: rateLimit.requestsPerSecond must be above 0; got ${options.rateLimit.requestsPerSecond}.`);
    }
    return {
        port: wholeNumber('port', options.port ?? 0, 0, 65535),
        host: options.host ?? '127.0.0.1',
        seed: options.seed ?? 'pingone-emulator',
        users: wholeNumber('users', options.users ?? 120, 0, 10_000_000),
        populations: wholeNumber('populations', options.populations ?? 4, 4, 64),
        tld,
        tokenLifetimeSeconds: wholeNumber('tokenLifetimeSeconds', options.tokenLifetimeSeconds ?? 3600, 1, 2_592_000),
        rateLimit: options.rateLimit,
        faults: options.faults ?? {},
        userPageCap: wholeNumber('userPageCap', options.userPageCap ?? 200, 1, 1000),
        requireEmail: options.requireEmail ?? true,
        // Client Secret Post, as Nango's setup guides tell the admin to pick
        // (https://nango.dev/docs/integrations/all/pingone-cc/connect, https://nango.dev/docs/integrations/all/pingone).
        workerAuthMethod: options.worker?.tokenEndpointAuthMethod ?? 'CLIENT_SECRET_POST',
        webAuthMethod: options.web?.tokenEndpointAuthMethod ?? 'CLIENT_SECRET_POST',
        redirectUris: options.web?.redirectUris ?? ['http://127.0.0.1/callback'],
        autoSignOn: options.autoSignOn ?? false,
        signOnUsername: signOnText('signOnUser.username', options.signOnUser?.username, 128) ?? 'emulator.admin',
        signOnPassword: signOnText('signOnUser.password', options.signOnUser?.password, 255),
        clock: options.clock ?? Date.now,
    };
}
