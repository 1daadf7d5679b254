import { redactText, redactValue } from '../http/redact.js';

/**
 * Removes the secrets a run knows about (client secret, tokens) and anything shaped like an
 * authorization value from what a script shows, with the same rules as the HTTP layer's logs.
 * Known values are matched exactly, so a secret is caught even inside a URL, a JSON dump or an
 * error message.
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
        return redactText(text, this.values());
    }

    /** A copy of a value (an error payload, say) with secret-named fields masked and every string redacted. */
    redactCopy(value: unknown): unknown {
        return redactValue(value, this.values());
    }

    /** A value of any shape as redacted text, for a log line. */
    redactValue(value: unknown): string {
        const copy = this.redactCopy(value);
        if (typeof copy === 'string') return copy;
        try {
            return JSON.stringify(copy) ?? String(copy);
        } catch {
            // A BigInt has no JSON; its text holds no secret-named field.
            return this.redact(String(value));
        }
    }

    private values(): string[] {
        return [...this.secrets, ...this.known().filter((value) => value.length >= 8)];
    }
}
