// Reads the addresses an admin copies from PingOne and says which region and environment they
// name: the admin console's (https://console.pingone.<tld>/?env=<environment-id>), an
// application's Authorization URL, Token URL or Issuer (https://auth.pingone.<tld>/<environment-id>/as…),
// what Cyclr calls the Auth Domain (auth.pingone.<tld>), and an API address
// (https://api.pingone.<tld>/v1/environments/<environment-id>…). PingOne's console, auth and api
// hosts per region: https://docs.pingidentity.com/pingone/developer_tools/p1_ip_address_domain_reference.html
// Nothing here is requested: the values only fill the form, where they are checked like anything
// typed. Runs in the browser bundle and on the server.

import type { FieldOption } from './form-model.js';

export type PasteResult = { ok: true; tld: string; environmentId: string | undefined; message: string } | { ok: false; message: string };

export interface PasteContext {
    /** The region field's options (TLD and label), from the schema. */
    regions: readonly FieldOption[];
    regionTitle: string;
    environmentIdTitle: string;
}

type Service = 'auth' | 'api' | 'console';

const pingOneHost = /^(auth|api|console)\.pingone\.(.+)$/;
const uuid = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const expected =
    "an address from PingOne: the admin console's (https://console.pingone.eu/?env=<environment-id>), an application's Authorization URL, Token URL or Issuer (https://auth.pingone.eu/<environment-id>/as), or an API address (https://api.pingone.eu/v1/environments/<environment-id>)";

function parseLoosely(input: string): URL | undefined {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
    try {
        return new URL(withScheme);
    } catch {
        return undefined;
    }
}

/** The text as the admin pasted it: `hello%20world` reads `hello world`. */
function plainText(encoded: string): string {
    try {
        return decodeURIComponent(encoded);
    } catch {
        return encoded;
    }
}

/** Where each kind of address carries the environment ID; undefined when it carries none. */
function environmentPart(service: Service, url: URL): string | undefined {
    const segments = url.pathname.split('/').filter((segment) => segment !== '');
    if (service === 'auth') return segments[0];
    if (service === 'api') return segments[0] === 'v1' && segments[1] === 'environments' ? segments[2] : undefined;
    // The console keeps the environment in the query (?env=), and in some views in the fragment's query.
    const fromHash = new URLSearchParams(url.hash.replace(/^#[^?]*\??/, '')).get('env');
    return url.searchParams.get('env') ?? fromHash ?? undefined;
}

export function readPastedValue(pasted: string, context: PasteContext): PasteResult {
    const input = pasted.trim();
    if (input === '') return { ok: false, message: `Paste ${expected}.` };
    const url = parseLoosely(input);
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
        return { ok: false, message: `That is not a PingOne address. Expected ${expected}.` };
    }
    const host = url.hostname.toLowerCase();
    const match = pingOneHost.exec(host);
    if (match === null) return { ok: false, message: `${host} is not a PingOne address. Expected ${expected}.` };
    const service = match[1] as Service;
    const tld = match[2]!;
    const region = context.regions.find((option) => option.value === tld);
    if (region === undefined) {
        const known = context.regions.map((option) => `${service}.pingone.${option.value}`).join(', ');
        return { ok: false, message: `${host} is not one of PingOne's regions (${known}).` };
    }
    const regionSet = `${context.regionTitle} set to ${region.label}`;
    const part = environmentPart(service, url);
    if (part === undefined) {
        return {
            ok: true,
            tld,
            environmentId: undefined,
            message: `${regionSet}. That address does not name the environment: enter the ${context.environmentIdTitle} too.`,
        };
    }
    const candidate = plainText(part);
    if (!uuid.test(candidate) && /^[0-9a-f-]{8,}$/i.test(candidate)) {
        // A UUID with a character lost in copying: fill it in, so that the field's check says what is wrong.
        return {
            ok: true,
            tld,
            environmentId: candidate.toLowerCase(),
            message: `${regionSet}. The ${context.environmentIdTitle} in that address is not a whole UUID: see below.`,
        };
    }
    if (!uuid.test(candidate)) {
        return {
            ok: true,
            tld,
            environmentId: undefined,
            message: `${regionSet}. Where that address should name the ${context.environmentIdTitle} (a UUID), it has "${candidate.slice(0, 40)}": enter the ${context.environmentIdTitle} yourself.`,
        };
    }
    const environmentId = candidate.toLowerCase();
    return { ok: true, tld, environmentId, message: `${regionSet} and ${context.environmentIdTitle} to ${environmentId}.` };
}
