import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { hash32 } from '../random.js';

export type Claims = Record<string, unknown> & { exp?: number; iat?: number; jti?: string };

function base64url(value: unknown): string {
    return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An RS256 key pair: signs access and ID tokens, publishes its public half as a JWK. */
export class SigningKey {
    readonly kid: string;
    readonly jwk: Record<string, unknown>;

    private constructor(
        private readonly privateKey: KeyObject,
        private readonly publicKey: KeyObject,
    ) {
        const exported = publicKey.export({ format: 'jwk' });
        this.kid = `emulator-${hash32(String(exported.n)).toString(16)}`;
        this.jwk = { ...exported, kid: this.kid, use: 'sig', alg: 'RS256' };
    }

    // Generating an RSA key costs tens of milliseconds; every emulator in one process shares one.
    private static shared: SigningKey | undefined;

    static get(): SigningKey {
        if (!SigningKey.shared) {
            const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
            SigningKey.shared = new SigningKey(privateKey, publicKey);
        }
        return SigningKey.shared;
    }

    sign(claims: Claims): string {
        const input = `${base64url({ alg: 'RS256', typ: 'JWT', kid: this.kid })}.${base64url(claims)}`;
        return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
    }

    // Verified tokens, so that a sync's many calls with one token pay for one RSA verification.
    private readonly verified = new Map<string, Claims>();

    /** The claims of a token this key signed, or undefined for anything else (expiry is the caller's check). */
    verify(token: string): Claims | undefined {
        const known = this.verified.get(token);
        if (known) return known;
        const claims = this.verifySignature(token);
        if (claims) {
            if (this.verified.size >= 1000) this.verified.clear();
            this.verified.set(token, claims);
        }
        return claims;
    }

    private verifySignature(token: string): Claims | undefined {
        const parts = token.split('.');
        if (parts.length !== 3) return undefined;
        const [head, payload, signature] = parts as [string, string, string];
        try {
            const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
            if (header.alg !== 'RS256' || header.kid !== this.kid) return undefined;
            if (!verify('sha256', Buffer.from(`${head}.${payload}`), this.publicKey, Buffer.from(signature, 'base64url'))) return undefined;
            return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
        } catch {
            return undefined;
        }
    }
}
