import type { Dispatcher } from 'undici';
import { HostNotAllowedError } from '../errors/index.js';
import { requestOrigin } from './request-origin.js';

/**
 * The last line of defence: a request whose origin is not `https://<one of allowedHosts>` is
 * refused before anything is sent, whatever built its URL (a script's next link, a config, a bug).
 * It sits outside every other interceptor, so a refused request is never mapped, queued or retried.
 */
export function hostAllowList(allowedHosts: readonly string[]): Dispatcher.DispatcherComposeInterceptor {
    const allowed = new Set(allowedHosts.map((host) => host.toLowerCase()));
    for (const host of allowed) {
        if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) throw new RangeError(`allowedHosts must be plain host names; "${host}" is not`);
    }
    return (dispatch) => (opts, handler) => {
        const origin = requestOrigin(opts);
        if (origin === undefined || origin.protocol !== 'https:' || !allowed.has(origin.host) || !opts.path.startsWith('/')) {
            const host = origin === undefined ? String(opts.origin ?? '') : origin.protocol === 'https:' ? origin.host : origin.origin;
            throw new HostNotAllowedError(host, [...allowed]);
        }
        return dispatch(opts, handler);
    };
}
