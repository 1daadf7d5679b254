import type { Dispatcher } from 'undici';
import { InvalidConfigError } from '../errors/index.js';
import { headerRecord } from './headers.js';
import { loopbackUrl } from './loopback-url.js';
import { requestOrigin } from './request-origin.js';
import { forwardAll } from './request-stats.js';
import { errorCode } from './retry-policy.js';

const pingOneHost = /^(auth|api)\.pingone\.[a-z]+(\.[a-z]+)?$/;

/** Checks an emulator URL: it must be an http(s) origin on this machine, since it receives credentials. */
export function parseEmulatorOrigin(value: string | URL): URL {
    const checked = loopbackUrl(String(value));
    if (checked.kind === 'not-a-url') {
        throw new InvalidConfigError('emulatorUrl', `The emulator URL "${String(value)}" is not a URL.`, {
            hint: 'Give the URL the emulator printed when it started, e.g. http://127.0.0.1:4010.',
        });
    }
    if (checked.kind === 'elsewhere') {
        throw new InvalidConfigError(
            'emulatorUrl',
            `The emulator URL must point at this machine (127.0.0.1, ::1 or localhost); ${checked.url.origin} does not.`,
            {
                hint: 'Credentials are sent to the emulator, so only a loopback emulator is accepted.',
            },
        );
    }
    return new URL(checked.url.origin);
}

/**
 * A refused connection to the emulator's origin: no emulator is running there. It keeps the refused
 * connection's code, so retries treat it as any refused connect; requestJson names the emulator from it.
 */
export class EmulatorRefusedError extends Error {
    readonly code = 'ECONNREFUSED';
    readonly emulatorOrigin: string;

    constructor(emulatorOrigin: string, cause: Error) {
        super(`Connection refused by ${emulatorOrigin}`, { cause });
        this.name = 'EmulatorRefusedError';
        this.emulatorOrigin = emulatorOrigin;
    }
}

/**
 * Sends requests for `auth.pingone.<tld>` and `api.pingone.<tld>` to the emulator, after their
 * URL was built and checked against the allow-list, telling it the host it stands in for. The
 * emulator builds every absolute URL it returns from `x-forwarded-host`, so callers see exactly
 * the links PingOne would send.
 */
export function emulatorHostMapping(emulatorOrigin: string | URL): Dispatcher.DispatcherComposeInterceptor {
    const target = parseEmulatorOrigin(emulatorOrigin);
    return (dispatch) => (opts, handler) => {
        const origin = requestOrigin(opts);
        if (origin === undefined || !pingOneHost.test(origin.hostname)) return dispatch(opts, handler);
        const headers = headerRecord(opts.headers);
        headers['x-forwarded-host'] = origin.host;
        headers['x-forwarded-proto'] = origin.protocol.slice(0, -1);
        return dispatch(
            { ...opts, origin: target.origin, headers },
            {
                ...forwardAll(handler),
                onResponseError: (controller, error) =>
                    handler.onResponseError?.(controller, errorCode(error) === 'ECONNREFUSED' ? new EmulatorRefusedError(target.origin, error) : error),
            },
        );
    };
}
