import type { ExtensionsFile } from './sources.js';
import { generatedNote } from './field-schemas.js';

export const sharedFactsPath = 'connectors/shared/pingone.generated.ts';

/**
 * connectors/shared/pingone.generated.ts: the facts the Nango scripts need (top level domains, the
 * role table, who may assign which role, the ways to connect, audit action types), written from providers.extensions.yaml. Nango scripts may import
 * only files under connectors/, so they cannot read the definitions or the connector modules; this
 * module has no imports at all.
 */
export function renderSharedFacts(extensions: ExtensionsFile): string {
    const roleTable = Object.fromEntries(
        Object.entries(extensions.roles).map(([key, facts]) => [
            key,
            { call: facts.call, roles: facts.roles, scope: facts.scope ?? 'environment', anyToken: facts.any_token ?? false },
        ]),
    );
    const actions = Object.entries(extensions.audit_action_types);
    const kinds = Object.fromEntries(
        Object.entries(extensions.providers['pingone']?.connection_kinds ?? {}).map(([kind, facts]) => [
            kind,
            { title: facts.title, appType: facts.app_type, scopes: facts.scopes },
        ]),
    );
    return `// ${generatedNote}
// What PingOne is, for the Nango scripts under connectors/ (they may import only relative files):
// the source of truth is providers.extensions.yaml.

/** Every top level domain PingOne serves, i.e. the values of a connection's \`tld\`. */
export const TLDS = ${JSON.stringify(Object.keys(extensions.regions))} as const;

export type Tld = (typeof TLDS)[number];

/** Top level domain -> its region: \`label\` for people, \`code\` as PingOne reports it on an environment. */
export const REGIONS = ${JSON.stringify(extensions.regions)} as const satisfies Record<Tld, { label: string; code: string; description: string }>;

/** Each kind of management API call -> the built-in roles that allow it and the scope they must be granted at (\`anyToken\`: no role needed). */
export const ROLE_TABLE = ${JSON.stringify(roleTable)} as const satisfies Record<string, { call: string; roles: readonly string[]; scope: 'environment' | 'organization'; anyToken: boolean }>;

export type RoleTableKey = keyof typeof ROLE_TABLE;

/** Built-in roles' "Can Assign" column: a role -> the roles an actor holding it may assign (absent: none). */
export const CAN_ASSIGN = ${JSON.stringify(extensions.can_assign)} as const satisfies Record<string, readonly string[]>;

/** The documented ways to connect \`pingone\`: the PingOne app type each needs and the scopes it asks for. */
export const CONNECTION_KINDS = ${JSON.stringify(kinds)} as const satisfies Record<string, { title: string; appType: string; scopes: readonly string[] }>;

/** Every audit activity \`action.type\` the connector knows. */
export const AUDIT_ACTION_TYPES = ${JSON.stringify(actions.map(([type]) => type))} as const;
`;
}
