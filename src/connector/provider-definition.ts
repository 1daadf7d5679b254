// The parts of a providers.yaml entry the runtime reads. schemas/providers.schema.json is the full
// contract; the compiler has already validated every entry against it, so these types describe
// checked data, not guesses.

export type FieldDefinition = {
    readonly type: 'string';
    readonly title: string;
    readonly description: string;
    readonly order: number;
    readonly doc_section: string;
    readonly example?: string;
    readonly pattern?: string;
    readonly format?: string;
    readonly enum?: readonly string[];
    readonly secret?: boolean;
};

// Type aliases, not interfaces: the definition must also be usable as a plain JSON record.
export type ProviderDefinition = {
    readonly display_name: string;
    readonly categories: readonly string[];
    readonly auth_mode: 'OAUTH2' | 'OAUTH2_CC';
    readonly authorization_url?: string;
    readonly token_url: string;
    readonly scope_separator?: string;
    readonly authorization_params?: Readonly<Record<string, string>>;
    readonly token_params: Readonly<Record<string, string>>;
    readonly refresh_params?: Readonly<Record<string, string>>;
    readonly proxy: {
        readonly base_url: string;
        readonly retry?: { readonly after?: readonly string[]; readonly at?: readonly string[]; readonly remaining?: string };
        /** PingOne's HAL paging: follow `_links.next.href`, page size in `limit`. */
        readonly paginate?: {
            readonly type: 'link' | 'cursor' | 'offset';
            readonly link_path_in_response_body?: string;
            readonly limit_name_in_request?: string;
        };
    };
    readonly docs: string;
    readonly docs_connect: string;
    readonly connection_config: Readonly<Record<string, FieldDefinition>>;
};

export interface RegionFacts {
    readonly label: string;
    /** The `region` PingOne reports on an environment, e.g. `EU`. */
    readonly code: string;
    readonly description: string;
}

export interface RoleFacts {
    readonly call: string;
    readonly roles: readonly string[];
    readonly scope?: 'environment' | 'organization';
    readonly any_token?: boolean;
}

/** A documented way to connect: the PingOne app it needs and the scopes it asks for. */
export interface ConnectionKindFacts {
    readonly title: string;
    readonly app_type: 'WORKER' | 'WEB_APP';
    readonly grant_types: readonly ('AUTHORIZATION_CODE' | 'REFRESH_TOKEN' | 'CLIENT_CREDENTIALS')[];
    readonly acts_with: string;
    readonly scopes: readonly string[];
    readonly doc_section: string;
}

/** A provider's facts from providers.extensions.yaml, plus the shared region and role tables. */
export interface ProviderExtensions {
    readonly token_auth_methods: readonly ('client_secret_post' | 'client_secret_basic')[];
    readonly default_scopes: readonly string[];
    /** The documented ways to connect (the first is the default); absent when there is one. */
    readonly connection_kinds?: Readonly<Record<string, ConnectionKindFacts>>;
    readonly scopes: Readonly<Record<string, string>>;
    readonly credentials: Readonly<Record<string, FieldDefinition>>;
    readonly regions: Readonly<Record<string, RegionFacts>>;
    readonly roles: Readonly<Record<string, RoleFacts>>;
}
