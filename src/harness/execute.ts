import { ScriptError } from '../errors/index.js';
import { LocalNangoAction } from './local-nango-action.js';
import { LocalNangoSync } from './local-nango-sync.js';
import type { RunContext } from './run-context.js';
import type { RecordCounts } from './run-store.js';
import { scriptFailure } from './script-failure.js';
import type { ActionScript, OnEventScript, SyncScript } from './script-loader.js';
import { parseInput } from './parse-input.js';
import { validateAgainst } from './validate.js';

export interface ExecuteOptions {
    debug?: boolean;
}

export type SyncOutcome = { ok: true; counts: RecordCounts } | { ok: false; counts: RecordCounts; error: ReturnType<typeof scriptFailure> };

/**
 * Runs a sync script to its end. Whatever it saved is committed (a failed run keeps its pages,
 * as Nango does), but deletes inferred by trackDeletesEnd commit only with a later checkpoint or
 * the successful end, which a failed run does not reach.
 */
export async function executeSync(run: RunContext, script: SyncScript, options: ExecuteOptions = {}): Promise<SyncOutcome> {
    return runSyncScript(run, script, options, (nango) => script.exec(nango));
}

/** Runs a sync's `onWebhook` for one delivery, committing what it saves and deletes as a sync run does. */
export async function executeWebhook(run: RunContext, script: SyncScript, payload: unknown, options: ExecuteOptions = {}): Promise<SyncOutcome> {
    const onWebhook = script.onWebhook;
    if (onWebhook === undefined) {
        throw new ScriptError('invalid_script', `The ${run.scriptName} sync has no onWebhook: it does not take webhook deliveries.`);
    }
    return runSyncScript(run, script, options, (nango) => onWebhook(nango, payload));
}

async function runSyncScript(run: RunContext, script: SyncScript, options: ExecuteOptions, body: (nango: LocalNangoSync) => unknown): Promise<SyncOutcome> {
    const nango = LocalNangoSync.create(run, script, options);
    try {
        await body(nango);
        nango.finish();
        return { ok: true, counts: nango.counts };
    } catch (error) {
        const failure = scriptFailure(error, run.redactor, run.signal);
        try {
            nango.flush();
        } catch (flushError) {
            run.log({ level: 'error', message: `Could not commit the last saved records: ${scriptFailure(flushError, run.redactor).message}` });
        }
        return { ok: false, counts: nango.counts, error: failure };
    } finally {
        await nango.releaseAllLocks();
    }
}

export type ActionOutcome = { ok: true; output: unknown } | { ok: false; error: ReturnType<typeof scriptFailure> };

/**
 * Runs an action: the input is bounded and parsed by its zod schema before the script runs, and the
 * script receives the parsed value (never the raw input); the output is checked after.
 */
export async function executeAction(run: RunContext, script: ActionScript, input: unknown, options: ExecuteOptions = {}): Promise<ActionOutcome> {
    const nango = LocalNangoAction.create(run, 'action', { ...options, checkpoint: script.checkpoint });
    try {
        const output = await script.exec(nango, parseInput(script.input, input));
        validateAgainst(script.output, output, 'output');
        return { ok: true, output };
    } catch (error) {
        return { ok: false, error: scriptFailure(error, run.redactor, run.signal) };
    } finally {
        await nango.releaseAllLocks();
    }
}

/** Runs an on-event script (e.g. `validate-connection` when a connection is created). */
export async function executeOnEvent(run: RunContext, script: OnEventScript, options: ExecuteOptions = {}): Promise<ActionOutcome> {
    const nango = LocalNangoAction.create(run, 'on-event', options);
    try {
        await script.exec(nango);
        return { ok: true, output: undefined };
    } catch (error) {
        return { ok: false, error: scriptFailure(error, run.redactor, run.signal) };
    } finally {
        await nango.releaseAllLocks();
    }
}
