import { describe, expect, it } from 'vitest';
import { AuthFailedError } from '../../src/errors/index.js';
import {
    authorizeWithBrowser,
    exchangeAuthorizationCode,
    readCallback,
    refreshTokenSource,
    startAuthorization,
    startCallbackReceiver,
    type TokenSet,
} from '../../src/oauth/index.js';
import { useEmulator } from './fixture.js';

const { emulator, client } = useEmulator();

/**
 * What a person does in the browser, as plain HTTP: open the authorize URL (sent to the emulator,
 * as the browser would be), post the sign-on form with its hidden fields, and follow the redirect
 * back to the loopback receiver.
 */
async function signOnThroughPage(authorizeUrl: URL): Promise<void> {
    const { url: emulatorUrl, signOnUser } = emulator();
    const pageUrl = new URL(authorizeUrl.pathname + authorizeUrl.search, emulatorUrl);
    const page = await (await fetch(pageUrl)).text();
    const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
    expect(action).toBeDefined();
    const form = new URLSearchParams();
    for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(decode(name!), decode(value!));
    form.set('username', signOnUser.username);
    form.set('password', signOnUser.password);
    const posted = await fetch(new URL(decode(action!), emulatorUrl), { method: 'POST', body: form, redirect: 'manual' });
    expect(posted.status).toBe(302);
    const back = await fetch(posted.headers.get('location')!);
    expect(back.status).toBe(200);
}

function decode(html: string): string {
    return html.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
}

describe('authorization code with PKCE against the emulator', () => {
    it('signs on through the sign-on page, exchanges the code, and rotates the refresh token through onRotate', async () => {
        const tokenClient = client(emulator().web, 'client_secret_post', 'pingone');
        const tokens = await authorizeWithBrowser({ ...tokenClient, scopes: ['openid', 'profile'], openBrowser: signOnThroughPage });
        expect(tokens.accessToken).toBeTruthy();
        expect(tokens.refreshToken).toBeTruthy();

        const saved: TokenSet[] = [];
        const source = refreshTokenSource({ ...tokenClient, tokens, onRotate: (rotated) => void saved.push(rotated) });
        source.invalidate(tokens.accessToken);
        const renewed = await source.getAccessToken();
        expect(renewed).not.toBe(tokens.accessToken);
        expect(saved).toHaveLength(1);
        expect(saved[0]!.refreshToken).toBeTruthy();
        expect(saved[0]!.refreshToken).not.toBe(tokens.refreshToken);
        expect(source.stats.tokenRequests).toBe(1);

        // The spent refresh token is refused (and PingOne revokes its family): why onRotate must save.
        const replay = refreshTokenSource({ ...tokenClient, tokens: { ...tokens, expiresAt: 0 }, onRotate: () => {} });
        await expect(replay.getAccessToken()).rejects.toMatchObject({ reason: 'invalid_grant' });
    });

    it('after a failed save, renews with the refresh token it holds, not the spent one still saved', async () => {
        const tokenClient = client(emulator().web, 'client_secret_post', 'pingone');
        const tokens = await authorizeWithBrowser({ ...tokenClient, scopes: ['openid', 'profile'], openBrowser: signOnThroughPage });
        const signedOn = { ...tokens, expiresAt: 0 };
        // The saved tokens stay the sign-on's: saving the first renewal fails.
        let saves = 0;
        const source = refreshTokenSource({
            ...tokenClient,
            tokens: signedOn,
            shared: { exclusively: (renew) => renew(AbortSignal.timeout(10_000)), saved: () => signedOn },
            onRotate: () => {
                saves += 1;
                if (saves === 1) throw new Error('disk full');
            },
        });
        await expect(source.getAccessToken()).rejects.toThrow('disk full');
        await expect(source.getAccessToken()).resolves.toBeTruthy();
        expect(saves).toBe(2);
    });

    it('builds the authorize URL through the connector with S256 and a fresh state each time', () => {
        const { connector, config } = client(emulator().web, 'client_secret_post', 'pingone');
        const input = { connector, config, clientId: 'c', redirectUri: 'http://127.0.0.1:9/callback', scopes: ['openid'] };
        const first = startAuthorization(input);
        const second = startAuthorization(input);
        expect(first.url.host).toBe(`auth.pingone.${emulator().tld}`);
        expect(first.url.searchParams.get('code_challenge_method')).toBe('S256');
        expect(first.url.searchParams.get('state')).toBe(first.state);
        expect(first.state).not.toBe(second.state);
        expect(first.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(first.url.toString()).not.toContain(first.codeVerifier);
    });

    it('reads the code of a callback, and reports PingOne’s error', () => {
        const refused = new URLSearchParams({ error: 'access_denied', state: 'mine' });
        expect(() => readCallback(refused)).toThrow(AuthFailedError);
        expect(() => readCallback(refused)).toThrow(expect.objectContaining({ reason: 'access_denied', message: expect.stringContaining('access_denied') }));
        expect(readCallback(new URLSearchParams({ code: 'x', state: 'mine' }))).toBe('x');
    });

    it('the loopback receiver ignores a stray redirect and serves only /callback on 127.0.0.1', async () => {
        const receiver = await startCallbackReceiver();
        try {
            expect(receiver.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
            const code = receiver.waitForCode('expected');
            expect((await fetch(`${receiver.redirectUri}?code=forged&state=other`)).status).toBe(400);
            expect((await fetch(receiver.redirectUri.replace('/callback', '/elsewhere'))).status).toBe(404);
            const good = await fetch(`${receiver.redirectUri}?code=real&state=expected`);
            expect(await good.text()).not.toContain('real');
            expect(await code).toBe('real');
        } finally {
            await receiver.close();
        }
    });

    it('an openBrowser that throws fails the sign-on with its error, leaving no unhandled rejection and no timer holding the process', async () => {
        const tokenClient = client(emulator().web, 'client_secret_post', 'pingone');
        const unhandled: unknown[] = [];
        const onUnhandled = (reason: unknown) => void unhandled.push(reason);
        process.on('unhandledRejection', onUnhandled);
        const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
        try {
            const noBrowser = new Error('no browser on this machine');
            const openBrowser = () => {
                throw noBrowser;
            };
            const before = timers();
            // The default wait (10 minutes) must not keep a timer alive after the attempt failed.
            await expect(authorizeWithBrowser({ ...tokenClient, scopes: ['openid'], openBrowser })).rejects.toBe(noBrowser);
            expect(timers()).toBe(before);
            // A short wait must not fire later as a rejection nobody handles.
            await expect(authorizeWithBrowser({ ...tokenClient, scopes: ['openid'], openBrowser, timeoutMs: 100 })).rejects.toBe(noBrowser);
            await new Promise((resolve) => setTimeout(resolve, 300));
            expect(unhandled).toEqual([]);
        } finally {
            process.off('unhandledRejection', onUnhandled);
        }
    });

    it('words a sign-on that did not come back in time with the wait as given', async () => {
        const receiver = await startCallbackReceiver();
        try {
            await expect(receiver.waitForCode('expected', { timeoutMs: 500 })).rejects.toThrow('No sign-on came back within 500 ms.');
        } finally {
            await receiver.close();
        }
    });

    it('closing the receiver ends a wait still pending', async () => {
        const receiver = await startCallbackReceiver();
        const waiting = receiver.waitForCode('expected');
        await receiver.close();
        await expect(waiting).rejects.toThrow('The sign-on was stopped before PingOne came back.');
    });

    it('a code can be exchanged only once', async () => {
        const tokenClient = client(emulator().web, 'client_secret_post', 'pingone');
        let request: ReturnType<typeof startAuthorization> | undefined;
        let code = '';
        const receiver = await startCallbackReceiver();
        try {
            request = startAuthorization({ ...tokenClient, clientId: emulator().web.clientId, redirectUri: receiver.redirectUri, scopes: ['openid'] });
            const waiting = receiver.waitForCode(request.state);
            await signOnThroughPage(request.url);
            code = await waiting;
        } finally {
            await receiver.close();
        }
        await exchangeAuthorizationCode(tokenClient, request, code);
        await expect(exchangeAuthorizationCode(tokenClient, request, code)).rejects.toMatchObject({ reason: 'invalid_grant' });
    });
});
