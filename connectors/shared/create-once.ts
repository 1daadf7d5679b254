// A POST that adds something once (a membership, a nesting, an application role): PingOne refuses a
// second one with UNIQUENESS_VIOLATION, which becomes the action's own stable code rather than
// `invalid_request`; so does, when the action names one, a body `id` that refers to nothing
// (INVALID_VALUE on `id`).
import { describeFailure, fail } from './errors.js';
import { tryCall, type PingOneCall, type ProxyNango } from './http.js';
import type { Raw } from './mappers.js';

interface Refusal {
    code: string;
    message: string;
}

export async function createOnce(nango: ProxyNango, request: PingOneCall, duplicate: Refusal, unknownId?: Refusal): Promise<Raw> {
    const result = await tryCall<Raw>(nango, request);
    if (result.ok) return result.data;
    const payload = describeFailure(result.failure, request);
    const { details } = result.failure;
    if (details.some((detail) => detail.code === 'UNIQUENESS_VIOLATION')) {
        throw fail(nango, { ...payload, ...duplicate });
    }
    if (unknownId && details.some((detail) => detail.code === 'INVALID_VALUE' && detail.target === 'id')) {
        throw fail(nango, { ...payload, ...unknownId });
    }
    throw fail(nango, payload);
}
