import type { Connector } from '../connector/connector.js';
import { AuthFailedError } from '../errors/index.js';
import { readCallback, startAuthorization, type AuthorizationRequest } from '../oauth/index.js';
import type { ConnectBackend } from './connect-backend.js';
import { failureOf, type ConnectRequest, type ConnectResponse } from './protocol.js';

// The authorization-code flow started from the page: PKCE (S256) and a single-use `state` per
// attempt from src/oauth, both kept here on the server; the browser only ever sees the challenge.
// A flow lives as long as PingOne's authorization code does.

const flowLifetimeMs = 10 * 60 * 1000;
const maxUnreadOutcomes = 20;

interface PendingFlow {
    request: ConnectRequest;
    authorization: AuthorizationRequest;
    startedAt: number;
}

export class AuthorizationFlows {
    private readonly pending = new Map<string, PendingFlow>();
    private readonly outcomes = new Map<string, ConnectResponse>();

    constructor(
        private readonly options: {
            connector: Connector;
            connectionName: string;
            backend: ConnectBackend;
            redirectUri: string;
            /** The credential fields that are secret: never handed back to the page. */
            secretCredentials: ReadonlySet<string>;
        },
    ) {}

    async start(request: ConnectRequest): Promise<ConnectResponse> {
        const { connector, backend, redirectUri } = this.options;
        const clientId = request.credentials['clientId'];
        if (clientId === undefined || clientId === '') return { ok: false, message: 'The client ID is missing.', field: 'clientId' };
        // A wrong client secret is told now, while the form is still in front of the admin.
        const refused = await backend.checkClient({ ...request, redirectUri });
        if (refused !== undefined) return refused;
        this.forgetExpired();
        let authorization: AuthorizationRequest;
        try {
            authorization = startAuthorization({ connector, config: request.connectionConfig, clientId, redirectUri, scopes: backend.authorizationScopes });
        } catch (error) {
            return failureOf(error);
        }
        this.pending.set(authorization.state, { request, authorization, startedAt: Date.now() });
        return { ok: true, message: 'Opening PingOne sign-in…', redirect: backend.browserUrl(authorization.url).toString() };
    }

    /**
     * Handles PingOne's redirect back. Only a `state` this server handed out for a sign-on that is
     * still pending is answered, once: it resolves to the id under which the outcome is kept for the
     * page. Anything else (no state, a guessed one, a replay) resolves to undefined, and the caller
     * must then reveal nothing: the redirect to the form carries the launch token.
     */
    async complete(params: URLSearchParams): Promise<string | undefined> {
        const state = params.get('state') ?? '';
        const flow = this.pending.get(state);
        if (flow === undefined) return undefined;
        this.pending.delete(state);
        const id = crypto.randomUUID();
        this.outcomes.set(id, { ...(await this.outcomeOf(flow, params)), values: this.withoutSecrets(flow.request) });
        // An outcome the page never reads (its tab was closed) must not be kept for ever.
        for (const stale of [...this.outcomes.keys()].slice(0, -maxUnreadOutcomes)) this.outcomes.delete(stale);
        return id;
    }

    /** The outcome, once: a second read finds nothing. */
    outcome(id: string): ConnectResponse | undefined {
        const outcome = this.outcomes.get(id);
        this.outcomes.delete(id);
        return outcome;
    }

    private async outcomeOf(flow: PendingFlow, params: URLSearchParams): Promise<ConnectResponse> {
        if (Date.now() - flow.startedAt > flowLifetimeMs) {
            return { ok: false, message: 'The sign-in took longer than 10 minutes.', hint: 'Press "Connect with PingOne" again.' };
        }
        let code: string;
        try {
            code = readCallback(params);
        } catch (error) {
            if (error instanceof AuthFailedError && error.reason === 'access_denied')
                return { ok: false, message: 'You cancelled the sign-in.', hint: 'Press "Connect with PingOne" to try again.' };
            return failureOf(error);
        }
        const { connectionName, backend } = this.options;
        const { codeVerifier, redirectUri } = flow.authorization;
        return backend.completeAuthorization({ ...flow.request, connectionName, code, codeVerifier, redirectUri });
    }

    /** The form as the user filled it in, so that it comes back after the sign-on, but never a secret. */
    private withoutSecrets(request: ConnectRequest): ConnectRequest {
        const credentials = Object.entries(request.credentials).filter(([key]) => !this.options.secretCredentials.has(key));
        return { connectionConfig: request.connectionConfig, credentials: Object.fromEntries(credentials) };
    }

    private forgetExpired(): void {
        for (const [state, flow] of this.pending) if (Date.now() - flow.startedAt > flowLifetimeMs) this.pending.delete(state);
    }
}
