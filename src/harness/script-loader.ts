import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ZodType } from 'zod';
import { NotFoundError, ScriptError } from '../errors/index.js';
import type { LocalNangoAction } from './local-nango-action.js';
import type { LocalNangoSync } from './local-nango-sync.js';

export type ScriptKind = 'sync' | 'action' | 'on-event';

/** The parts of a `createSync` result the harness reads. */
export interface SyncScript {
    type: 'sync';
    description: string;
    models: Record<string, ZodType>;
    checkpoint?: ZodType | undefined;
    metadata?: ZodType | undefined;
    exec(nango: LocalNangoSync): unknown;
}

export interface ActionScript {
    type: 'action';
    description: string;
    input?: ZodType | undefined;
    output?: ZodType | undefined;
    checkpoint?: ZodType | undefined;
    metadata?: ZodType | undefined;
    exec(nango: LocalNangoAction, input: unknown): unknown;
}

export interface OnEventScript {
    type: 'onEvent';
    description: string;
    event: 'post-connection-creation' | 'pre-connection-deletion' | 'validate-connection';
    exec(nango: LocalNangoAction): unknown;
}

interface ScriptByKind {
    sync: SyncScript;
    action: ActionScript;
    'on-event': OnEventScript;
}

const folders: Record<ScriptKind, string> = { sync: 'syncs', action: 'actions', 'on-event': 'on-events' };
const exportTypes: Record<ScriptKind, string> = { sync: 'sync', action: 'action', 'on-event': 'onEvent' };
const scriptName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Where the scripts live: `<root>/<integration>/{syncs,actions,on-events}/<name>.ts`, as in a Nango project. */
export function scriptPath(root: string, integration: string, kind: ScriptKind, name: string): string {
    return path.join(root, integration, folders[kind], `${name}.ts`);
}

/** The names of an integration's scripts of one kind, sorted. */
export function listScripts(root: string, integration: string, kind: ScriptKind): string[] {
    const folder = path.join(root, integration, folders[kind]);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
        .map((file) => file.slice(0, -3))
        .sort();
}

/**
 * Imports a script by name. The process runs under tsx (bin/ registers it; vitest has its own
 * loader), so the TypeScript source imports as it is, the same file `nango compile` would bundle.
 */
export async function loadScript<K extends ScriptKind>(root: string, integration: string, kind: K, name: string): Promise<ScriptByKind[K]> {
    if (!scriptName.test(name) || !scriptName.test(integration)) {
        throw new NotFoundError(kind, name, `"${name}" is not a ${kind} name: use letters, digits, "-" and "_".`);
    }
    const file = scriptPath(root, integration, kind, name);
    if (!existsSync(file)) {
        const known = listScripts(root, integration, kind);
        throw new NotFoundError(kind, name, `No ${kind} "${name}" for ${integration}: ${file} does not exist.`, {
            hint: known.length > 0 ? `Known ${folders[kind]}: ${known.join(', ')}.` : `${integration} has no ${folders[kind]} yet.`,
        });
    }
    let module: { default?: unknown };
    try {
        module = (await import(pathToFileURL(file).href)) as { default?: unknown };
    } catch (error) {
        throw new ScriptError('invalid_script', `${file} failed to load: ${error instanceof Error ? error.message : String(error)}`, {
            hint: 'Fix the script (`npx tsc --noEmit` names the line of a type or syntax error), or install the package it imports.',
            cause: error,
        });
    }
    const script = module.default;
    if (!isScript(script, exportTypes[kind])) {
        throw new ScriptError(
            'invalid_script',
            `${file} must \`export default\` the result of create${kind === 'on-event' ? 'OnEvent' : kind === 'sync' ? 'Sync' : 'Action'}(...) from 'nango'.`,
        );
    }
    return script as ScriptByKind[K];
}

function isScript(value: unknown, type: string): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const candidate = value as { type?: unknown; exec?: unknown };
    return candidate.type === type && typeof candidate.exec === 'function';
}
