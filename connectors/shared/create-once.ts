// A POST that adds something once (a membership, a nesting): PingOne refuses a second one with
// UNIQUENESS_VIOLATION, which becomes the action's own stable code rather than `invalid_request`.
import { describeFailure, fail } from './errors.js';
import { tryCall, type PingOneCall, type ProxyNango } from './http.js';
import type { Raw } from './mappers.js';

export async function createOnce(nango: ProxyNango, request: PingOneCall, duplicate: { code: string; message: string }): Promise<Raw> {
    const result = await tryCall<Raw>(nango, request);
    if (result.ok) return result.data;
    const payload = describeFailure(result.failure, request);
    if (result.failure.details.some((detail) => detail.code === 'UNIQUENESS_VIOLATION')) {
        throw fail(nango, { ...payload, ...duplicate });
    }
    throw fail(nango, payload);
}
