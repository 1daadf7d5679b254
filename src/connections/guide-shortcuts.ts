import { InvalidConfigError } from '../errors/index.js';

/**
 * The setup guides hand people an app's Authorization URL
 * (`https://auth.pingone.<tld>/<environmentId>/as/authorize`) or, the Cyclr way, an auth domain
 * (`auth.pingone.<tld>`). These read the connection config out of them; the connector validates
 * the result afterwards like any other input.
 */
export function configFromAuthorizationUrl(text: string): { tld: string; environmentId: string } {
    let url: URL;
    try {
        url = new URL(text);
    } catch {
        throw new InvalidConfigError('authorizationUrl', `--authorization-url "${text}" is not a URL.`, {
            hint: "Paste the app's Authorization URL from PingOne (Applications > your app > Overview), e.g. https://auth.pingone.eu/<environment-id>/as/authorize.",
        });
    }
    const match = /^\/([^/]+)\/as(?:\/[a-z_/-]*)?$/.exec(url.pathname);
    if (url.protocol !== 'https:' || match === null) {
        throw new InvalidConfigError('authorizationUrl', `--authorization-url "${url.origin}${url.pathname}" is not a PingOne authorization URL.`, {
            hint: 'It looks like https://auth.pingone.<tld>/<environment-id>/as/authorize.',
        });
    }
    return { tld: tldFromAuthHost(url.hostname, 'authorizationUrl'), environmentId: decodeURIComponent(match[1] as string) };
}

export function tldFromAuthDomain(text: string): string {
    const host = text.replace(/^https:\/\//, '').replace(/\/+$/, '');
    return tldFromAuthHost(host, 'authDomain');
}

function tldFromAuthHost(host: string, field: string): string {
    const match = /^auth\.pingone\.([a-z.]+)$/i.exec(host);
    if (match === null) {
        throw new InvalidConfigError(field, `"${host}" is not a PingOne auth domain.`, {
            hint: 'PingOne auth domains are auth.pingone.<tld>, e.g. auth.pingone.com, auth.pingone.eu or auth.pingone.com.au.',
        });
    }
    return (match[1] as string).toLowerCase();
}
