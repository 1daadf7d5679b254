import { describe, expect, it } from 'vitest';
import { getConnector } from '../../connectors/registry.generated.js';
import { ROLES, type RoleNeed } from '../../connectors/shared/pingone.js';
import { roleTableKeys, rolesNeededByScripts } from '../../src/harness/script-roles.js';

describe("the scripts' role needs", () => {
    it('map each need of the scripts to the roles-table entry that lists the same roles', () => {
        const table = getConnector('pingone-cc').extensions.roles;
        for (const need of Object.keys(ROLES) as RoleNeed[]) {
            const facts = table[roleTableKeys[need]];
            expect(facts, need).toBeDefined();
            expect([...(facts?.roles ?? [])], need).toEqual([...ROLES[need]]);
        }
    });

    it('name, for each role, the syncs and actions of the integration that need it', async () => {
        const cc = await rolesNeededByScripts('pingone-cc');
        expect(cc['read-identity-data']).toEqual(expect.arrayContaining(['sync users', 'sync groups', 'action get-user']));
        expect(cc['read-audit-activities']).toContain('sync audit-activities');
        expect(cc['write-identity-data']).toContain('action create-user');
        expect(cc['list-environments']).toEqual(['sync environments']);
        // The environments sync is client-credentials only.
        expect((await rolesNeededByScripts('pingone'))['list-environments']).toBeUndefined();
        expect(await rolesNeededByScripts('pingone-advanced-services')).toEqual({});
    });
});
