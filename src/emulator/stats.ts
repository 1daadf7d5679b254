/** Request statistics the emulator keeps for tests and benchmarks (read through `admin.stats()`). */
export interface EmulatorStats {
    requests: number;
    /** Calls to `/as/token`, whatever their outcome. */
    tokenRequests: number;
    status429: number;
    byStatus: Record<string, number>;
    /** Keyed by `METHOD /route/pattern`. */
    byRoute: Record<string, number>;
    faults: { errors: number; drops: number; malformed: number; emptyObjects: number; htmlPages: number; earlyExpiries: number; cutsAfterAct: number };
}

export function emptyStats(): EmulatorStats {
    return {
        requests: 0,
        tokenRequests: 0,
        status429: 0,
        byStatus: {},
        byRoute: {},
        faults: { errors: 0, drops: 0, malformed: 0, emptyObjects: 0, htmlPages: 0, earlyExpiries: 0, cutsAfterAct: 0 },
    };
}

export function countStatus(stats: EmulatorStats, status: number): void {
    stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    if (status === 429) stats.status429++;
}
