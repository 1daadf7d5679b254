import { ConnectorError, InvalidConfigError } from '../errors/index.js';
import { checkFields, type FieldGroup } from './check-fields.js';
import type { AuthorizationParams, Connector, JsonSchema } from './connector.js';
import type { ProviderDefinition, ProviderExtensions } from './provider-definition.js';
import type { StandaloneValidator } from './standalone-validator.js';
import { buildUrl, fillValue } from './url-template.js';

/** What a generated connector module hands over: its data and its compiled validators. */
export interface ConnectorSpec {
    key: string;
    definition: ProviderDefinition;
    extensions: ProviderExtensions;
    connectionConfigSchema: JsonSchema;
    credentialsSchema: JsonSchema;
    validateConnectionConfig: StandaloneValidator;
    validateCredentials: StandaloneValidator;
}

/** A connector as the generated modules export it: the Connector contract plus the facts behind it. */
export interface DefinedConnector<Config, Credentials> extends Connector<Config> {
    readonly definition: ProviderDefinition;
    readonly extensions: ProviderExtensions;
    /** Validates untrusted credentials; throws InvalidConfigError naming the field, never echoing a value. */
    parseCredentials(input: unknown): Credentials;
    /** The token request's own parameters (`grant_type`, and `scope` where the definition asks), filled from the config. */
    tokenParams(config: Config): Readonly<Record<string, string>>;
}

/**
 * The one implementation behind every generated connector: each builder validates the whole config
 * first, then fills the definition's template through url-template (which checks every value again
 * and asserts the final host), so no provider file repeats the logic.
 */
export function defineConnector<Config extends Readonly<Record<string, string>>, Credentials>(spec: ConnectorSpec): DefinedConnector<Config, Credentials> {
    const { definition } = spec;
    const fields = definition.connection_config;
    const guideUrl = definition.docs_connect;
    const configGroup: FieldGroup = { name: 'connection config', fields, guideUrl, secretValues: false };
    const credentialsGroup: FieldGroup = { name: 'credentials', fields: spec.extensions.credentials, guideUrl, secretValues: true };

    const parseConnectionConfig = (input: unknown): Config => checkFields<Config>(input, spec.validateConnectionConfig, configGroup);
    const tokenUrl = (config: Config): URL => buildUrl(definition.token_url, parseConnectionConfig(config), fields);
    const apiBaseUrl = (config: Config): URL => buildUrl(definition.proxy.base_url, parseConnectionConfig(config), fields);
    const authorizationTemplate = definition.authorization_url;

    const connector: DefinedConnector<Config, Credentials> = {
        key: spec.key,
        displayName: definition.display_name,
        authMode: definition.auth_mode,
        definition,
        extensions: spec.extensions,
        connectionConfigSchema: spec.connectionConfigSchema,
        credentialsSchema: spec.credentialsSchema,
        guideUrl,
        parseConnectionConfig,
        parseCredentials: (input) => checkFields<Credentials>(input, spec.validateCredentials, credentialsGroup),
        tokenUrl,
        apiBaseUrl,
        tokenParams(config) {
            const checked = parseConnectionConfig(config);
            return Object.fromEntries(Object.entries(definition.token_params).map(([name, template]) => [name, fillValue(template, checked, fields)]));
        },
        allowedHosts(config) {
            const checked = parseConnectionConfig(config);
            const templates = [definition.token_url, definition.authorization_url, definition.proxy.base_url].filter((url) => url !== undefined);
            return [...new Set(templates.map((template) => buildUrl(template, checked, fields).hostname))];
        },
    };
    if (authorizationTemplate !== undefined) {
        connector.authorizationUrl = (config, params) => {
            const url = buildUrl(authorizationTemplate, parseConnectionConfig(config), fields);
            for (const [name, value] of authorizationQuery(definition, params)) url.searchParams.set(name, value);
            return url;
        };
    }
    return connector;
}

/** The authorization URL builder of an OAUTH2 connector, for modules that export it by name. */
export function authorizationUrlOf<Config>(connector: Connector<Config>): NonNullable<Connector<Config>['authorizationUrl']> {
    const build = connector.authorizationUrl;
    if (build === undefined)
        throw new ConnectorError('no_authorization_url', `${connector.key} has no authorization URL: it is not an authorization-code provider.`);
    return build;
}

function authorizationQuery(definition: ProviderDefinition, params: AuthorizationParams): [string, string][] {
    for (const name of ['clientId', 'state', 'codeChallenge'] as const) {
        if (typeof params[name] !== 'string' || params[name] === '') throw new InvalidConfigError(name, `The authorization request needs a ${name}.`);
    }
    let redirect: URL;
    try {
        redirect = new URL(params.redirectUri);
    } catch {
        throw new InvalidConfigError('redirectUri', 'The redirect URI is not an absolute URL.');
    }
    if (redirect.protocol !== 'https:' && redirect.protocol !== 'http:') {
        throw new InvalidConfigError('redirectUri', 'The redirect URI must be an http or https URL.');
    }
    if (params.codeChallengeMethod !== 'S256') throw new InvalidConfigError('codeChallengeMethod', 'PKCE must use S256.');
    return [
        ...Object.entries(definition.authorization_params ?? {}),
        ['client_id', params.clientId],
        ['redirect_uri', params.redirectUri],
        ...(params.scopes.length === 0 ? [] : [['scope', params.scopes.join(definition.scope_separator ?? ' ')] as [string, string]]),
        ['state', params.state],
        ['code_challenge', params.codeChallenge],
        ['code_challenge_method', params.codeChallengeMethod],
    ];
}
