import path from 'node:path';
import { entriesFor, exportName, INTEGRATIONS } from '../../connectors/shared/catalog.js';
import type { RoleNeed } from '../../connectors/shared/pingone.js';

/**
 * The scripts name their needs in their own words (connectors/shared/pingone.ts, which may import
 * only relative files); the diagnosis knows the roles table of providers.extensions.yaml. This is
 * the one place the two vocabularies meet; a test proves both sides list the same roles.
 */
export const roleTableKeys: Readonly<Record<RoleNeed, string>> = {
    identityRead: 'read-identity-data',
    identityWrite: 'write-identity-data',
    applicationsRead: 'read-applications',
    roleAssignmentsRead: 'read-role-assignments',
    roleAssignmentsWrite: 'write-role-assignments',
    auditRead: 'read-audit-activities',
    environmentsList: 'list-environments',
    rolesList: 'list-roles',
    subscriptionsRead: 'read-subscriptions',
    subscriptionsWrite: 'write-subscriptions',
    applicationsWrite: 'write-applications',
    configurationRead: 'read-configuration',
    applicationRolesRead: 'read-application-roles',
    applicationRolesWrite: 'write-application-roles',
};

type Integration = (typeof INTEGRATIONS)[number];

function isIntegration(value: string): value is Integration {
    return (INTEGRATIONS as readonly string[]).includes(value);
}

/**
 * For each roles-table key the package's syncs and actions of an integration need, the scripts
 * that need it (`sync users`, `action create-user`). Only the package's own scripts declare their
 * roles; another integration (or scripts from elsewhere) needs none that we know of.
 */
export async function rolesNeededByScripts(integration: string): Promise<Record<string, string[]>> {
    if (!isIntegration(integration)) return {};
    const needed: Record<string, string[]> = {};
    for (const entry of entriesFor(integration)) {
        if (entry.kind === 'on-events') continue;
        // .ts from the sources, .js from dist/: the extension this module was loaded with.
        const file = new URL(`../../connectors/shared/${entry.kind}/${entry.name}${path.extname(import.meta.url)}`, import.meta.url);
        const module = (await import(file.href)) as Record<string, { roles?: readonly RoleNeed[] }>;
        for (const need of module[exportName(entry.name)]?.roles ?? []) {
            const key = roleTableKeys[need];
            (needed[key] ??= []).push(`${entry.kind === 'syncs' ? 'sync' : 'action'} ${entry.name}`);
        }
    }
    return needed;
}
