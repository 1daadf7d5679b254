import type { Dispatcher } from 'undici';

/** The origin a request is addressed to, or undefined when it has none that parses. */
export function requestOrigin(opts: Dispatcher.DispatchOptions): URL | undefined {
    if (opts.origin === undefined) return undefined;
    try {
        return new URL(String(opts.origin));
    } catch {
        return undefined;
    }
}
