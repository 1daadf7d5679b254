import type { Command } from '../command.js';

/**
 * The command table, and the one place each command's summary line lives. Each command is loaded
 * only when it runs, so that `--help` and a quick command do not pay for the emulator, SQLite or
 * the browser.
 */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
    emulator: {
        summary: 'run the local PingOne emulator (auth server + management API) until stopped',
        load: async () => (await import('./emulator.js')).default,
    },
    demo: {
        summary: 'start the emulator, connect, run every sync and an action, print a summary (npm start)',
        load: async () => (await import('./demo.js')).default,
    },
    connect: {
        summary: 'create a connection (client credentials, authorization code, --from-nango, --ui)',
        load: async () => (await import('./connect.js')).default,
    },
    connections: { summary: 'list, test or remove saved connections', load: async () => (await import('./connections.js')).default },
    request: { summary: 'make one authenticated API call through a connection', load: async () => (await import('./request.js')).default },
    sync: { summary: 'run a sync script against a connection and keep its records', load: async () => (await import('./sync.js')).default },
    action: { summary: 'run an action script against a connection and print its output', load: async () => (await import('./action.js')).default },
    records: { summary: "list a model's stored records (table, json, ndjson or csv)", load: async () => (await import('./records.js')).default },
    runs: { summary: 'the history of runs: script, start, duration, counts, status and error', load: async () => (await import('./runs.js')).default },
    providers: {
        summary: 'list the providers and their resolved URLs for a sample or given connection',
        load: async () => (await import('./providers.js')).default,
    },
    listen: {
        summary: "receive PingOne's webhook deliveries locally and store a sync's records as they arrive",
        load: async () => (await import('./listen.js')).default,
    },
};
