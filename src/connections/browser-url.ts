// Where the browser goes for a PingOne URL. The URL builders always produce PingOne's real hosts;
// a connection bound to the emulator serves them from the emulator's loopback origin instead. The
// HTTP layer does this for the server's own requests (with x-forwarded-host); a browser cannot send
// that header, so its URLs are rewritten here and the emulator answers with links to itself.

/** `tlds`: the provider's regions (`com`, `eu`, ...), from its definition. */
export function browserUrlFor(emulatorOrigin: string | undefined, tlds: readonly string[]): (url: URL) => URL {
    if (emulatorOrigin === undefined) return (url) => url;
    const origin = new URL(emulatorOrigin);
    const pingOneHosts = new Set(tlds.flatMap((tld) => [`auth.pingone.${tld}`, `api.pingone.${tld}`]));
    return (url) => {
        if (!pingOneHosts.has(url.hostname)) return url;
        const mapped = new URL(url);
        mapped.protocol = origin.protocol;
        mapped.host = origin.host;
        return mapped;
    };
}
