import type { TokenSet } from './token-set.js';

/** What every caller of a connection's tokens uses: the harness, the proxy, the diagnosis. */
export interface TokenSource {
    /** A token valid for a while yet; concurrent callers share one token request. */
    getAccessToken(signal?: AbortSignal): Promise<string>;
    /** The token was refused (401): forget it, so the next getAccessToken mints one. Other tokens are left alone. */
    invalidate(token: string): void;
    readonly stats: { tokenRequests: number };
    /** Every secret value this source holds or handed out (client secret, tokens), for redaction. */
    secrets(): string[];
}

export interface CacheOptions {
    /**
     * Renew this long before expiry at most (default 60 s). Short lifetimes renew a tenth of the
     * lifetime ahead, but at least 2 s and at most half the lifetime (see #dueForRenewal).
     */
    renewBeforeMs?: number;
    now?: () => number;
}

export const minimumRenewBeforeMs = 2_000;

/**
 * Keeps one token and renews it before it expires. Every caller shares the token request in
 * flight (single flight), which is not tied to any one caller's signal: a caller that gives up
 * stops waiting, the request goes on for the others.
 */
export class CachedTokenSource implements TokenSource {
    readonly stats = { tokenRequests: 0 };
    #current: TokenSet | undefined;
    #issuedAt = 0;
    #inFlight: Promise<TokenSet> | undefined;
    readonly #handedOut = new Set<string>();
    readonly #now: () => number;
    readonly #renewBeforeMs: number;

    constructor(
        private readonly mint: (current: TokenSet | undefined) => Promise<TokenSet>,
        private readonly fixedSecrets: () => Array<string | undefined>,
        options: CacheOptions & { initial?: TokenSet } = {},
    ) {
        this.#now = options.now ?? Date.now;
        this.#renewBeforeMs = options.renewBeforeMs ?? 60_000;
        if (options.initial) this.#keep(options.initial);
    }

    /** The token set now held (after a refresh, the rotated one). */
    get current(): TokenSet | undefined {
        return this.#current;
    }

    async getAccessToken(signal?: AbortSignal): Promise<string> {
        signal?.throwIfAborted();
        if (this.#current !== undefined && !this.#dueForRenewal(this.#current)) return this.#current.accessToken;
        this.#inFlight ??= this.#mintOnce();
        const tokens = await (signal ? abandonable(this.#inFlight, signal) : this.#inFlight);
        return tokens.accessToken;
    }

    invalidate(token: string): void {
        if (this.#current?.accessToken === token) this.#current = { ...this.#current, expiresAt: 0 };
    }

    secrets(): string[] {
        return [...this.fixedSecrets(), this.#current?.refreshToken, ...this.#handedOut].filter(
            (value): value is string => typeof value === 'string' && value !== '',
        );
    }

    // PingOne's JWT `exp` is in whole seconds, so a token may die up to a second before
    // `expires_in` says, and a request needs time to arrive: hence the 2-second floor.
    #dueForRenewal(tokens: TokenSet): boolean {
        const lifetime = Math.max(0, tokens.expiresAt - this.#issuedAt);
        const margin = Math.min(this.#renewBeforeMs, Math.max(lifetime / 10, minimumRenewBeforeMs), lifetime / 2);
        return this.#now() >= tokens.expiresAt - margin;
    }

    async #mintOnce(): Promise<TokenSet> {
        try {
            this.stats.tokenRequests += 1;
            const tokens = await this.mint(this.#current);
            this.#keep(tokens);
            return tokens;
        } finally {
            this.#inFlight = undefined;
        }
    }

    #keep(tokens: TokenSet): void {
        this.#current = tokens;
        this.#issuedAt = this.#now();
        this.#handedOut.add(tokens.accessToken);
    }
}

function abandonable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        work.then(
            (value) => {
                signal.removeEventListener('abort', onAbort);
                resolve(value);
            },
            (error: unknown) => {
                signal.removeEventListener('abort', onAbort);
                reject(error);
            },
        );
    });
}
