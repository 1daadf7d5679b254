import { InvalidConfigError } from '../errors/index.js';

/** How the client proves itself at the token endpoint: PingOne's CLIENT_SECRET_POST or CLIENT_SECRET_BASIC. */
export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

export const tokenAuthMethods: readonly TokenAuthMethod[] = ['client_secret_post', 'client_secret_basic'];

/**
 * What a connection uses when none was chosen or saved: Client Secret Post, what Nango sends (its
 * `pingone` and `pingone-cc` entries set no `token_request_auth_method`, so the secret goes in the
 * form body) and what Nango's and Cyclr's setup guides tell the admin to pick
 * (https://nango.dev/docs/integrations/all/pingone-cc/connect, https://nango.dev/docs/integrations/all/pingone).
 */
export const defaultTokenAuthMethod: TokenAuthMethod = 'client_secret_post';

export interface ClientCredentials {
    clientId: string;
    clientSecret: string;
}

/** The PingOne console's name for a method, as the setup guides and error hints use it. */
export function consoleName(method: TokenAuthMethod): string {
    return method === 'client_secret_post' ? 'Client Secret Post' : 'Client Secret Basic';
}

export function parseTokenAuthMethod(value: string | undefined): TokenAuthMethod {
    if (value === undefined || value === '') return defaultTokenAuthMethod;
    const normal = value.trim().toLowerCase().replace(/-/g, '_');
    const method = tokenAuthMethods.find((candidate) => candidate === normal || candidate === `client_secret_${normal}`);
    if (method === undefined) {
        throw new InvalidConfigError('authMethod', `"${value}" is not a token endpoint authentication method this connector supports.`, {
            hint: 'Use client_secret_basic or client_secret_post, as set on the application in PingOne.',
        });
    }
    return method;
}

/** Adds the client's credentials to a token request: in the form (post) or an Authorization header (basic). */
export function authenticate(method: TokenAuthMethod, credentials: ClientCredentials, form: Record<string, string>, headers: Record<string, string>): void {
    if (method === 'client_secret_post') {
        form['client_id'] = credentials.clientId;
        form['client_secret'] = credentials.clientSecret;
        return;
    }
    // RFC 6749 §2.3.1: each half is form-urlencoded before base64.
    const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
    headers['authorization'] = `Basic ${Buffer.from(`${encode(credentials.clientId)}:${encode(credentials.clientSecret)}`).toString('base64')}`;
}
