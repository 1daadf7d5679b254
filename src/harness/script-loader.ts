import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ZodType } from 'zod';
import { NotFoundError, ScriptError } from '../errors/index.js';
import { importScript } from './import-script.js';

export type ScriptKind = 'sync' | 'action' | 'on-event';

/**
 * What a loaded script's `exec` is given: the harness's LocalNangoSync or LocalNangoAction. Named
 * loosely on purpose: those classes are internal, and Nango's own types would make every consumer of
 * these declarations need @types/json-schema (@nangohq/types imports it); a loaded module is only
 * cast to these shapes anyway.
 */
export type ScriptNango = object;

/** The parts of a `createSync` result the harness reads. */
export interface SyncScript {
    type: 'sync';
    description: string;
    models: Record<string, ZodType>;
    checkpoint?: ZodType | undefined;
    metadata?: ZodType | undefined;
    exec(nango: ScriptNango): unknown;
    /** The audit action types the sync's `onWebhook` takes (Nango's `webhookSubscriptions`). */
    webhookSubscriptions?: string[] | undefined;
    onWebhook?: ((nango: ScriptNango, payload: unknown) => unknown) | undefined;
}

export interface ActionScript {
    type: 'action';
    description: string;
    input?: ZodType | undefined;
    output?: ZodType | undefined;
    checkpoint?: ZodType | undefined;
    metadata?: ZodType | undefined;
    exec(nango: ScriptNango, input: unknown): unknown;
}

export interface OnEventScript {
    type: 'onEvent';
    description: string;
    event: 'post-connection-creation' | 'pre-connection-deletion' | 'validate-connection';
    exec(nango: ScriptNango): unknown;
}

interface ScriptByKind {
    sync: SyncScript;
    action: ActionScript;
    'on-event': OnEventScript;
}

const folders: Record<ScriptKind, string> = { sync: 'syncs', action: 'actions', 'on-event': 'on-events' };
const exportTypes: Record<ScriptKind, string> = { sync: 'sync', action: 'action', 'on-event': 'onEvent' };
const scriptName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Where a script lives: `<root>/<integration>/{syncs,actions,on-events}/<name>.ts`, as in a Nango
 * project, or `<name>.js` where the scripts are built (the package's own, in dist/).
 */
export function scriptPath(root: string, integration: string, kind: ScriptKind, name: string): string {
    const base = path.join(root, integration, folders[kind], name);
    return existsSync(`${base}.js`) && !existsSync(`${base}.ts`) ? `${base}.js` : `${base}.ts`;
}

/** The names of an integration's scripts of one kind, sorted. */
export function listScripts(root: string, integration: string, kind: ScriptKind): string[] {
    const folder = path.join(root, integration, folders[kind]);
    if (!existsSync(folder)) return [];
    const names = readdirSync(folder)
        .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts') && !file.endsWith('.test.ts'))
        .map((file) => file.slice(0, -3));
    return [...new Set(names)].sort();
}

/**
 * Imports a script by name: built JavaScript as it is; TypeScript as it is where the process can
 * load it (vitest, tsx), else compiled in memory by esbuild (`importTypeScript`), so the same file
 * `nango compile` would bundle runs from the installed package too.
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
        module = (await importScript(file)) as { default?: unknown };
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
