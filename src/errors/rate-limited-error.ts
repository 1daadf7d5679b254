import type { ConnectorErrorOptions } from './connector-error.js';
import { PingOneApiError, type PingOneApiErrorInit } from './pingone-api-error.js';

/** PingOne kept answering 429 (or asked for a wait longer than the caller allows). */
export class RateLimitedError extends PingOneApiError {
    static override readonly code = 'rate_limited';

    /** How long PingOne asked to wait, from `Retry-After`; undefined when it did not say. */
    readonly retryAfterMs: number | undefined;

    constructor(init: PingOneApiErrorInit & { retryAfterMs?: number }, options: ConnectorErrorOptions = {}) {
        super(init, {
            code: RateLimitedError.code,
            hint:
                options.hint ??
                (init.retryAfterMs === undefined
                    ? 'PingOne limits requests per license; try again later or lower requestsPerSecond.'
                    : `PingOne asked to wait ${Math.ceil(init.retryAfterMs / 1000)} s; try again then, or lower requestsPerSecond.`),
            cause: options.cause,
        });
        this.retryAfterMs = init.retryAfterMs;
    }
}
