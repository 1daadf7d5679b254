import { describe, expect, it } from 'vitest';
import { CATALOG, exportName } from '../../connectors/shared/catalog.js';
import { actionReference } from '../../src/harness/script-reference.js';
import { runCli } from '../support/cli.js';

// `sync|action --help` list the package's scripts; `<name> --help` prints a script's fields from its
// zod schemas, its roles and an example; `action <name> --example` prints an input the schema accepts.

describe('script help from the zod schemas', () => {
    it('sync --help and action --help list the names', async () => {
        const syncs = await runCli(['sync', '--help']);
        expect(syncs.code).toBe(0);
        expect(syncs.stdout).toMatch(
            /The package's syncs: users, groups, .*audit-activities, user-schema-attributes, group-nesting, sign-on-policies, identity-providers, custom-roles\./,
        );
        const actions = await runCli(['action', '--help']);
        expect(actions.stdout).toMatch(
            /The package's actions: create-user, get-user, .*list-roles, get-user-schema, .*send-email-verification, create-subscription, .*delete-subscription, get-group, .*unlink-account, list-application-roles, .*remove-user-application-role, get-my-profile, .*set-my-mfa-enabled, get-my-mfa-device, .*revoke-my-session\./,
        );
    });

    it('action <name> --help prints its input fields, required first, its roles, errors and an example', async () => {
        const result = await runCli(['action', 'create-user', '--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^Usage: pingone-connector action create-user --connection <c> --input/);
        expect(result.stdout).toMatch(/Input fields:\n\s+field\s+type\s+required\s+description\n\s+-+.*\n\s+username\s+string\s+yes\n/);
        expect(result.stdout).toMatch(/password\.forceChange\s+boolean\s+Make the user choose a new password/);
        expect(result.stdout).toContain('Roles needed: Identity Data Admin or Environment Admin in this environment');
        expect(result.stdout).toMatch(/Errors \(the stable code of a failure\): user_exists, invalid_input/);
        expect(result.stdout).toContain(`--input '{"username":"ada.lovelace"}'`);
    });

    it('sync <name> --help prints its records, frequency, roles and how it finds changes and deletes', async () => {
        const result = await runCli(['sync', 'users', '--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/Records: User\n\s+field.*\n.*\n\s+id\s+string\s+yes\n/);
        expect(result.stdout).toContain('Runs: every 15m');
        expect(result.stdout).toMatch(/Changes and deletes: The first run reads every user/);
    });

    it('a name the package does not have is bad usage naming the ones it has', async () => {
        const result = await runCli(['action', 'create-usr', '--help']);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/no action "create-usr"[\s\S]*Its actions: create-user, get-user/);
    });

    it('action <name> --example prints an input its schema accepts, for every action', async () => {
        const printed = await runCli(['action', 'create-user', '--example']);
        expect(printed.code).toBe(0);
        expect(JSON.parse(printed.stdout)).toEqual({ username: 'ada.lovelace' });
        for (const entry of CATALOG.filter((candidate) => candidate.kind === 'actions')) {
            const module = (await import(`../../connectors/shared/actions/${entry.name}.ts`)) as Record<
                string,
                { input: { safeParse(value: unknown): { success: boolean } } }
            >;
            const { example } = await actionReference(entry);
            expect(module[exportName(entry.name)]?.input.safeParse(example).success, entry.name).toBe(true);
        }
    });
});
