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
    // A sync that throws is reported like one that failed, so that the parent can say why.
    const outcome = await bench.harness.runSync(benchConnection, 'users', { full: true }).then(
        (run) => ({ status: run.status, ...(run.error ? { error: run.error.message } : {}), records: run.counts.added, requests: run.requests }),
        (error: unknown) => ({ status: 'failed' as const, error: error instanceof Error ? error.message : String(error), records: 0, requests: 0 }),
    );
    report = {
        type: 'memory',
        ...outcome,
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
