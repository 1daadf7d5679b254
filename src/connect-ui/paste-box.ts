// Reads what PingOne's admin console shows (an application's Authorization URL or Token URL) or what
// Cyclr calls the Auth Domain, and says which region and environment it names. Nothing here is
// requested: the values only fill the form, where they are checked like anything typed.
// Runs in the browser bundle and on the server.

import type { FieldOption } from './form-model.js';

export type PasteResult = { ok: true; tld: string; environmentId: string | undefined; message: string } | { ok: false; message: string };

export interface PasteContext {
    /** The region field's options (TLD and label), from the schema. */
    regions: readonly FieldOption[];
    regionTitle: string;
    environmentIdTitle: string;
}

const authHostPrefix = 'auth.pingone.';
const uuid = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const expected =
    'an Authorization URL such as https://auth.pingone.eu/<environment-id>/as/authorize, a Token URL ending in /as/token, or an Auth Domain such as auth.pingone.eu';

function parseLoosely(input: string): URL | undefined {
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
    try {
        return new URL(withScheme);
    } catch {
        return undefined;
    }
}

export function readPastedValue(pasted: string, context: PasteContext): PasteResult {
    const input = pasted.trim();
    if (input === '') return { ok: false, message: `Paste ${expected}.` };
    const url = parseLoosely(input);
    if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') {
        return { ok: false, message: `That is not a PingOne address. Expected ${expected}.` };
    }
    const host = url.hostname.toLowerCase();
    if (!host.startsWith(authHostPrefix)) {
        const hint = host.startsWith('api.pingone.') ? ' That is the API domain; the Auth Domain starts with auth.pingone.' : '';
        return { ok: false, message: `${host} is not a PingOne Auth Domain.${hint} Expected ${expected}.` };
    }
    const tld = host.slice(authHostPrefix.length);
    const region = context.regions.find((option) => option.value === tld);
    if (region === undefined) {
        const known = context.regions.map((option) => `${authHostPrefix}${option.value}`).join(', ');
        return { ok: false, message: `${host} is not one of PingOne's regions (${known}).` };
    }
    const firstSegment = url.pathname.split('/').filter((segment) => segment !== '')[0];
    if (firstSegment === undefined) {
        return {
            ok: true,
            tld,
            environmentId: undefined,
            message: `${context.regionTitle} set to ${region.label}. An Auth Domain does not name the environment: enter the ${context.environmentIdTitle} too.`,
        };
    }
    if (!uuid.test(firstSegment) && /^[0-9a-f-]{8,}$/i.test(firstSegment)) {
        // A UUID with a character lost in copying: fill it in, so that the field's check says what is wrong.
        return {
            ok: true,
            tld,
            environmentId: firstSegment.toLowerCase(),
            message: `${context.regionTitle} set to ${region.label}. The ${context.environmentIdTitle} in that address is not a whole UUID: see below.`,
        };
    }
    if (!uuid.test(firstSegment)) {
        return {
            ok: true,
            tld,
            environmentId: undefined,
            message: `${context.regionTitle} set to ${region.label}. The path should start with the ${context.environmentIdTitle} (a UUID), but it starts with "${firstSegment.slice(0, 40)}": enter the ${context.environmentIdTitle} yourself.`,
        };
    }
    const environmentId = firstSegment.toLowerCase();
    return { ok: true, tld, environmentId, message: `${context.regionTitle} set to ${region.label} and ${context.environmentIdTitle} to ${environmentId}.` };
}
