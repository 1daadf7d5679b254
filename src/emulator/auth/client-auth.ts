import { header, type RequestContext } from '../http/context.js';
import { tokenAuthMethods, type ApplicationRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { oauthErrors } from './oauth-error.js';

interface PresentedCredentials {
    method: 'client_secret_basic' | 'client_secret_post' | 'none';
    clientId: string;
    clientSecret?: string;
}

function presented(context: RequestContext, form: URLSearchParams): PresentedCredentials {
    const authorization = header(context, 'authorization');
    const bodySecret = form.get('client_secret');
    if (form.has('client_assertion')) {
        throw oauthErrors.invalidClient('client_assertion authentication (PRIVATE_KEY_JWT, CLIENT_SECRET_JWT) is not supported by the emulator.', false);
    }
    if (authorization?.toLowerCase().startsWith('basic ')) {
        if (bodySecret !== null)
            throw oauthErrors.invalidRequest('The request uses more than one client authentication method (Authorization: Basic and client_secret).');
        const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) throw oauthErrors.invalidClient('The Basic Authorization header is malformed: expected base64(client_id:client_secret).', true);
        // RFC 6749 section 2.3.1: both halves are form-urlencoded before base64.
        const decode = (text: string) => {
            try {
                return decodeURIComponent(text.replace(/\+/g, ' '));
            } catch {
                throw oauthErrors.invalidClient(
                    'The Basic Authorization header is malformed: client_id and client_secret must be form-urlencoded (a "%" starts a %XX escape).',
                    true,
                );
            }
        };
        return { method: 'client_secret_basic', clientId: decode(decoded.slice(0, colon)), clientSecret: decode(decoded.slice(colon + 1)) };
    }
    const clientId = form.get('client_id');
    if (!clientId) throw oauthErrors.invalidClient('Client authentication is required: send client_id (and its secret).', false);
    return bodySecret === null ? { method: 'none', clientId } : { method: 'client_secret_post', clientId, clientSecret: bodySecret };
}

/**
 * Authenticates the client of a token request by the application's `tokenEndpointAuthMethod`.
 * Every failure is 401 `invalid_client`; the description says what to change.
 */
export function authenticateClient(tenant: Tenant, context: RequestContext, form: URLSearchParams): ApplicationRecord {
    const credentials = presented(context, form);
    const basic = credentials.method === 'client_secret_basic';
    const formClientId = form.get('client_id');
    if (basic && formClientId !== null && formClientId !== credentials.clientId) {
        throw oauthErrors.invalidRequest('client_id in the body does not match the client in the Authorization header.');
    }
    const application = tenant.applications.get(credentials.clientId);
    if (!application) throw oauthErrors.invalidClient('Client authentication failed: unknown client_id in this environment.', basic);
    if (application.body.enabled !== true) throw oauthErrors.invalidClient('Client authentication failed: the application is disabled.', basic);
    const expected = tokenAuthMethods.find((method) => method.setting === application.body.tokenEndpointAuthMethod);
    if (expected?.wire !== credentials.method) {
        throw oauthErrors.invalidClient(
            `Unsupported authentication method: the application's tokenEndpointAuthMethod is ${String(application.body.tokenEndpointAuthMethod)}, ` +
                `so authenticate with ${expected?.wire ?? 'a supported method'}; the request used ${credentials.method}.`,
            basic,
        );
    }
    if (credentials.method !== 'none' && credentials.clientSecret !== application.secret) {
        const previous = application.previousSecret;
        const previousValid = previous && previous.secret === credentials.clientSecret && Date.parse(previous.expiresAt) > Date.now();
        if (!previousValid) throw oauthErrors.invalidClient('Client authentication failed: invalid client credentials.', basic);
    }
    return application;
}
