import type { MissingRole } from '../../connections/diagnose.js';
import { UsageError } from '../../errors/index.js';
import type { Command } from '../command.js';
import { parseConnectionMetadata } from '../../harness/connection-metadata.js';
import { parseFlags } from '../flags.js';
import { readJsonFlag } from '../json-flag.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { formatTable } from '../table.js';
import type { SavedRate } from '../../store/index.js';

export const help = `Usage: pingone-connector connections <list|test|metadata|remove> [name] [--set <json|@file>] [--json] [--db <file>]

  list            the saved connections (never their secrets)
  test <name>     fetch a token, read the environment and check the roles the integration's syncs
                  and actions need; a failure is explained in plain words (wrong client ID or
                  secret, app disabled, wrong region, which role is missing for which script), and
                  the rate its runs start at when an earlier run found one from PingOne's 429s
  metadata <name> print the connection's metadata, the settings its syncs read; with
                  --set <json|@file>, replace it (checked: a key no sync reads is refused; each
                  sync's --help lists the fields it reads, e.g. populationIds, maxRequestsPerSecond)
  remove <name>   delete the connection, its records, checkpoints, runs and secrets

Flags:
  --set <json|@file>  metadata: the new metadata, a JSON object
${harnessFlagsHelp}

Exit codes: 0 success (test: the connection works), 1 the test failed, 2 bad usage or unknown name.
`;

const command: Command = {
    name: 'connections',
    help,
    async run(args, context) {
        const { values, positionals } = parseFlags('connections', args, { ...harnessFlags, set: { type: 'string' } });
        if (values.set !== undefined && positionals[0] !== 'metadata') {
            throw new UsageError('--set goes with `connections metadata <name>`.', { flag: '--set' });
        }
        const [sub, name, ...extra] = positionals;
        const json = values.json ?? false;
        if (sub === 'list' && name === undefined) {
            const connections = await withHarness(context, values.db, async (harness) => harness.connections.list());
            if (json) printJson(context, connections);
            else if (connections.length === 0) context.stdout.write('No connections yet: create one with `npx pingone-connector connect <name> ...`.\n');
            else {
                const rows = connections.map((c) => [
                    c.name,
                    c.provider,
                    c.config['environmentId'] ?? '',
                    c.config['tld'] ?? '',
                    c.emulatorUrl ?? '',
                    c.updatedAt,
                ]);
                context.stdout.write(formatTable(['name', 'provider', 'environment', 'tld', 'emulator', 'updated'], rows));
            }
            return 0;
        }
        if (sub === 'metadata' && name !== undefined && extra.length === 0) {
            return withHarness(context, values.db, async (harness) => {
                const connection = harness.connections.get(name);
                if (connection === undefined) throw unknownConnection(name);
                if (values.set !== undefined) {
                    const given = await readJsonFlag('--set', values.set, context.cwd, 'Give a JSON object, e.g. --set \'{"maxRequestsPerSecond": 20}\'.');
                    harness.store.metadata.set(name, await parseConnectionMetadata(connection.provider, given));
                }
                const metadata = harness.store.metadata.get(name) ?? {};
                if (json) printJson(context, metadata);
                else context.stdout.write(`${JSON.stringify(metadata, null, 2)}\n`);
                return 0;
            });
        }
        if ((sub === 'test' || sub === 'remove') && name !== undefined && extra.length === 0) {
            return withHarness(context, values.db, async (harness) => {
                if (harness.connections.get(name) === undefined) throw unknownConnection(name);
                if (sub === 'remove') {
                    await harness.connections.remove(name);
                    if (json) printJson(context, { removed: name });
                    else context.stdout.write(`Removed connection ${name} with its records, checkpoints, runs and secrets.\n`);
                    return 0;
                }
                const result = await harness.connections.test(name, { signal: context.signal });
                if (json) printJson(context, result);
                // A connection that works may still have calls it could not check (write roles of a signed-on admin): say so.
                else if (result.ok)
                    context.stdout.write(
                        `${name}: ${result.message}\n${result.hint ? `  note: ${result.hint}\n` : ''}${foundRateLine(harness.store.foundRates.get(name))}`,
                    );
                else
                    context.stderr.write(
                        `${name}: ${result.message}\n${missingRoleLines(result.missingRoles ?? [])}${result.hint ? `  hint: ${result.hint}\n` : ''}`,
                    );
                return result.ok ? 0 : 1;
            });
        }
        throw new UsageError('connections takes `list`, `test <name>`, `metadata <name>` or `remove <name>`.', {
            hint: 'Run `npx pingone-connector connections --help`.',
        });
    },
};

/** Why its syncs run at the pace they do: the rate an earlier run found from PingOne's 429s, which the next run starts from. */
function foundRateLine(found: SavedRate | undefined): string {
    if (found === undefined) return '';
    const rate = (perSecond: number) => `${Number(perSecond.toFixed(1))}/s`;
    return `  note: its runs start at ${rate(found.requestsPerSecond)}, the rate found from PingOne's 429s on ${found.foundAt} (the last 429 came at ${rate(found.limitAt)}); give your licence's rate in the metadata (maxRequestsPerSecond) to run just under it instead.\n`;
}

function unknownConnection(name: string): UsageError {
    return new UsageError(`There is no connection named "${name}".`, { hint: 'Run `npx pingone-connector connections list`.' });
}

/** `['sync users', 'sync groups', 'action create-user']` → `syncs users, groups and action create-user`. */
function scriptsPhrase(scripts: readonly string[]): string {
    const byKind = new Map<string, string[]>();
    for (const script of scripts) {
        const [kind = '', name = ''] = script.split(' ');
        byKind.set(kind, [...(byKind.get(kind) ?? []), name]);
    }
    return [...byKind].map(([kind, names]) => `${kind}${names.length > 1 ? 's' : ''} ${names.join(', ')}`).join(' and ');
}

/** One line per missing role: which role to grant, where, and for which scripts. */
function missingRoleLines(missing: readonly MissingRole[]): string {
    return missing
        .map((role) => {
            const grant = `${role.roles[0] ?? ''}${role.roles.length > 1 ? ` (or ${role.roles.slice(1).join(', ')})` : ''} at ${role.scope} scope`;
            return `  missing: ${grant}, to ${role.call}${role.neededBy?.length ? `; needed by ${scriptsPhrase(role.neededBy)}` : ''}\n`;
        })
        .join('');
}

export default command;
