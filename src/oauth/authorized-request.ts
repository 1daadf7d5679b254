import type { Dispatcher } from 'undici';
import { bearerCapable, requestJson, type JsonRequest, type JsonResponse } from '../http/index.js';
import type { TokenSource } from './cached-token-source.js';

/**
 * One API call with the connection's bearer token, taken as the request leaves the dispatcher's
 * queue; after a 401 the dispatcher sends it once more with a new token.
 */
export async function authorizedRequest<T = unknown>(
    tokens: Pick<TokenSource, 'getAccessToken' | 'invalidate'>,
    dispatcher: Dispatcher,
    request: JsonRequest,
): Promise<JsonResponse<T>> {
    return requestJson<T>(bearerCapable(dispatcher), { ...request, bearer: tokens });
}
