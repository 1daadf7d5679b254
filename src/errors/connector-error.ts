// Every error this package throws on purpose is a ConnectorError with a stable string `code`,
// as undici's UND_ERR_* and zod's issue codes are: callers branch on `code`, people read `message` and `hint`.

const brand = Symbol.for('pingone-connector.error');

export interface ConnectorErrorOptions {
    /** What the user can do about it, in one sentence. */
    hint?: string;
    cause?: unknown;
}

export class ConnectorError extends Error {
    /** Subclasses set a literal code; `instanceof Subclass` matches on it. */
    static readonly code: string = 'connector_error';

    readonly code: string;
    readonly hint: string | undefined;
    readonly [brand] = true;

    constructor(code: string, message: string, options: ConnectorErrorOptions = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
        this.code = code;
        this.hint = options.hint;
    }

    // A host platform may load two copies of this package; branding with Symbol.for keeps
    // `instanceof` working across them (the undici approach).
    static override [Symbol.hasInstance](value: unknown): boolean {
        if (typeof value !== 'object' || value === null || (value as Record<symbol, unknown>)[brand] !== true) {
            return false;
        }
        return this.code === ConnectorError.code || (value as ConnectorError).code === this.code;
    }

    /** The message followed by the hint, for terminals and logs. */
    describe(): string {
        return this.hint ? `${this.message}\n  hint: ${this.hint}` : this.message;
    }
}
