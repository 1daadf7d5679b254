import type { Dispatcher } from 'undici';
import type { connectorFor } from './connector-for.js';
import { ConnectorError } from '../errors/index.js';
import { requestJson } from '../http/index.js';
import type { ConnectionSecrets, RotatedTokens, TokenAuthMethod } from '../store/index.js';

/** What the harness needs of a connection's tokens. */
export interface ConnectionTokens {
    getAccessToken(signal?: AbortSignal): Promise<string>;
    /** The token was refused (401): forget it, so the next call mints a new one. */
    invalidate(token: string): void;
    /** Token requests made so far (they go through the same dispatcher, but are not API requests). */
    tokenRequests(): number;
    /** Every token handed out, for redaction. */
    issued(): string[];
}

export interface TokenSourceInput {
    connector: ReturnType<typeof connectorFor>;
    config: Record<string, string>;
    secrets: ConnectionSecrets;
    authMethod: TokenAuthMethod | undefined;
    dispatcher: Dispatcher;
    saveTokens: (tokens: RotatedTokens) => void;
}

// INTERIM: a minimal client-credentials source until src/oauth lands (its token sources replace this file's body).
export function tokenSourceFor(input: TokenSourceInput): ConnectionTokens {
    let current: { token: string; expiresAt: number } | undefined;
    let inflight: Promise<string> | undefined;
    let requests = 0;
    const issued: string[] = [];
    const mint = async (signal?: AbortSignal): Promise<string> => {
        requests += 1;
        const basic = (input.authMethod ?? 'client_secret_basic') === 'client_secret_basic';
        const form: Record<string, string> = { ...input.connector.tokenParams(input.config), grant_type: 'client_credentials' };
        if (!basic) Object.assign(form, { client_id: input.secrets.clientId ?? '', client_secret: input.secrets.clientSecret ?? '' });
        const response = await requestJson<{ access_token?: string; expires_in?: number; error?: string }>(input.dispatcher, {
            url: input.connector.tokenUrl(input.config),
            form,
            headers: basic ? { authorization: `Basic ${Buffer.from(`${input.secrets.clientId}:${input.secrets.clientSecret}`).toString('base64')}` } : {},
            ...(signal ? { signal } : {}),
        });
        if (response.status !== 200 || !response.body.access_token) {
            throw new ConnectorError('auth_failed', `The token request was refused (${response.status} ${response.body.error ?? ''}).`);
        }
        issued.push(response.body.access_token);
        current = { token: response.body.access_token, expiresAt: Date.now() + (response.body.expires_in ?? 3600) * 1000 };
        return current.token;
    };
    return {
        async getAccessToken(signal) {
            if (current && current.expiresAt - Date.now() > 60_000) return current.token;
            inflight ??= mint(signal).finally(() => (inflight = undefined));
            return inflight;
        },
        invalidate(token) {
            if (current?.token === token) current = undefined;
        },
        tokenRequests: () => requests,
        issued: () => issued,
    };
}
