import { ConnectorError, NetworkError, OutcomeUnknownError } from '../errors/index.js';
import { provesNothingSent, transportCode } from './retry-policy.js';

export interface SentRequest {
    method: string;
    url: URL;
    /** Whether sending it twice leaves PingOne as sending it once (the retry interceptor's own judgement). */
    idempotent: boolean;
}

/**
 * The typed error for a request that got no answer (after every retry the dispatcher allowed):
 * a request that is not safe to repeat and may have left is `OutcomeUnknownError`, since PingOne may
 * have applied it; anything else is `NetworkError`. Ours and aborts pass through unchanged.
 */
export function transportFailure(error: unknown, request: SentRequest, signal?: AbortSignal): unknown {
    if (error instanceof ConnectorError || signal?.aborted) return error;
    const code = transportCode(error);
    if (!request.idempotent && !provesNothingSent(error)) return new OutcomeUnknownError(request.method, request.url.pathname, code, { cause: error });
    return new NetworkError(request.url.host, code, { cause: error });
}
