// The shape every generated connector module (connectors/<provider>/connector.generated.ts) satisfies.
// The harness, the CLI and the Connect UI work through this interface only, never through a
// provider's file directly, so that adding a provider is a change to definitions alone.

export type AuthMode = 'OAUTH2' | 'OAUTH2_CC';

/** A JSON Schema document as the compiler emits it (draft 2020-12). */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface AuthorizationParams {
    clientId: string;
    redirectUri: string;
    state: string;
    codeChallenge: string;
    codeChallengeMethod: 'S256';
    scopes: readonly string[];
}

export interface Connector<Config = Record<string, string>> {
    /** The provider key in providers.yaml, e.g. `pingone-cc`. */
    readonly key: string;
    readonly displayName: string;
    readonly authMode: AuthMode;
    /** The providers.yaml entry, as written. */
    readonly definition: Readonly<Record<string, unknown>>;
    /** The Connect UI contract: field order, labels, examples, enum labels, doc sections. */
    readonly connectionConfigSchema: JsonSchema;
    readonly credentialsSchema: JsonSchema;
    /** Link to the setup guide; a field's help link is this plus its doc_section. */
    readonly guideUrl: string;

    /** Validates untrusted input; throws InvalidConfigError naming the first bad field. */
    parseConnectionConfig(input: unknown): Config;
    /** Each builder validates the config first and asserts the final host. */
    tokenUrl(config: Config): URL;
    apiBaseUrl(config: Config): URL;
    authorizationUrl?(config: Config, params: AuthorizationParams): URL;
    /** The only hosts that may receive this connection's credentials or tokens. */
    allowedHosts(config: Config): readonly string[];
}
