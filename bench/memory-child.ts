// One full `users` sync in a process of its own, which then reports its peak RSS to the parent.
// The emulator runs in another child, so only the harness side is counted.
import { benchConnection, openBenchHarness, type BenchEmulator } from './bench-harness.js';
import type { MemoryChildReport } from './memory-protocol.js';

// The emulator's address and Worker credentials come over IPC, not argv, where `ps` would show the secret.
const emulator = await new Promise<BenchEmulator>((resolve) => process.once('message', (message) => resolve(message as BenchEmulator)));
const bench = await openBenchHarness(emulator, 'memory');
const started = performance.now();
let report: MemoryChildReport;
try {
    const run = await bench.harness.runSync(benchConnection, 'users', { full: true });
    report = {
        type: 'memory',
        status: run.status,
        ...(run.error ? { error: run.error.message } : {}),
        records: run.counts.added,
        requests: run.requests,
        seconds: (performance.now() - started) / 1000,
        // resourceUsage().maxRSS is in kilobytes: the high-water mark of the whole process's resident memory.
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
    };
} finally {
    await bench.close();
}
process.send?.(report);
process.disconnect?.();
