export type TokenAuthMethod = 'client_secret_post' | 'client_secret_basic';

/** The secret half of a connection: kept only in the secrets file, never in the database or a log. */
export interface ConnectionSecrets {
    clientId?: string;
    clientSecret?: string;
    refreshToken?: string;
    accessToken?: string;
    /** ISO time the access token expires (an imported token that cannot be refreshed). */
    accessTokenExpiresAt?: string;
}

/** Everything needed to save a connection, after the connector has validated its config. */
export interface ConnectionSpec {
    name: string;
    /** The provider key: `pingone-cc` or `pingone`. */
    provider: string;
    /** The validated connection config: `environmentId`, `tld`. */
    config: Record<string, string>;
    secrets: ConnectionSecrets;
    authMethod?: TokenAuthMethod | undefined;
    /** The loopback emulator origin this connection's PingOne traffic goes to, if any. */
    emulatorUrl?: string | undefined;
}
