// The connection's PingOne environment and region, validated before any endpoint is built from them.
import type { NangoAction } from 'nango';

import { fail } from './errors.js';
import { TLDS, type Tld } from './pingone.js';

export interface PingOneContext {
    environmentId: string;
    tld: Tld;
    /** The only origin whose links the scripts follow: the provider's proxy base URL. */
    apiOrigin: string;
    /** `/v1/environments/<id>`: every environment-scoped endpoint starts with it. */
    environmentPath: string;
}

/** The shape of a PingOne ID (a UUID). */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

type AnyNango = Pick<NangoAction, 'getConnection' | 'ActionError'>;

export async function readPingOneContext(nango: AnyNango): Promise<PingOneContext> {
    const connection = await nango.getConnection();
    const config: Record<string, unknown> = connection.connection_config ?? {};
    const environmentId = config['environmentId'];
    const tld = config['tld'];
    if (typeof environmentId !== 'string' || !GUID.test(environmentId)) {
        throw fail(nango, {
            code: 'invalid_connection_config',
            message: 'The connection has no valid PingOne environment ID (connection_config.environmentId).',
            hint: 'Copy the Environment ID (a UUID) from PingOne: Settings > Environment Properties.',
            field: 'environmentId',
        });
    }
    if (typeof tld !== 'string' || !(TLDS as readonly string[]).includes(tld)) {
        throw fail(nango, {
            code: 'invalid_connection_config',
            message: `The connection's PingOne region (connection_config.tld) must be one of ${TLDS.join(', ')}.`,
            hint: 'Use the ending of your PingOne admin address: "eu" when it is on pingone.eu, "com" on pingone.com.',
            field: 'tld',
        });
    }
    return {
        environmentId,
        tld: tld as Tld,
        apiOrigin: `https://api.pingone.${tld}`,
        environmentPath: `/v1/environments/${environmentId}`,
    };
}

/** An ID from action input goes into a URL path only if it has PingOne's UUID shape. */
export function idSegment(nango: Pick<NangoAction, 'ActionError'>, value: string, field: string): string {
    if (!GUID.test(value)) {
        throw fail(nango, {
            code: 'invalid_input',
            message: `Input field "${field}" must be a PingOne ID (a UUID such as 0d2f6a7e-1c2b-4e5f-9a8b-7c6d5e4f3a2b).`,
            field,
        });
    }
    return value;
}
