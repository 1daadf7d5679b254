// The messages between a bench and its emulator child (bench/emulator-child.ts).
import type { EmulatorStats, RateLimitSettings } from '../src/emulator/index.js';

export interface EmulatorReady {
    type: 'ready';
    url: string;
    environmentId: string;
    tld: string;
    worker: { clientId: string; clientSecret: string };
}

export type AdminCall = { id: number } & (
    | { method: 'setRateLimit'; args: [RateLimitSettings | undefined] }
    | { method: 'setTokenLifetime'; args: [number] }
    | { method: 'stats'; args: [] }
    | { method: 'resetStats'; args: [] }
    | { method: 'userCount'; args: [] }
    | { method: 'populationCount'; args: [] }
    | { method: 'cpuUsage'; args: [] }
);

export type AdminReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface AdminResults {
    setRateLimit: void;
    setTokenLifetime: void;
    stats: EmulatorStats;
    resetStats: void;
    userCount: { users: number };
    populationCount: { populations: number };
    /** The child's `process.cpuUsage()`, in microseconds. */
    cpuUsage: NodeJS.CpuUsage;
}
