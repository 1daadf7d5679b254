import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636: does the verifier answer the challenge made with this method? */
export function verifierMatches(verifier: string, challenge: string, method: 'plain' | 'S256'): boolean {
    const derived = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
    const a = Buffer.from(derived);
    const b = Buffer.from(challenge);
    return a.length === b.length && timingSafeEqual(a, b);
}

/** RFC 7636 section 4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
export function isValidVerifier(verifier: string): boolean {
    return /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);
}
