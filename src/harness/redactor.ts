/**
 * Removes the secrets a run knows about (client secret, tokens) and anything shaped like an
 * authorization value from text before it is printed or stored. Known values are matched
 * exactly, so a secret is caught even inside a URL, a JSON dump or an error message.
 */
export class Redactor {
    private readonly secrets = new Set<string>();

    /** `known` is asked on every use, so a token minted mid-run is caught too. */
    constructor(private readonly known: () => readonly string[] = () => []) {}

    /** Remembers a value that must never be shown; short values are ignored to avoid masking ordinary words. */
    add(secret: string | undefined): void {
        if (secret !== undefined && secret.length >= 8) this.secrets.add(secret);
    }

    redact(text: string): string {
        let out = text;
        for (const secret of [...this.secrets, ...this.known().filter((value) => value.length >= 8)]) out = out.split(secret).join('[redacted]');
        return out
            .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]')
            .replace(/("?(?:access_token|refresh_token|id_token|client_secret|code_verifier|password)"?\s*[:=]\s*"?)[^"&,\s}]+/gi, '$1[redacted]');
    }

    /** Redacts a value of any shape by way of its JSON text. */
    redactValue(value: unknown): string {
        if (typeof value === 'string') return this.redact(value);
        if (value instanceof Error) return this.redact(value.message);
        try {
            return this.redact(JSON.stringify(value) ?? String(value));
        } catch {
            return this.redact(String(value));
        }
    }
}
