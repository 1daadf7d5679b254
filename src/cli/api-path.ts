import { UsageError } from '../errors/index.js';

const example = 'e.g. /v1/environments/<env-id>/users';

/**
 * The path `request` sends, checked before anything is sent: it starts with "/" and has no dot
 * segment. URL parsing resolves "." and ".." (also as %2e, and after a "\", which it reads as "/"),
 * so `/v1/../../etc` would be sent as `/etc`: a path other than the one written.
 */
export function checkApiPath(path: string): string {
    if (!path.startsWith('/')) {
        throw new UsageError(`The path "${path}" must start with "/" (a path on the connection's API host, not a URL).`, { hint: example });
    }
    const beforeQuery = path.split(/[?#]/, 1)[0] ?? '';
    const dotted = beforeQuery.split(/[/\\]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
    if (dotted) {
        throw new UsageError(`The path "${path}" has a "." or ".." segment; write the path it should reach instead.`, {
            hint: `Dot segments (also %2e) are refused, not resolved, so that the path sent is the one written: ${example}`,
        });
    }
    return path;
}
