// Scrubbing for anything that may be logged or shown: known secret values, authorization
// headers, token-shaped strings, and fields whose name says they hold a secret.

const mask = '[redacted]';
// Field names that hold a secret (clientSecret, refresh_token, password), not ones that merely
// mention one (tokenEndpointAuthMethod, passwordPolicy).
const secretKey = /(secret|password|passwd|authorization|assertion|cookie|api_?key|verifier)$|^(access|refresh|id)?_?token$/i;
const secretHeaders = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
// After "Bearer"/"Basic", a credential looks like one (a digit, a symbol or a capital inside it, or
// long), so that prose such as "Client Secret Basic or Client Secret Post" keeps its words.
const credentialShaped = (value: string): boolean => value.length >= 20 || /.[0-9A-Z._~+/=-]/.test(value);
// Field names that hold a secret, as `secretKey` above (less the header names), in a pattern for text.
const secretField = '(?:[\\w-]*(?:secret|password|passwd|assertion|api_?key|verifier)|(?:access|refresh|id)?_?token)';
// A value not yet masked: quoted (escapes allowed) or up to the next delimiter.
const maskable = `(?!\\[redacted\\])("(?:[^"\\\\]|\\\\.)*"|'(?:[^'\\\\]|\\\\.)*'|[^\\s"'&,;}\\]]+)`;
const maskValue = (_match: string, field: string, _quote: string, value: string) => `${field}${/^["']/.test(value) ? `${value[0]}${mask}${value[0]}` : mask}`;
const textPatterns: ReadonlyArray<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
    [/\b(Bearer|Basic)\s+([A-Za-z0-9._~+/=-]+)/gi, (match, scheme, value) => (credentialShaped(value ?? '') ? `${scheme} ${mask}` : match)],
    // A JWT (access and ID tokens are RS256 JWTs) wherever it appears.
    [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, mask],
    // key=value in forms and queries, wherever they appear in a text.
    [/\b((?:access_token|refresh_token|id_token|client_secret|code_verifier|client_assertion|password)=)[^&\s"]*/gi, `$1${mask}`],
    [/([?&]code=)[^&\s"]*/g, `$1${mask}`],
    // Any secret-named field, as code and logs print it: `"access_token":"x"` in JSON, `"newPassword":"x y"`,
    // `{ clientSecret: 'x y' }` (Node's inspect), and unquoted `password: x` or `api_key=x` where a
    // field starts (line, brace, comma, query); prose such as "client secret: wrong" keeps its words.
    [new RegExp(`((["'])${secretField}\\2\\s*[:=]\\s*|${secretField}\\s*[:=]\\s*(?=["']))${maskable}`, 'gi'), maskValue],
    [new RegExp(`((?:^|[\\n{,(&?;])\\s*${secretField}\\s*[:=]\\s*)()${maskable}`, 'gi'), maskValue],
];

/** Removes known secret values (matched exactly, wherever they appear) and token-shaped text. */
export function redactText(text: string, secrets: Iterable<string | undefined> = []): string {
    let out = text;
    for (const secret of secrets) {
        // Very short values would mask ordinary words; real secrets and tokens are long.
        if (secret !== undefined && secret.length >= 6) out = out.split(secret).join(mask);
    }
    for (const [pattern, replacement] of textPatterns) out = out.replace(pattern, replacement as (match: string, ...groups: string[]) => string);
    return out;
}

/** Headers with authorization and cookies masked. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[] | undefined> {
    return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, secretHeaders.has(name.toLowerCase()) ? mask : value]));
}

/** A deep copy of any value with secret-named fields masked and every string scrubbed; safe to log. */
export function redactValue(value: unknown, secrets: Iterable<string | undefined> = []): unknown {
    const known = [...secrets];
    const seen = new WeakSet<object>();
    const walk = (item: unknown): unknown => {
        if (typeof item === 'string') return redactText(item, known);
        if (item instanceof Error) return redactText(`${item.name}: ${item.message}`, known);
        if (typeof item !== 'object' || item === null) return item;
        if (seen.has(item)) return '[circular]';
        seen.add(item);
        if (Array.isArray(item)) return item.map(walk);
        return Object.fromEntries(Object.entries(item).map(([key, field]) => [key, secretKey.test(key) && field != null ? mask : walk(field)]));
    };
    return walk(value);
}
