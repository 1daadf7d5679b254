import type { Dispatcher } from 'undici';
import type { Connector } from '../connector/connector.js';
import { ConnectorError } from '../errors/index.js';
import { requestJson } from '../http/index.js';
import type { TokenSource } from '../oauth/index.js';

export interface ConnectionTestResult {
    ok: boolean;
    message: string;
    hint?: string | undefined;
    /** Why it failed, as a stable code (`auth_failed`, `pingone_error`, ...). */
    code?: string | undefined;
}

export interface DiagnoseInput {
    connector: Connector;
    config: Record<string, string>;
    dispatcher: Dispatcher;
    tokens: TokenSource;
    signal?: AbortSignal | undefined;
}

// INTERIM until src/connections/diagnose.ts lands: a token and one read of the environment.
export async function diagnoseConnection(input: DiagnoseInput): Promise<ConnectionTestResult> {
    try {
        const token = await input.tokens.getAccessToken(input.signal);
        const url = new URL(`/v1/environments/${input.config['environmentId']}`, input.connector.apiBaseUrl(input.config));
        const response = await requestJson<{ name?: string }>(input.dispatcher, {
            url,
            headers: { authorization: `Bearer ${token}` },
            ...(input.signal ? { signal: input.signal } : {}),
        });
        if (response.status !== 200) return { ok: false, code: 'pingone_error', message: `PingOne answered ${response.status} reading the environment.` };
        return { ok: true, message: `connected to environment "${response.body.name ?? input.config['environmentId']}".` };
    } catch (error) {
        if (error instanceof ConnectorError) return { ok: false, code: error.code, message: error.message, hint: error.hint };
        throw error;
    }
}
