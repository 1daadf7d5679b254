/** Failure knobs, each off unless set. Shares are probabilities from 0 to 1, drawn from a seeded sequence. */
export interface FaultSettings {
    /** Added to every answer, in milliseconds. */
    latencyMs?: number;
    /** Extra random latency from 0 to this many milliseconds (seeded). */
    latencyJitterMs?: number;
    /** Share of requests answered with one of `errorStatuses` instead. */
    errorRate?: number;
    /** Default [500, 502, 503]; 503 carries `Retry-After: 1`. */
    errorStatuses?: number[];
    /** Share of requests whose connection is destroyed without an answer. */
    dropRate?: number;
    /** Share of JSON answers cut short (invalid JSON, status and headers intact). */
    malformedRate?: number;
    /** Share of 2xx JSON answers replaced by `{}` (status and content type intact). */
    emptyObjectRate?: number;
    /** Share of 2xx JSON answers replaced by a 200 HTML page, as a proxy or captive portal before PingOne would send. */
    htmlRate?: number;
    /** Share of management calls whose access token is treated as expired from then on (401 INVALID_TOKEN). */
    earlyExpiryRate?: number;
    /** Share of requests the emulator carries out (a POST creates, a DELETE deletes) and then answers by destroying the connection. */
    cutAfterActRate?: number;
    /** Which requests the faults touch: `api` (/v1 only) or `all` (also the auth server). Default `all`. */
    scope?: 'api' | 'all';
    /** Seed of the dice; defaults to the emulator's seed. */
    seed?: string;
}

/**
 * Every share key of FaultSettings: the one table of fault names. The settings check reads it, and
 * so does the emulator command, whose `--fault NAME=SHARE` takes each key without its `Rate`, in
 * kebab case (`cutAfterActRate` is `--fault cut-after-act=0.01`): a key added here gets its flag.
 */
export const faultShareKeys = [
    'errorRate',
    'dropRate',
    'malformedRate',
    'emptyObjectRate',
    'htmlRate',
    'earlyExpiryRate',
    'cutAfterActRate',
] as const satisfies readonly (keyof FaultSettings)[];

export type FaultShareKey = (typeof faultShareKeys)[number];

export function checkFaultSettings(settings: FaultSettings): FaultSettings {
    for (const key of faultShareKeys) {
        const value = settings[key];
        if (value !== undefined && !(value >= 0 && value <= 1)) throw new RangeError(`faults.${key} must be a share from 0 to 1; got ${value}.`);
    }
    for (const key of ['latencyMs', 'latencyJitterMs'] as const) {
        const value = settings[key];
        if (value !== undefined && !(value >= 0)) throw new RangeError(`faults.${key} must be 0 or more milliseconds; got ${value}.`);
    }
    for (const status of settings.errorStatuses ?? []) {
        if (!Number.isInteger(status) || status < 500 || status > 599) throw new RangeError(`faults.errorStatuses must hold 5xx statuses; got ${status}.`);
    }
    return settings;
}
