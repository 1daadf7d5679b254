// A PingOne emulator in its own process, so that its CPU and memory are not the measured process's.
// The parent passes the options as JSON in argv[2] and drives `admin` over the IPC channel.
import { startEmulator, type EmulatorOptions } from '../src/emulator/index.js';
import type { AdminCall, AdminReply, EmulatorReady } from './emulator-protocol.js';

const options = JSON.parse(process.argv[2] ?? '{}') as EmulatorOptions;
const emulator = await startEmulator(options);
const { admin } = emulator;

function perform(call: AdminCall): unknown {
    switch (call.method) {
        case 'setRateLimit':
            return admin.setRateLimit(call.args[0]);
        case 'setTokenLifetime':
            return admin.setTokenLifetime(call.args[0]);
        case 'stats':
            return admin.stats();
        case 'resetStats':
            return admin.resetStats();
        case 'userCount':
            return { users: admin.users.count() };
        case 'populationCount':
            return { populations: admin.directory().populations.length };
        case 'cpuUsage':
            return process.cpuUsage();
    }
}

process.on('message', (call: AdminCall) => {
    let reply: AdminReply;
    try {
        reply = { id: call.id, ok: true, result: perform(call) };
    } catch (error) {
        reply = { id: call.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(reply);
});
process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));

const ready: EmulatorReady = {
    type: 'ready',
    url: emulator.url,
    environmentId: emulator.environmentId,
    tld: emulator.tld,
    worker: emulator.worker,
};
process.send?.(ready);
