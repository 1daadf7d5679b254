import { setMaxListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { openConnectionRuntime, type ConnectionRuntime } from '../connections/runtime.js';
import { createConnectionsApi, type ConnectionsApi } from '../connections/connections-api.js';
import { NotFoundError, type ConnectorError } from '../errors/index.js';
import { openStore, resolveStorePath, type RecordPage, type Store } from '../store/index.js';
import { proxyRequest, type ProxyRequest, type ProxyResponse } from './proxy.js';
import { Redactor } from './redactor.js';
import type { RunContext, RunLogLine, RunProgress } from './run-context.js';
import { describeFailure, type RunReport } from './run-report.js';
import type { RecordCounts } from './run-store.js';
import { rolesNeededByScripts } from './script-roles.js';
import { listScripts, loadScript, type OnEventScript, type ScriptKind } from './script-loader.js';
import { storeForRun } from './store-adapter.js';

// Running a script needs Nango's runner-sdk, which alone takes about half a `request`'s start-up:
// only the run* methods load it, so `request`, `connections` and `records` never pay for it.
const loadExecute = () => import('./execute.js');

export type { RunReport } from './run-report.js';
export type { RunLogLine, RunProgress } from './run-context.js';

/** The package's own scripts: `connectors/<integration>/{syncs,actions,on-events}/<name>.ts`. */
export const defaultScriptsRoot = fileURLToPath(new URL('../../connectors/', import.meta.url));

export interface HarnessOptions {
    /** The database file; default per `resolveStorePath` (`--db`, `PINGONE_CONNECTOR_DB`, `.pingone/pingone.db`). */
    dbPath?: string;
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    /** Where scripts are looked up; tests point it at their fixtures. */
    scriptsRoot?: string;
    /** Script log lines, already redacted. */
    onLog?: (line: RunLogLine & { script: string }) => void;
    onProgress?: (event: RunProgress & { script: string }) => void;
    /** Warnings for people, e.g. a secrets file that is not encrypted although the key is set; default: `process.emitWarning`. */
    onWarning?: (message: string) => void;
    debug?: boolean;
}

export interface RunOptions {
    signal?: AbortSignal;
}

export interface Harness {
    readonly dbPath: string;
    readonly store: Store;
    readonly connections: ConnectionsApi;
    runSync(connection: string, sync: string, options?: RunOptions & { full?: boolean }): Promise<RunReport>;
    /**
     * Runs a sync's `onWebhook` for one delivery (`payload`: the body PingOne POSTed). Its run is logged as
     * `<sync>:webhook`, apart from the sync's own runs, so that a delivery never waits for a poll.
     */
    runWebhook(connection: string, sync: string, payload: unknown, options?: RunOptions): Promise<RunReport>;
    /** The audit action types a sync's onWebhook takes (its `webhookSubscriptions`); refuses a sync without onWebhook. */
    webhookTypes(connection: string, sync: string): Promise<string[]>;
    runAction(connection: string, action: string, input: unknown, options?: RunOptions): Promise<RunReport>;
    /** Runs the integration's on-event scripts for an event (Nango runs `validate-connection` when a connection is created). */
    runOnEvent(connection: string, event: OnEventScript['event'], options?: RunOptions): Promise<RunReport[]>;
    records(connection: string, model: string, options?: { limit?: number; cursor?: string | undefined }): RecordPage;
    /** One authenticated call through a connection, like Nango's proxy (`npx pingone-connector request`). */
    request(connection: string, config: ProxyRequest, options?: RunOptions): Promise<ProxyResponse>;
    /** The scripts available to a connection, by kind. */
    scripts(connection: string): Record<ScriptKind, string[]>;
    close(): Promise<void>;
}

type RuntimeStats = ReturnType<ConnectionRuntime['stats']>;

/** The requests and retries a run has made since `before`: what its report and its row give. */
function trafficSince(runtime: ConnectionRuntime, before: RuntimeStats): RuntimeStats {
    const now = runtime.stats();
    return { requests: now.requests - before.requests, retries: now.retries - before.retries };
}

/** A script's outcome as the status, counts and error of its run report; actions and on-event scripts save no records. */
function reported(
    outcome: { ok: true } | { ok: false; error: ConnectorError },
    counts: RecordCounts = { added: 0, updated: 0, deleted: 0 },
): Pick<RunReport, 'status' | 'counts' | 'error'> {
    return outcome.ok ? { status: 'success', counts } : { status: 'failed', counts, error: describeFailure(outcome.error) };
}

/**
 * Opens the local harness: the SQLite store, the connections in it, and a runtime that runs
 * Nango scripts against a connection's PingOne (or emulator) through its own dispatcher and
 * token source. One harness per process; `close()` releases the database and the sockets.
 */
export function openHarness(options: HarnessOptions = {}): Harness {
    const env = options.env ?? process.env;
    const cwd = options.cwd ?? process.cwd();
    const dbPath = options.dbPath ?? resolveStorePath({ env, cwd });
    const store = openStore({ path: dbPath, secretsKey: env['PINGONE_CONNECTOR_KEY'], onWarning: options.onWarning });
    const scriptsRoot = options.scriptsRoot ?? defaultScriptsRoot;
    // Promises, so that concurrent first calls on a connection share one runtime (one dispatcher, one token source).
    const runtimes = new Map<string, Promise<ConnectionRuntime>>();
    const connections = createConnectionsApi(store, {
        runtimeOf: (name) => runtimeOf(name),
        forget: (name) => forget(name),
        // Only the package's own scripts declare their roles; scripts from elsewhere are not checked.
        rolesNeeded: async (integration) => (scriptsRoot === defaultScriptsRoot ? rolesNeededByScripts(integration) : {}),
    });

    function runtimeOf(name: string): Promise<ConnectionRuntime> {
        let pending = runtimes.get(name);
        if (pending === undefined) {
            const opening = openRuntime(name);
            pending = opening;
            runtimes.set(name, opening);
            opening.catch(() => {
                if (runtimes.get(name) === opening) runtimes.delete(name);
            });
        }
        return pending;
    }

    async function openRuntime(name: string): Promise<ConnectionRuntime> {
        const connection = store.connections.get(name);
        if (connection === undefined) {
            throw new NotFoundError('connection', name, `There is no connection named "${name}" in ${dbPath}.`, {
                hint: 'Run `npx pingone-connector connections list`, or create it with `npx pingone-connector connect`.',
            });
        }
        const runtime = await openConnectionRuntime(store, connection, { env });
        // An earlier command's runs found the tenant's limit: start there rather than find it again.
        const saved = store.foundRates.get(name);
        if (saved !== undefined) runtime.resumeRate(saved);
        return runtime;
    }

    async function forget(name: string): Promise<void> {
        const pending = runtimes.get(name);
        runtimes.delete(name);
        const runtime = await pending?.catch(() => undefined);
        await runtime?.close();
    }

    function contextFor(runtime: ConnectionRuntime, script: string, runId: number, full: boolean, signal: AbortSignal, before: RuntimeStats): RunContext {
        const redactor = new Redactor(() => runtime.secrets());
        return {
            scriptName: script,
            connection: runtime.view,
            proxy: { ...runtime.proxy, signal },
            store: storeForRun(store, { connection: runtime.view.name, script, runId, full, traffic: () => trafficSince(runtime, before) }),
            metadata: {
                get: () => store.metadata.get(runtime.view.name),
                set: (metadata) => store.metadata.set(runtime.view.name, metadata),
                update: (metadata) => store.metadata.update(runtime.view.name, metadata),
            },
            redactor,
            signal,
            log: (line) => options.onLog?.({ ...line, script }),
            progress: (event) => options.onProgress?.({ ...event, script }),
        };
    }

    async function run(
        kind: RunReport['kind'],
        connection: string,
        script: string,
        signal: AbortSignal | undefined,
        body: (context: RunContext) => Promise<Omit<RunReport, 'runId' | 'connection' | 'script' | 'kind' | 'requests' | 'retries' | 'durationMs' | 'storeMs'>>,
        full = false,
    ): Promise<RunReport> {
        const runtime = await runtimeOf(connection);
        // The licence's rate, when the connection's metadata gives it, is where the budget runs: no slow start below it.
        const pace = store.metadata.get(connection)?.['maxRequestsPerSecond'];
        const licence = typeof pace === 'number' && pace >= 1 ? pace : undefined;
        runtime.limitRate(licence);
        const started = performance.now();
        const before = runtime.stats();
        // A sync refused because it is running already must not clear that run's checkpoint first.
        const runId = store.transaction(() => {
            const id = store.runs.start(connection, script, kind);
            if (full) store.checkpoints.clear(connection, script);
            return id;
        });
        // Aborted when the run ends, however it ends: a request still waiting for the rate budget (a fan-out worker's,
        // past its own pacing) is dropped, never sent after the run has failed.
        const ended = new AbortController();
        const runSignal = signal === undefined ? ended.signal : AbortSignal.any([signal, ended.signal]);
        // Every request in flight listens to the run's signal: a partitioned scan has a request and its look-ahead per
        // population in flight, past Node's default of 10 listeners (which would print a leak warning).
        setMaxListeners(256, runSignal);
        const context = contextFor(runtime, script, runId, full, runSignal, before);
        // A resumed run must not look like a fresh one: say so once, before the script's own lines.
        if (kind === 'sync' && !full && store.checkpoints.get(connection, script) !== null) {
            context.log({ level: 'info', message: `${script}: carrying on from the checkpoint an earlier run saved (a full run starts over).` });
        }
        let outcome: Awaited<ReturnType<typeof body>>;
        try {
            outcome = await body(context);
        } catch (error) {
            store.runs.finish(runId, { status: 'failed', error: error instanceof Error ? context.redactor.redact(error.message) : 'failed' });
            throw error;
        } finally {
            ended.abort(new Error('The run has ended.'));
            // However the run ends, what its 429s taught the budget is there for the next command's runs.
            if (licence === undefined) store.foundRates.save(connection, runtime.foundRate());
        }
        const report: RunReport = {
            runId,
            connection,
            script,
            kind,
            ...outcome,
            ...trafficSince(runtime, before),
            durationMs: Math.round(performance.now() - started),
            storeMs: Math.round(context.store.busyMs),
        };
        store.runs.finish(runId, {
            status: report.status,
            ...report.counts,
            requests: report.requests,
            retries: report.retries,
            error: report.error?.message,
        });
        return report;
    }

    return {
        dbPath,
        store,
        connections,
        async runSync(connection, sync, runOptions = {}) {
            const integration = (await runtimeOf(connection)).view.integration;
            const script = await loadScript(scriptsRoot, integration, 'sync', sync);
            const { executeSync } = await loadExecute();
            return run(
                'sync',
                connection,
                sync,
                runOptions.signal,
                async (context) => {
                    const outcome = await executeSync(context, script, { debug: options.debug ?? false });
                    return reported(outcome, outcome.counts);
                },
                runOptions.full ?? false,
            );
        },
        async runWebhook(connection, sync, payload, runOptions = {}) {
            const integration = (await runtimeOf(connection)).view.integration;
            const script = await loadScript(scriptsRoot, integration, 'sync', sync);
            const { executeWebhook } = await loadExecute();
            return run('sync', connection, `${sync}:webhook`, runOptions.signal, async (context) => {
                const outcome = await executeWebhook(context, script, payload, { debug: options.debug ?? false });
                return reported(outcome, outcome.counts);
            });
        },
        async webhookTypes(connection, sync) {
            const integration = (await runtimeOf(connection)).view.integration;
            const script = await loadScript(scriptsRoot, integration, 'sync', sync);
            if (script.onWebhook === undefined) {
                throw new NotFoundError('sync', sync, `The ${sync} sync of ${integration} takes no webhook deliveries (it has no onWebhook).`, {
                    hint: 'Choose a sync whose reference (docs/scripts.md) says it takes pushed changes, e.g. users.',
                });
            }
            return script.webhookSubscriptions ?? [];
        },
        async runAction(connection, action, input, runOptions = {}) {
            const integration = (await runtimeOf(connection)).view.integration;
            const script = await loadScript(scriptsRoot, integration, 'action', action);
            const { executeAction } = await loadExecute();
            return run('action', connection, action, runOptions.signal, async (context) => {
                const outcome = await executeAction(context, script, input, { debug: options.debug ?? false });
                return outcome.ok ? { ...reported(outcome), output: outcome.output } : reported(outcome);
            });
        },
        async runOnEvent(connection, event, runOptions = {}) {
            const integration = (await runtimeOf(connection)).view.integration;
            const reports: RunReport[] = [];
            const { executeOnEvent } = await loadExecute();
            for (const name of listScripts(scriptsRoot, integration, 'on-event')) {
                const script = await loadScript(scriptsRoot, integration, 'on-event', name);
                if (script.event !== event) continue;
                reports.push(
                    await run('on-event', connection, name, runOptions.signal, async (context) => {
                        return reported(await executeOnEvent(context, script, { debug: options.debug ?? false }));
                    }),
                );
            }
            return reports;
        },
        records(connection, model, listOptions = {}) {
            return store.records.list(connection, model, { limit: listOptions.limit, cursor: listOptions.cursor });
        },
        async request(connection, config, runOptions = {}) {
            const runtime = await runtimeOf(connection);
            return proxyRequest({ ...runtime.proxy, signal: runOptions.signal }, config);
        },
        scripts(connection) {
            const connectionRow = store.connections.get(connection);
            const integration = connectionRow?.provider ?? connection;
            return {
                sync: listScripts(scriptsRoot, integration, 'sync'),
                action: listScripts(scriptsRoot, integration, 'action'),
                'on-event': listScripts(scriptsRoot, integration, 'on-event'),
            };
        },
        async close() {
            // Every runtime and the store close whichever of them fails; the first failure is reported after.
            const closed = await Promise.allSettled([...runtimes.keys()].map((name) => forget(name)));
            await store.closeFully();
            const failed = closed.find((result): result is PromiseRejectedResult => result.status === 'rejected');
            if (failed !== undefined) throw failed.reason;
        },
    };
}
