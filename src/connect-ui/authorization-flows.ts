import { createHash, randomBytes } from 'node:crypto';
import type { Connector } from '../connector/connector.js';
import type { ConnectBackend } from './connect-backend.js';
import type { ConnectRequest, ConnectResponse } from './protocol.js';

// The authorization-code flow started from the page: PKCE (S256) and a single-use `state` per
// attempt, both kept here on the server; the browser only ever sees the challenge. A flow lives
// as long as PingOne's authorization code does.

const flowLifetimeMs = 10 * 60 * 1000;

interface PendingFlow {
    request: ConnectRequest;
    codeVerifier: string;
    startedAt: number;
}

function randomToken(): string {
    return randomBytes(32).toString('base64url');
}

export class AuthorizationFlows {
    private readonly pending = new Map<string, PendingFlow>();
    private readonly outcomes = new Map<string, ConnectResponse>();

    constructor(private readonly options: { connector: Connector; connectionName: string; backend: ConnectBackend; redirectUri: string }) {}

    start(request: ConnectRequest): ConnectResponse {
        const { connector, backend, redirectUri } = this.options;
        if (connector.authorizationUrl === undefined)
            return { ok: false, message: `${connector.displayName} does not use the sign-on flow; use Test connection.` };
        const clientId = request.credentials['clientId'] ?? request.credentials['client_id'];
        if (clientId === undefined) return { ok: false, message: 'The client ID is missing.', field: 'clientId' };
        this.forgetExpired();
        const state = randomToken();
        const codeVerifier = randomToken();
        const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
        this.pending.set(state, { request, codeVerifier, startedAt: Date.now() });
        const url = connector.authorizationUrl(request.connectionConfig, {
            clientId,
            redirectUri,
            state,
            codeChallenge,
            codeChallengeMethod: 'S256',
            scopes: backend.authorizationScopes,
        });
        return { ok: true, message: 'Opening PingOne sign-on…', redirect: backend.browserUrl(url).toString() };
    }

    /** Handles PingOne's redirect back; resolves to the id under which the outcome is kept for the page. */
    async complete(params: URLSearchParams): Promise<string> {
        const id = randomToken();
        this.outcomes.set(id, await this.outcomeOf(params));
        return id;
    }

    /** The outcome, once: a second read finds nothing. */
    outcome(id: string): ConnectResponse | undefined {
        const outcome = this.outcomes.get(id);
        this.outcomes.delete(id);
        return outcome;
    }

    private async outcomeOf(params: URLSearchParams): Promise<ConnectResponse> {
        const state = params.get('state') ?? '';
        const flow = this.pending.get(state);
        this.pending.delete(state);
        if (flow === undefined || Date.now() - flow.startedAt > flowLifetimeMs) {
            return {
                ok: false,
                message: 'This sign-on was not started from this page, or it took longer than 10 minutes.',
                hint: 'Press "Connect with PingOne" again.',
            };
        }
        const error = params.get('error');
        if (error !== null) {
            const description = params.get('error_description');
            return {
                ok: false,
                message: `PingOne did not complete the sign-on (${error}${description === null ? '' : `: ${description}`}).`,
                hint: "Check the application's redirect URI and grant types in PingOne, then try again.",
            };
        }
        const code = params.get('code');
        if (code === null || code === '')
            return { ok: false, message: 'PingOne came back without an authorization code.', hint: 'Press "Connect with PingOne" again.' };
        const { connectionName, backend, redirectUri } = this.options;
        return backend.completeAuthorization({ ...flow.request, connectionName, code, codeVerifier: flow.codeVerifier, redirectUri });
    }

    private forgetExpired(): void {
        for (const [state, flow] of this.pending) if (Date.now() - flow.startedAt > flowLifetimeMs) this.pending.delete(state);
    }
}
