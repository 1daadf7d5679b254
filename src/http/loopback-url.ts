export type LoopbackUrl = { kind: 'loopback'; url: URL } | { kind: 'elsewhere'; url: URL } | { kind: 'not-a-url' };

/**
 * An http(s) URL on this machine (any 127.x.x.x, ::1, localhost), or why the text is not one. An
 * emulator receives a connection's credentials, so only a loopback one may stand in for PingOne:
 * the CLI's `--emulator` check and the dispatcher's host mapping both ask this one question, and
 * each words its own answer.
 */
export function loopbackUrl(text: string): LoopbackUrl {
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        return { kind: 'not-a-url' };
    }
    const loopback = (url.protocol === 'http:' || url.protocol === 'https:') && /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/.test(url.hostname);
    return { kind: loopback ? 'loopback' : 'elsewhere', url };
}
