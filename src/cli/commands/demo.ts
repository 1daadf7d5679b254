import type { Harness, RunReport } from '../../harness/index.js';
import type { Command, CommandContext } from '../command.js';
import { parseFlags } from '../flags.js';
import { harnessFlags, harnessFlagsHelp, printJson, withHarness } from '../open-harness.js';
import { progressReporter } from '../progress.js';
import { scriptLogPrinter } from '../run-output.js';
import { count, formatDuration, formatTable } from '../table.js';

export const help = `Usage: pingone-connector demo [--json] [--db <file>]

What \`npm start\` runs. Starts the PingOne emulator in this process, creates the connection
"demo" (pingone-cc, the emulator's Worker app), runs every sync and one example action against
it, and prints a summary: records per model, requests and time per sync, and where the database
is. Nothing leaves this machine. Afterwards try:

  npx pingone-connector records User --connection demo --limit 5

The emulator stops with the demo, so "demo" cannot sync again: to keep an emulator running, start
\`npx pingone-connector emulator --port 8787\` in another terminal and \`connect\` to it (the README's
five-minute walkthrough).

Flags:
${harnessFlagsHelp}

Exit codes: 0 every run succeeded, 1 one failed.
`;

const connectionName = 'demo';
const integration = 'pingone-cc';

const command: Command = {
    name: 'demo',
    help,
    async run(args, context) {
        const { values } = parseFlags('demo', args, harnessFlags);
        const json = values.json ?? false;
        const { startEmulator } = await import('../../emulator/index.js');
        const emulator = await startEmulator({});
        const progress: ProgressSlot = {};
        try {
            return await withHarness(
                context,
                values.db,
                async (harness) => {
                    await harness.connections.remove(connectionName);
                    await harness.connections.create({
                        name: connectionName,
                        provider: integration,
                        config: { environmentId: emulator.environmentId, tld: emulator.tld },
                        secrets: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
                        // The emulator's seeded Worker app uses Client Secret Post, the connector's default.
                        authMethod: 'client_secret_post',
                        emulatorUrl: emulator.url,
                    });
                    const reports = await runEverything(context, harness, json, progress);
                    const summary = summarize(harness, reports);
                    if (json) printJson(context, { database: harness.dbPath, emulator: emulator.url, ...summary });
                    else printSummary(context, harness.dbPath, summary);
                    return reports.every((report) => report.status === 'success') ? 0 : 1;
                },
                { onLog: scriptLogPrinter(context), onProgress: (event) => progress.current?.onProgress(event) },
            );
        } finally {
            await emulator.close();
        }
    },
};

/** The progress line of the sync running now: the harness reports progress for one run at a time. */
type ProgressSlot = { current?: ReturnType<typeof progressReporter> | undefined };

async function runEverything(context: CommandContext, harness: Harness, json: boolean, progress: ProgressSlot): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    const { sync: syncs } = harness.scripts(connectionName);
    for (const sync of syncs) {
        if (!json && context.isTTY) context.stderr.write(`sync ${sync}...\n`);
        progress.current = json ? undefined : progressReporter(context, `sync ${sync}`);
        reports.push(await harness.runSync(connectionName, sync, { full: true, signal: context.signal }));
        progress.current?.done();
    }
    progress.current = undefined;
    const [user] = harness.records(connectionName, 'User', { limit: 1 }).records;
    const example = user === undefined ? { name: 'list-roles', input: {} } : { name: 'get-user', input: { id: String(user.id) } };
    if (harness.scripts(connectionName).action.includes(example.name)) {
        reports.push(await harness.runAction(connectionName, example.name, example.input, { signal: context.signal }));
    }
    return reports;
}

function summarize(harness: Harness, reports: RunReport[]) {
    return {
        runs: reports.map((r) => ({
            kind: r.kind,
            script: r.script,
            status: r.status,
            ...r.counts,
            requests: r.requests,
            retries: r.retries,
            durationMs: r.durationMs,
            storeMs: r.storeMs,
            error: r.error,
        })),
        models: harness.store.records.summary(connectionName),
        requests: reports.reduce((sum, r) => sum + r.requests, 0),
        durationMs: reports.reduce((sum, r) => sum + r.durationMs, 0),
    };
}

function printSummary(context: CommandContext, database: string, summary: ReturnType<typeof summarize>): void {
    const runRows = summary.runs.map((r) => [
        `${r.kind} ${r.script}`,
        r.status,
        r.added,
        r.updated,
        r.deleted,
        r.requests,
        formatDuration(r.durationMs),
        formatDuration(r.storeMs),
    ]);
    context.stdout.write(`\nRuns on connection "${connectionName}" (PingOne emulator):\n\n`);
    context.stdout.write(formatTable(['run', 'status', 'added', 'updated', 'deleted', 'requests', 'time', 'in the store'], runRows));
    context.stdout.write('\nRecords per model:\n\n');
    context.stdout.write(
        formatTable(
            ['model', 'records', 'deleted'],
            summary.models.map((m) => [m.model, m.total - m.deleted, m.deleted]),
        ),
    );
    context.stdout.write(`\n${count(summary.requests, 'request')} in ${formatDuration(summary.durationMs)}.\nDatabase: ${database}\n`);
    for (const r of summary.runs.filter((run) => run.error)) context.stderr.write(`${r.kind} ${r.script} failed: ${r.error?.message}\n`);
    context.stderr.write(
        `Try: npx pingone-connector records User --connection ${connectionName} --limit 5\n` +
            `The demo's emulator stopped with the demo, so "${connectionName}" cannot sync or call PingOne again. To keep one running, ` +
            "start it in another terminal (npx pingone-connector emulator --port 8787) and connect to it: the README's five-minute walkthrough.\n",
    );
}

export default command;
