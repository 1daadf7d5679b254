import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageAssets } from './assets.js';
import type { ConnectBackend } from './connect-backend.js';
import { checkedRequest, type FormConnector } from './checked-request.js';
import { buildFormModel } from './form-model.js';
import { AuthorizationFlows } from './authorization-flows.js';
import { guideAssets } from './guide-page.js';
import { htmlDocument } from './html-document.js';
import { renderPage } from './page-html.js';
import type { ConnectResponse } from './protocol.js';
import { hostAllowed, originAllowed, tokenMatches } from './request-guard.js';

export interface ConnectUiOptions {
    connector: FormConnector;
    /** The name the connection is saved under. */
    connectionName: string;
    backend: ConnectBackend;
    /** 0 (the default) picks a free port. */
    port?: number;
    /** Told about a request that failed inside the server; the page only hears that it failed. */
    onError?: (error: unknown) => void;
}

export interface ConnectUi {
    /** The address to open, with the per-launch token. */
    url: string;
    origin: string;
    /** Where PingOne sends the browser back after sign-on: the application must list it. */
    redirectUri: string;
    close(): Promise<void>;
}

const maxBodyBytes = 64 * 1024;

const callbackRefusedPage = htmlDocument({
    title: 'Sign-in not recognised',
    main: `      <h1>Sign-in not recognised</h1>
      <p>This page did not start that sign-in, or its result was already used. Go back to the form's tab and press "Connect with PingOne" again.</p>`,
});

// Every response: never cached (the page carries the launch token), never framed, scripts and
// styles only from here, and no Referer leaving the page (its URL carries the token).
const baseHeaders = {
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
    response.writeHead(status, { ...baseHeaders, 'content-type': contentType, ...headers });
    response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: ConnectResponse): void {
    send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) throw new Error('expected a JSON body (content-type: application/json)');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > maxBodyBytes) throw new Error(`the body is larger than ${maxBodyBytes} bytes`);
        chunks.push(chunk as Buffer);
    }
    try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
        // JSON.parse's own message quotes the text, which may hold the secret.
        throw new Error('the body is not valid JSON');
    }
}

/** Serves the credential form for one provider on 127.0.0.1 until closed. */
export async function startConnectUi(options: ConnectUiOptions): Promise<ConnectUi> {
    const { connector, connectionName, backend } = options;
    const model = buildFormModel(connector);
    const launchToken = randomBytes(24).toString('base64url');
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    const redirectUri = `${origin}/callback`;
    const secretCredentials = new Set(model.fields.filter((field) => field.group === 'credentials' && field.secret).map((field) => field.key));
    const flows = new AuthorizationFlows({ connector, connectionName, backend, redirectUri, secretCredentials });
    // The package's own files (the page's script and style, the setup guide) carry no secret and
    // change nothing, so they need no launch token: a help link opens in a new tab without it, and
    // the token stays out of guide addresses. The Host and Origin checks still apply to them.
    const publicFiles = { ...pageAssets(connector.key), ...guideAssets(connector) };

    async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        if (!hostAllowed(request, port) || !originAllowed(request, port)) {
            send(response, 403, 'text/plain; charset=utf-8', 'This page only answers on 127.0.0.1 to the browser that opened it.');
            return;
        }
        const url = new URL(request.url ?? '/', origin);
        const publicFile = publicFiles[url.pathname];
        if (request.method === 'GET' && publicFile !== undefined) {
            const { contentType, body } = await publicFile();
            send(response, 200, contentType, body);
            return;
        }
        if (request.method === 'GET' && url.pathname === '/') {
            if (!tokenMatches(url.searchParams.get('token'), launchToken)) {
                send(response, 403, 'text/plain; charset=utf-8', "Open the full address the command printed: it carries this launch's token.");
                return;
            }
            send(
                response,
                200,
                'text/html; charset=utf-8',
                renderPage({ model, connectionName, launchToken, redirectUri, replacing: await backend.hasConnection(connectionName) }),
            );
            return;
        }
        if (model.authMode === 'OAUTH2' && request.method === 'GET' && url.pathname === '/callback') {
            // PingOne's redirect carries no launch token; the single-use `state` of a sign-on this
            // page started, still pending, is what authenticates it. Without one the answer
            // carries nothing: the redirect back to the form would hand out the launch token.
            const flowId = await flows.complete(url.searchParams);
            if (flowId === undefined) {
                send(response, 400, 'text/html; charset=utf-8', callbackRefusedPage);
                return;
            }
            send(response, 303, 'text/plain; charset=utf-8', 'Back to the form.', {
                location: `/?token=${encodeURIComponent(launchToken)}&flow=${encodeURIComponent(flowId)}`,
            });
            return;
        }
        if (!tokenMatches(request.headers['x-launch-token'] as string | undefined, launchToken)) {
            sendJson(response, 403, {
                ok: false,
                message: 'This request lacks the launch token.',
                hint: 'Reload the page from the address the command printed.',
            });
            return;
        }
        if (request.method === 'GET' && url.pathname.startsWith('/api/flows/')) {
            const outcome = flows.outcome(decodeURIComponent(url.pathname.slice('/api/flows/'.length)));
            sendJson(response, outcome === undefined ? 404 : 200, outcome ?? { ok: false, message: 'That sign-on result is unknown or was already shown.' });
            return;
        }
        // Each provider has one way to connect: a sign-on (authorization code) or a connection test.
        const submitPath = model.authMode === 'OAUTH2' ? '/api/authorize' : '/api/test-connection';
        if (request.method === 'POST' && url.pathname === submitPath) {
            let body: unknown;
            try {
                body = await readJson(request);
            } catch (error) {
                sendJson(response, 400, { ok: false, message: `The request could not be read: ${(error as Error).message}.` });
                return;
            }
            const checked = checkedRequest(connector, model.fields, body);
            if (!checked.ok) {
                sendJson(response, 400, checked);
                return;
            }
            const outcome =
                url.pathname === '/api/authorize' ? await flows.start(checked.request) : await backend.testAndSave({ connectionName, ...checked.request });
            sendJson(response, 200, outcome);
            return;
        }
        send(response, 404, 'text/plain; charset=utf-8', 'Not found.');
    }

    server.on('request', (request, response) => {
        handle(request, response).catch((error: unknown) => {
            options.onError?.(error);
            // The error's text may quote what the user typed (a secret, too): the page hears only that it failed.
            if (!response.headersSent)
                sendJson(response, 500, { ok: false, message: 'The Connect UI server failed on this request.', hint: 'See the terminal running the command.' });
            else response.end();
        });
    });

    return {
        url: `${origin}/?token=${encodeURIComponent(launchToken)}`,
        origin,
        redirectUri,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}
