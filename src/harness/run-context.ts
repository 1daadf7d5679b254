import type { ConnectionView, ProxyTarget } from '../connections/run-target.js';
import type { Redactor } from './redactor.js';
import type { SyncRunStore } from './run-store.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** One line a script logged, already redacted. */
export interface RunLogLine {
    level: LogLevel;
    message: string;
}

/** What happens during a run that a caller may show: pages fetched, records saved. */
export type RunProgress = { kind: 'request'; requests: number } | { kind: 'records'; model: string; saved: number };

/** Connection metadata as the store keeps it. */
export interface MetadataAccess {
    get(): Record<string, unknown> | null;
    set(metadata: Record<string, unknown>): void;
    /** Merges the top-level fields into the stored metadata in one transaction, so that a concurrent writer's fields stay. */
    update(metadata: Record<string, unknown>): Record<string, unknown>;
}

/** Everything one script run touches; built by the harness, shared by the Nango classes. */
export interface RunContext {
    scriptName: string;
    connection: ConnectionView;
    proxy: ProxyTarget;
    store: SyncRunStore;
    metadata: MetadataAccess;
    redactor: Redactor;
    signal: AbortSignal;
    log(line: RunLogLine): void;
    progress(event: RunProgress): void;
}
