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

/** A connector as the registry hands it out may also validate credentials. */
export type FormConnector = Connector & { parseCredentials?(input: unknown): unknown };

function refusal(validate: () => unknown): (ConnectResponse & { ok: false }) | undefined {
    try {
        validate();
        return undefined;
    } catch (error) {
        if (error instanceof InvalidConfigError)
            return { ok: false, message: error.message, field: error.field, ...(error.hint === undefined ? {} : { hint: error.hint }) };
        throw error;
    }
}

export function checkedRequest(connector: FormConnector, fields: readonly FormField[], body: unknown): CheckedRequest {
    const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const connectionConfig = stringRecord(record['connectionConfig']);
    const credentials = stringRecord(record['credentials']);
    if (connectionConfig === undefined || credentials === undefined) {
        return { ok: false, message: 'The request must carry connectionConfig and credentials as objects of strings.' };
    }
    let parsed: Record<string, string> = {};
    const refusedConfig = refusal(() => (parsed = connector.parseConnectionConfig(connectionConfig) as Record<string, string>));
    if (refusedConfig !== undefined) return refusedConfig;
    const credentialFields = fields.filter((field) => field.group === 'credentials');
    const unknown = Object.keys(credentials).find((key) => !credentialFields.some((field) => field.key === key));
    if (unknown !== undefined) return { ok: false, message: `"${unknown}" is not a credential of ${connector.displayName}.` };
    for (const field of credentialFields) {
        const problem = checkField(field, credentials[field.key] ?? '');
        if (problem !== undefined) return { ok: false, message: problem, field: field.key };
    }
    // Then the connector's own credentials validator, where the connector has one: the page's checks
    // must never let through what it refuses (a test compares them).
    const filled = Object.fromEntries(Object.entries(credentials).filter(([, value]) => value !== ''));
    const refused = refusal(() => connector.parseCredentials?.(filled));
    if (refused !== undefined) return refused;
    return { ok: true, request: { connectionConfig: parsed, credentials } };
}
