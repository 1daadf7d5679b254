import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** Why a token could not be had; callers (diagnosis, CLI, Connect UI) branch on it. */
export type AuthFailureReason =
    | 'invalid_client'
    | 'auth_method_not_allowed'
    | 'invalid_grant'
    | 'unauthorized_client'
    | 'unsupported_grant_type'
    | 'invalid_scope'
    | 'invalid_request'
    | 'access_denied'
    | 'no_refresh_token'
    | 'environment_not_found'
    | 'invalid_token_response'
    | 'token_endpoint_error';

/** The token endpoint (or the authorize redirect) refused: `reason` says why, `hint` what to do. */
export class AuthFailedError extends ConnectorError {
    static override readonly code = 'auth_failed';

    readonly reason: AuthFailureReason;
    /** The HTTP status of the token endpoint's answer, when there was one. */
    readonly status: number | undefined;
    /** The OAuth `error` value as PingOne sent it. */
    readonly oauthError: string | undefined;
    /** The credentials field at fault, when one is (e.g. `clientSecret`, `authMethod`). */
    readonly field: string | undefined;

    constructor(reason: AuthFailureReason, message: string, options: ConnectorErrorOptions & { status?: number; oauthError?: string; field?: string } = {}) {
        super(AuthFailedError.code, message, options);
        this.reason = reason;
        this.status = options.status;
        this.oauthError = options.oauthError;
        this.field = options.field;
    }
}
