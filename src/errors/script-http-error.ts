import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** What a script sees of a failed response: the AxiosError-like fields Nango scripts read. */
export interface ScriptHttpResponse {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    data: unknown;
}

/**
 * A proxied call answered with a non-2xx status. Shaped like the AxiosError a script gets from
 * Nango's proxy (`error.response.status`, `error.response.data`), so scripts' error handling runs unchanged.
 */
export class ScriptHttpError extends ConnectorError {
    static override readonly code = 'script_http_error';

    readonly status: number;
    readonly response: ScriptHttpResponse;
    /** PingOne's error `code` (e.g. `INVALID_DATA`) and first detail code, when the body has them. */
    readonly pingOneCode: string | undefined;
    readonly pingOneDetailCode: string | undefined;

    constructor(method: string, path: string, response: ScriptHttpResponse, options: ConnectorErrorOptions = {}) {
        const body = typeof response.data === 'object' && response.data !== null ? (response.data as Record<string, unknown>) : {};
        const pingOneCode = typeof body['code'] === 'string' ? body['code'] : undefined;
        const details = Array.isArray(body['details']) ? (body['details'] as Record<string, unknown>[]) : [];
        const detail = details[0];
        const pingOneDetailCode = typeof detail?.['code'] === 'string' ? detail['code'] : undefined;
        const said = typeof body['message'] === 'string' ? `: ${body['message']}` : '';
        const target = typeof detail?.['target'] === 'string' ? ` (field ${detail['target']})` : '';
        super(
            ScriptHttpError.code,
            `${method} ${path} answered ${response.status}${pingOneCode ? ` ${pingOneCode}` : ''}${pingOneDetailCode ? `/${pingOneDetailCode}` : ''}${said}${target}`,
            options,
        );
        this.status = response.status;
        this.response = response;
        this.pingOneCode = pingOneCode;
        this.pingOneDetailCode = pingOneDetailCode;
    }
}
