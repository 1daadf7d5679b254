// Runs an on-event script through the harness's own pieces (runtime, loader, executeOnEvent).
// Test-only wiring: openHarness exposes runSync and runAction but no runOnEvent yet; when it does,
// this helper gives way to it.
import { createRuntime } from '../../src/connections/runtime.js';
import { defaultScriptsRoot, type Harness } from '../../src/harness/index.js';
import { executeOnEvent } from '../../src/harness/execute.js';
import { Redactor } from '../../src/harness/redactor.js';
import { loadScript } from '../../src/harness/script-loader.js';
import { storeForRun } from '../../src/harness/store-adapter.js';

export async function runOnEvent(harness: Harness, connection: string, name: string): ReturnType<typeof executeOnEvent> {
    const saved = harness.store.connections.get(connection);
    if (!saved) throw new Error(`No connection ${connection}.`);
    const runtime = createRuntime(saved, harness.store.secrets.get(connection) ?? {}, () => undefined, { env: {} });
    try {
        const script = await loadScript(defaultScriptsRoot, runtime.view.integration, 'on-event', name);
        const redactor = new Redactor();
        for (const secret of runtime.secrets()) redactor.add(secret);
        const runId = harness.store.runs.start(connection, name, 'action');
        const outcome = await executeOnEvent(
            {
                scriptName: name,
                connection: runtime.view,
                proxy: runtime.proxy,
                store: storeForRun(harness.store, { connection, script: name, runId, full: false }),
                metadata: { get: () => harness.store.metadata.get(connection), set: (metadata) => harness.store.metadata.set(connection, metadata) },
                redactor,
                signal: new AbortController().signal,
                log: () => undefined,
                progress: () => undefined,
            },
            script,
        );
        harness.store.runs.finish(runId, { status: outcome.ok ? 'success' : 'failed' });
        return outcome;
    } finally {
        await runtime.close();
    }
}
