const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * Whether a requested redirect URI is allowed by a registered one: exact match, or, for a loopback
 * registration, the same scheme, host and path on any port (RFC 8252 section 7.3: native apps bind
 * an ephemeral port).
 */
export function redirectUriAllowed(requested: string, registered: readonly string[]): boolean {
    if (registered.includes(requested)) return true;
    let asked: URL;
    try {
        asked = new URL(requested);
    } catch {
        return false;
    }
    if (asked.protocol !== 'http:' || !loopbackHosts.has(asked.hostname)) return false;
    return registered.some((candidate) => {
        try {
            const known = new URL(candidate);
            return known.protocol === 'http:' && known.hostname === asked.hostname && known.pathname === asked.pathname && known.search === asked.search;
        } catch {
            return false;
        }
    });
}
