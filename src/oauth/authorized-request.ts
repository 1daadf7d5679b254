import type { Dispatcher } from 'undici';
import { bearerCapable, requestJson, type JsonRequest, type JsonResponse } from '../http/index.js';
import type { TokenSource } from './cached-token-source.js';

/**
 * One API call with the connection's bearer token, taken as the request leaves the dispatcher's
 * queue; a 401 invalidates that token and the call is made once more with a new one.
 */
export async function authorizedRequest<T = unknown>(
    tokens: Pick<TokenSource, 'getAccessToken' | 'invalidate'>,
    dispatcher: Dispatcher,
    request: JsonRequest,
): Promise<JsonResponse<T>> {
    const sender = bearerCapable(dispatcher);
    const send = () => requestJson<T>(sender, { ...request, bearer: tokens });
    const response = await send();
    return response.status === 401 ? send() : response;
}
