import type { Dispatcher } from 'undici';
import type { Connector } from '../connector/connector.js';
import { AuthFailedError } from '../errors/index.js';
import {
    CachedTokenSource,
    clientCredentialsTokenSource,
    defaultTokenAuthMethod,
    refreshTokenSource,
    type SharedTokens,
    type TokenSet,
    type TokenSource,
} from '../oauth/index.js';
import type { ConnectionSecrets, RotatedTokens, TokenAuthMethod } from '../store/index.js';

export interface TokenSourceInput {
    connector: Connector;
    config: Record<string, string>;
    secrets: ConnectionSecrets;
    authMethod: TokenAuthMethod | undefined;
    dispatcher: Dispatcher;
    /** Saves rotated tokens atomically (the secrets file), before they are used. */
    saveTokens: (tokens: RotatedTokens) => void;
    /** The saved secrets, when other processes may renew the same tokens. */
    shared?: SharedSecrets | undefined;
}

/** Secrets saved where other processes use them too (the secrets file; see SharedTokens). */
export interface SharedSecrets extends Pick<SharedTokens, 'exclusively'> {
    /** The connection's secrets as saved now. */
    read(): ConnectionSecrets | undefined;
}

/**
 * The token source a connection's credentials call for: client credentials (`pingone-cc`), the
 * rotating refresh token of an authorization-code sign-on (`pingone`), or, for a token imported
 * from Nango without its refresh token, that token alone until it expires.
 */
export function tokenSourceFor(input: TokenSourceInput): TokenSource {
    const client = {
        connector: input.connector,
        config: input.config,
        credentials: { clientId: input.secrets.clientId ?? '', clientSecret: input.secrets.clientSecret ?? '' },
        authMethod: input.authMethod ?? defaultTokenAuthMethod,
        dispatcher: input.dispatcher,
    };
    if (input.connector.authMode === 'OAUTH2_CC') return clientCredentialsTokenSource(client);
    const held = heldTokens(input.secrets);
    if (input.secrets.refreshToken !== undefined) {
        return refreshTokenSource({
            ...client,
            tokens: held ?? { accessToken: '', tokenType: 'Bearer', expiresAt: 0, refreshToken: input.secrets.refreshToken },
            ...(input.shared === undefined ? {} : { shared: sharedTokens(input.shared, input.secrets.clientId) }),
            onRotate: (tokens) =>
                input.saveTokens({
                    accessToken: tokens.accessToken,
                    accessTokenExpiresAt: new Date(tokens.expiresAt).toISOString(),
                    refreshToken: tokens.refreshToken,
                }),
        });
    }
    return new CachedTokenSource(
        async () => {
            throw new AuthFailedError('no_refresh_token', 'The access token of this connection has expired and it has no refresh token to renew it.', {
                hint: 'Sign on again with `npx pingone-connector connect <name> --provider pingone`, or import it again with --from-nango.',
            });
        },
        () => [],
        held === undefined ? {} : { initial: held },
    );
}

function sharedTokens(shared: SharedSecrets, clientId: string | undefined): SharedTokens {
    return {
        exclusively: (renew) => shared.exclusively(renew),
        saved: () => {
            const secrets = shared.read();
            if (secrets === undefined) return undefined;
            // Replaced by another application's sign-on while this command ran: its tokens are not ours
            // to use, and ours must not be saved over them.
            if (secrets.clientId !== clientId) {
                throw new AuthFailedError('invalid_grant', 'The connection was replaced (another application signed on) while this command ran.', {
                    hint: 'Run the command again: it will use the connection as it is now.',
                });
            }
            return heldTokens(secrets);
        },
    };
}

function heldTokens(secrets: ConnectionSecrets): TokenSet | undefined {
    if (secrets.accessToken === undefined) return undefined;
    const expiresAt = secrets.accessTokenExpiresAt === undefined ? Date.now() + 60_000 : Date.parse(secrets.accessTokenExpiresAt);
    return { accessToken: secrets.accessToken, tokenType: 'Bearer', expiresAt, ...(secrets.refreshToken ? { refreshToken: secrets.refreshToken } : {}) };
}
