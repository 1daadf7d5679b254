import type { Connector } from '../connector/connector.js';
import { InvalidConfigError } from '../errors/index.js';
import { checkField } from './field-check.js';
import type { FormField } from './form-model.js';
import type { ConnectRequest, ConnectResponse } from './protocol.js';

// The server's gate: a request from the page is used only after the connector's own validator has
// accepted its connection config (the one every URL builder runs) and the credential fields have
// passed the schema checks. Nothing reaches the network before this.

export type CheckedRequest = { ok: true; request: ConnectRequest } | (ConnectResponse & { ok: false });

function stringRecord(value: unknown): Record<string, string> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const entries = Object.entries(value);
    return entries.every(([, entry]) => typeof entry === 'string') ? Object.fromEntries(entries as [string, string][]) : undefined;
}

export function checkedRequest(connector: Connector, fields: readonly FormField[], body: unknown): CheckedRequest {
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const connectionConfig = stringRecord(record['connectionConfig']);
    const credentials = stringRecord(record['credentials']);
    if (connectionConfig === undefined || credentials === undefined) {
        return { ok: false, message: 'The request must carry connectionConfig and credentials as objects of strings.' };
    }
    let parsed: Record<string, string>;
    try {
        parsed = connector.parseConnectionConfig(connectionConfig) as Record<string, string>;
    } catch (error) {
        if (error instanceof InvalidConfigError)
            return { ok: false, message: error.message, field: error.field, ...(error.hint === undefined ? {} : { hint: error.hint }) };
        throw error;
    }
    const credentialFields = fields.filter((field) => field.group === 'credentials');
    const unknown = Object.keys(credentials).find((key) => !credentialFields.some((field) => field.key === key));
    if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not a credential of ${connector.displayName}.` };
    for (const field of credentialFields) {
        const problem = checkField(field, credentials[field.key] ?? '');
        if (problem !== undefined) return { ok: false, message: problem, field: field.key };
    }
    return { ok: true, request: { connectionConfig: parsed, credentials } };
}
