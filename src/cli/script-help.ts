import { UsageError } from '../errors/index.js';
import {
    actionReference,
    catalogEntry,
    catalogNames,
    syncReference,
    type ActionReference,
    type FieldRow,
    type SyncReference,
} from '../harness/script-reference.js';
import { formatTable } from './table.js';

// `sync|action --help` lists the package's scripts; `sync|action <name> --help` prints one script's
// fields from its zod schemas, the roles it needs and an example; `action <name> --example` prints a
// valid input. Only the package's own scripts are described (not those of PINGONE_CONNECTOR_SCRIPTS).

type Kind = 'syncs' | 'actions';

function fieldTable(rows: readonly FieldRow[]): string {
    if (rows.length === 0) return '  (none)\n';
    const table = formatTable(
        ['field', 'type', 'required', 'description'],
        rows.map((row) => [row.path, row.type, row.required ? 'yes' : '', row.description]),
    );
    return `${table.trimEnd().replace(/^/gm, '  ')}\n`;
}

function common(reference: SyncReference | ActionReference): string {
    return `${reference.description}\n\nIntegrations: ${reference.integrations.join(', ')}\nRoles needed: ${reference.roles.join('; and ')}\n`;
}

function syncHelp(reference: SyncReference, generic: string): string {
    const models = reference.models.map((model) => `Records: ${model.name}\n${fieldTable(model.fields)}`).join('\n');
    return `Usage: pingone-connector sync ${reference.name} --connection <c> [--full] [--json] [--db <file>]

${common(reference)}Runs: ${reference.frequency} on a platform; here, whenever you run it.
Changes and deletes: ${reference.changes}

${models}${reference.metadata.length > 0 ? `\nConnection metadata it reads (optional; set with \`connections metadata <c> --set <json>\`):\n${fieldTable(reference.metadata)}` : ''}
Example:
  npx pingone-connector sync ${reference.name} --connection <c>

${generic.slice(generic.indexOf('Flags:'))}`;
}

function actionHelp(reference: ActionReference, generic: string): string {
    return `Usage: pingone-connector action ${reference.name} --connection <c> --input <json|@file> [--json] [--db <file>]

${common(reference)}
Input fields:
${fieldTable(reference.input)}
Output fields:
${fieldTable(reference.output)}
Errors (the stable code of a failure): ${reference.errors.join(', ')}

Example:
  npx pingone-connector action ${reference.name} --connection <c> --input '${JSON.stringify(reference.example)}'
  (\`action ${reference.name} --example\` prints that input alone)

${generic.slice(generic.indexOf('Flags:'))}`;
}

function unknownScript(kind: Kind, name: string): UsageError {
    const singular = kind === 'syncs' ? 'sync' : 'action';
    return new UsageError(`The package has no ${singular} "${name}".`, { hint: `Its ${kind}: ${catalogNames(kind).join(', ')}.` });
}

/** `--help` of `sync` or `action`: the named script's own help, or the generic help followed by the package's scripts. */
export async function scriptHelp(kind: Kind, name: string | undefined, generic: string): Promise<string> {
    if (name === undefined)
        return `${generic.trimEnd()}\n\nThe package's ${kind}: ${catalogNames(kind).join(', ')}.\nRun \`npx pingone-connector ${kind === 'syncs' ? 'sync' : 'action'} <name> --help\` for one's fields, roles and an example.\n`;
    const entry = catalogEntry(kind, name);
    if (entry === undefined) throw unknownScript(kind, name);
    return kind === 'syncs' ? syncHelp(await syncReference(entry), generic) : actionHelp(await actionReference(entry), generic);
}

/** `action <name> --example`: an input the action's schema accepts, as JSON. */
export async function actionExample(name: string): Promise<string> {
    const entry = catalogEntry('actions', name);
    if (entry === undefined) throw unknownScript('actions', name);
    return `${JSON.stringify((await actionReference(entry)).example, null, 2)}\n`;
}
