/**
 * Whether a URL's hostname is this machine (any 127.x.x.x, ::1, localhost). An emulator receives a
 * connection's credentials, so only a loopback one may stand in for PingOne: the CLI's `--emulator`
 * check and the dispatcher's host mapping both ask this one question.
 */
export function isLoopbackHostname(hostname: string): boolean {
    return /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/.test(hostname);
}
