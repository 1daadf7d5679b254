import type { ConnectorError, InputProblem } from '../errors/index.js';
import type { RecordCounts } from './run-store.js';

/** What a run reports: the CLI prints it, `--json` prints it as it is, the store logs it. */
export interface RunReport {
    runId: number;
    connection: string;
    script: string;
    kind: 'sync' | 'action' | 'on-event';
    status: 'success' | 'failed';
    counts: RecordCounts;
    /** API requests the run made, retries included, token requests not. */
    requests: number;
    retries: number;
    durationMs: number;
    /** The part of `durationMs` spent in the local store (serialising, hashing and SQLite), on the script's thread. */
    storeMs: number;
    /** An action's output (validated against its zod schema). */
    output?: unknown;
    error?: {
        code: string;
        message: string;
        hint?: string | undefined;
        reason?: string | undefined;
        model?: string | undefined;
        path?: string | undefined;
        payload?: unknown;
        /** Every problem of an input the action refused (`invalid_input`), each with its path. */
        problems?: readonly InputProblem[] | undefined;
    };
}

export function describeFailure(error: ConnectorError): NonNullable<RunReport['error']> {
    const extra = error as ConnectorError & { reason?: string; model?: string; path?: string; payload?: unknown; problems?: readonly InputProblem[] };
    return {
        code: error.code,
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        ...(extra.reason === undefined ? {} : { reason: extra.reason }),
        ...(extra.model === undefined ? {} : { model: extra.model, path: extra.path }),
        ...(extra.payload === undefined ? {} : { payload: extra.payload }),
        ...(extra.problems === undefined ? {} : { problems: extra.problems }),
    };
}
