import { randomUuid } from '../random.js';

/** One entry of a PingOne error body's `details[]`. */
export interface ApiErrorDetail {
    code: string;
    message: string;
    target?: string;
    innerError?: Record<string, unknown>;
}

const defaultMessages: Record<number, string> = {
    400: 'The request could not be completed. One or more validation errors were in the request.',
    401: 'The request could not be completed. You do not have access to this resource.',
    403: 'The request could not be completed. You do not have access to this resource.',
    404: 'The request could not be completed. The requested resource was not found.',
    405: 'The request could not be completed. The HTTP method is not supported by this resource.',
    415: 'The request could not be completed. The content type is not supported by this resource.',
    429: 'The request could not be completed. Too many requests were made.',
    500: 'An unexpected error occurred.',
    502: 'The request could not be completed. The server received an invalid response from an upstream server.',
    503: 'The request could not be completed. The service is temporarily unavailable.',
};

/**
 * A management-API failure. Handlers throw it; the server renders PingOne's error body
 * `{id, code, message, details[]}` (https://developer.pingidentity.com/pingone-api/platform/reference/error-codes.html).
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message?: string,
        readonly details: ApiErrorDetail[] = [],
        readonly headers: Record<string, string> = {},
    ) {
        super(message ?? defaultMessages[status] ?? 'The request could not be completed.');
    }

    body(): Record<string, unknown> {
        return {
            id: randomUuid(),
            code: this.code,
            message: this.message,
            ...(this.details.length > 0 ? { details: this.details } : {}),
        };
    }
}

export const apiErrors = {
    notFound: (what: string) => new ApiError(404, 'NOT_FOUND', `Unable to find ${what}.`),
    invalidData: (detail: ApiErrorDetail) => new ApiError(400, 'INVALID_DATA', undefined, [detail]),
    invalidRequest: (message: string) => new ApiError(400, 'INVALID_REQUEST', message),
    required: (target: string) => apiErrors.invalidData({ code: 'REQUIRED_VALUE', target, message: `${target} is required.` }),
    invalidValue: (target: string, message: string) => apiErrors.invalidData({ code: 'INVALID_VALUE', target, message }),
    unsupportedMediaType: (contentType: string, accepted: readonly string[]) =>
        new ApiError(415, 'INVALID_REQUEST', `Content-Type "${contentType || '(none)'}" is not supported here; use one of: ${accepted.join(', ')}.`),
    invalidToken: (message: string) =>
        new ApiError(401, 'ACCESS_FAILED', 'The request could not be completed. You do not have access to this resource.', [
            { code: 'INVALID_TOKEN', message },
        ]),
    insufficientPermissions: (needed: readonly string[]) =>
        new ApiError(403, 'ACCESS_FAILED', 'The request could not be completed. You do not have access to this resource.', [
            {
                code: 'INSUFFICIENT_PERMISSIONS',
                message: `The actor attempting to perform the request is not authorized. Roles that allow it: ${needed.join(', ')}.`,
            },
        ]),
    /** A self-service token used beyond what its scopes allow. */
    accessDenied: (message: string) =>
        new ApiError(403, 'ACCESS_FAILED', 'The request could not be completed. You do not have access to this resource.', [
            { code: 'INSUFFICIENT_PERMISSIONS', message },
        ]),
    methodNotAllowed: (allowed: readonly string[]) => new ApiError(405, 'INVALID_REQUEST', undefined, [], { allow: allowed.join(', ') }),
};
