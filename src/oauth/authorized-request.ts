import type { Dispatcher } from 'undici';
import { requestJson, type JsonRequest, type JsonResponse } from '../http/index.js';
import type { TokenSource } from './cached-token-source.js';

/** One API call with the connection's bearer token; a 401 invalidates that token and the call is made once more with a new one. */
export async function authorizedRequest<T = unknown>(
    tokens: Pick<TokenSource, 'getAccessToken' | 'invalidate'>,
    dispatcher: Dispatcher,
    request: JsonRequest,
): Promise<JsonResponse<T>> {
    const send = (token: string) => requestJson<T>(dispatcher, { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    const token = await tokens.getAccessToken(request.signal);
    const response = await send(token);
    if (response.status !== 401) return response;
    tokens.invalidate(token);
    return send(await tokens.getAccessToken(request.signal));
}
