import { createHash, randomBytes } from 'node:crypto';
import type { TestEmulator } from '../support/emulator.js';
import { call } from './http.js';

export function pkcePair(method: 'S256' | 'plain'): { verifier: string; challenge: string } {
    const verifier = randomBytes(32).toString('base64url');
    return { verifier, challenge: method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier };
}

/** Runs the authorize page as a browser would: GET the form, POST the seeded user's credentials; returns the redirect. */
export async function signOn(emulator: TestEmulator, parameters: Record<string, string>, credentials = emulator.signOnUser): Promise<URL> {
    const authorize = `/${emulator.environmentId}/as/authorize`;
    const page = await call(emulator, 'GET', `${authorize}?${new URLSearchParams(parameters).toString()}`);
    if (page.status !== 200) throw new Error(`authorize page failed: ${page.status} ${String(page.headers.location ?? page.text)}`);
    const hidden = Object.fromEntries([...page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [match[1], match[2]]));
    const posted = await call(emulator, 'POST', authorize, {
        form: { ...hidden, username: credentials.username, password: credentials.password, action: 'signOn' },
    });
    if (posted.status !== 302) throw new Error(`sign-on failed: ${posted.status} ${posted.text}`);
    return new URL(String(posted.headers.location));
}

type Client = { clientId: string; clientSecret: string };

/** Authorization code + PKCE S256, by default with the seeded Web App; returns the token response. */
export async function codeTokens(
    emulator: TestEmulator,
    redirectUri = 'http://127.0.0.1:53682/callback',
    client: Client = emulator.web,
    scope = 'openid profile email',
) {
    const { verifier, challenge } = pkcePair('S256');
    const redirect = await signOn(emulator, {
        response_type: 'code',
        client_id: client.clientId,
        redirect_uri: redirectUri,
        scope,
        state: 'xyz',
        code_challenge: challenge,
        code_challenge_method: 'S256',
    });
    return exchangeCode(emulator, redirect, verifier, redirectUri, client);
}

/** Exchanges the code of a sign-on redirect at the token endpoint, by default as the seeded Web App (client_secret_post, as the seeded apps are set). */
export function exchangeCode(
    emulator: TestEmulator,
    redirect: URL,
    verifier: string,
    redirectUri = 'http://127.0.0.1/callback',
    client: Client = emulator.web,
) {
    return call(emulator, 'POST', `/${emulator.environmentId}/as/token`, {
        form: {
            grant_type: 'authorization_code',
            code: String(redirect.searchParams.get('code')),
            redirect_uri: redirectUri,
            code_verifier: verifier,
            client_id: client.clientId,
            client_secret: client.clientSecret,
        },
    });
}

/** A refresh_token grant request as `client` (client_secret_post). */
export function refreshTokens(emulator: TestEmulator, refreshToken: string, client: Client = emulator.web) {
    return call(emulator, 'POST', `/${emulator.environmentId}/as/token`, {
        form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId, client_secret: client.clientSecret },
    });
}
