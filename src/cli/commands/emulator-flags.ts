// The emulator command's flags, turned into startEmulator options. Fault shares come from the one
// table of them, `faultShareKeys`: each key is a `--fault` name (without `Rate`, in kebab case).
import { faultShareKeys, type FaultSettings, type FaultShareKey } from '../../emulator/faults/fault-settings.js';
import type { EmulatorOptions } from '../../emulator/options.js';
import { UsageError } from '../../errors/index.js';
import { integerFlag } from '../flags.js';

export const emulatorFlags = {
    port: { type: 'string' },
    users: { type: 'string' },
    seed: { type: 'string' },
    'rate-limit': { type: 'string' },
    burst: { type: 'string' },
    'token-lifetime': { type: 'string' },
    latency: { type: 'string' },
    fault: { type: 'string', multiple: true },
    'error-status': { type: 'string' },
    'sign-on-user': { type: 'string' },
    json: { type: 'boolean' },
} as const;

export interface EmulatorFlagValues {
    port?: string | undefined;
    users?: string | undefined;
    seed?: string | undefined;
    'rate-limit'?: string | undefined;
    burst?: string | undefined;
    'token-lifetime'?: string | undefined;
    latency?: string | undefined;
    fault?: string[] | undefined;
    'error-status'?: string | undefined;
    'sign-on-user'?: string | undefined;
}

/** `cutAfterActRate` → `cut-after-act`. */
export function faultName(key: FaultShareKey): string {
    return key.replace(/Rate$/, '').replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export const faultNames: readonly string[] = faultShareKeys.map(faultName);

function positiveNumber(flag: string, value: string, what: string): number {
    const parsed = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(parsed > 0)) throw new UsageError(`--${flag} must be ${what} above 0; got "${value}".`, { flag: `--${flag}` });
    return parsed;
}

/** `--fault NAME=SHARE`, repeatable: each a share from 0 to 1 of requests that meet that fault. */
function faultShares(pairs: readonly string[]): Partial<Record<FaultShareKey, number>> {
    const shares: Partial<Record<FaultShareKey, number>> = {};
    for (const pair of pairs) {
        const [name, value, extra] = pair.split('=');
        const key = faultShareKeys.find((candidate) => faultName(candidate) === name);
        if (key === undefined || value === undefined || extra !== undefined) {
            throw new UsageError(`--fault takes NAME=SHARE with NAME one of ${faultNames.join(', ')}; got "${pair}".`, { flag: '--fault' });
        }
        const share = Number(value);
        if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) || !(share >= 0 && share <= 1)) {
            throw new UsageError(`--fault ${name} must be a share from 0 to 1 (e.g. ${name}=0.02); got "${value}".`, { flag: '--fault' });
        }
        shares[key] = share;
    }
    return shares;
}

function errorStatuses(value: string): number[] {
    const statuses = value.split(',').map((part) => part.trim());
    if (statuses.some((status) => !/^5\d\d$/.test(status))) {
        throw new UsageError(`--error-status takes 5xx statuses separated by commas (e.g. 500,503); got "${value}".`, { flag: '--error-status' });
    }
    return statuses.map(Number);
}

/** `USERNAME` or `USERNAME:PASSWORD` (the password may hold colons). */
function signOnUser(value: string): { username: string; password?: string } {
    const at = value.indexOf(':');
    const username = at < 0 ? value : value.slice(0, at);
    const password = at < 0 ? undefined : value.slice(at + 1);
    const bad = (text: string) => text.length === 0 || /[\s\p{Cc}]/u.test(text);
    if (bad(username) || (password !== undefined && bad(password))) {
        throw new UsageError('--sign-on-user takes USERNAME or USERNAME:PASSWORD, neither empty nor with spaces.', { flag: '--sign-on-user' });
    }
    return password === undefined ? { username } : { username, password };
}

/** The flags as startEmulator options; a bad value is a UsageError naming its flag (exit 2). */
export function emulatorOptions(values: EmulatorFlagValues): EmulatorOptions {
    const port = integerFlag('port', values.port, { min: 0, max: 65535 });
    // The sign-on admin is one of the users: N in all means N - 1 generated.
    const users = integerFlag('users', values.users, { min: 1, max: 10_000_001 });
    const tokenLifetimeSeconds = integerFlag('token-lifetime', values['token-lifetime'], { min: 1, max: 2_592_000 });
    const latencyMs = integerFlag('latency', values.latency, { min: 0, max: 60_000 });
    const burst = integerFlag('burst', values.burst, { min: 1, max: 100_000 });
    const requestsPerSecond =
        values['rate-limit'] === undefined ? undefined : positiveNumber('rate-limit', values['rate-limit'], 'a number of requests per second');
    if (burst !== undefined && requestsPerSecond === undefined) {
        throw new UsageError('--burst sizes the rate limit: give --rate-limit too.', { flag: '--burst' });
    }
    if (values.seed !== undefined && values.seed.trim() === '') throw new UsageError('--seed must not be empty.', { flag: '--seed' });
    const faults: FaultSettings = {
        ...faultShares(values.fault ?? []),
        ...(latencyMs === undefined ? {} : { latencyMs }),
        ...(values['error-status'] === undefined ? {} : { errorStatuses: errorStatuses(values['error-status']) }),
    };
    return {
        ...(port === undefined ? {} : { port }),
        ...(users === undefined ? {} : { users: users - 1 }),
        ...(values.seed === undefined ? {} : { seed: values.seed }),
        ...(tokenLifetimeSeconds === undefined ? {} : { tokenLifetimeSeconds }),
        ...(requestsPerSecond === undefined ? {} : { rateLimit: { requestsPerSecond, ...(burst === undefined ? {} : { burst }) } }),
        ...(Object.keys(faults).length === 0 ? {} : { faults }),
        ...(values['sign-on-user'] === undefined ? {} : { signOnUser: signOnUser(values['sign-on-user']) }),
    };
}
