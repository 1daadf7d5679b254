// The password operations are one endpoint, `/users/{id}/password`, told apart by content type.
// None is retried: a second "set" may break a password-history rule, a second "force change" or
// "unlock" after the first reached PingOne is not what anyone asked for.
import { idSegment, readPingOneContext } from './connection.js';
import { call, type ProxyNango } from './http.js';
import type { NangoAction } from 'nango';

export interface PasswordOperation {
    method: 'PUT' | 'POST';
    contentType: string;
    data?: Record<string, unknown>;
    doing: string;
}

export async function passwordOperation(
    nango: ProxyNango & Pick<NangoAction, 'getConnection'>,
    userId: string,
    operation: PasswordOperation,
): Promise<{ id: string; passwordStatus?: string }> {
    const context = await readPingOneContext(nango);
    const id = idSegment(nango, userId, 'id');
    const state = await call<{ status?: unknown } | undefined>(nango, {
        method: operation.method,
        endpoint: `${context.environmentPath}/users/${id}/password`,
        ...(operation.data ? { data: operation.data } : {}),
        contentType: operation.contentType,
        idempotent: false,
        ifUnsure: 'Run get-user for the user and compare its password status and last change with what you expect',
        doing: operation.doing,
        roles: 'identityWrite',
    });
    const status = state && typeof state === 'object' && typeof state.status === 'string' ? state.status : undefined;
    return { id, ...(status ? { passwordStatus: status } : {}) };
}
