import { ActionError, SDKError } from '@nangohq/runner-sdk';
import { ConnectorError, ScriptError } from '../errors/index.js';
import type { Redactor } from './redactor.js';

/**
 * Turns whatever a script threw into a typed error with a redacted message: ours as they are,
 * Nango's ActionError with its payload, runner-sdk's abort/timeout errors, and anything else as
 * `script_internal_error` (Nango's own name for it).
 */
export function scriptFailure(error: unknown, redactor: Redactor, signal?: AbortSignal): ConnectorError {
    if (error instanceof ConnectorError) return error;
    if (signal?.aborted) {
        return new ScriptError('aborted', 'The run was stopped before it finished.', {
            hint: 'What it saved is kept, and no record was deleted for being missing from an unfinished scan; run it again to resume.',
        });
    }
    if (error instanceof ActionError) {
        const payload = error.payload ?? {};
        const said = typeof payload['message'] === 'string' ? payload['message'] : error.message;
        return new ScriptError('action_error', redactor.redact(said || 'The action reported an error.'), {
            payload: redactor.redactCopy(payload) as Record<string, unknown>,
            ...(typeof payload['hint'] === 'string' ? { hint: redactor.redact(payload['hint']) } : {}),
        });
    }
    if (error instanceof SDKError) {
        return new ScriptError(error.code === 'script_aborted' ? 'aborted' : error.code, redactor.redact(error.message || error.code));
    }
    const message = error instanceof Error ? error.message : String(error);
    return new ScriptError('script_internal_error', `The script threw: ${redactor.redact(message)}`, {
        hint: 'This is a bug in the script (or an API answer it did not expect); the run committed what it had saved, and deleted no record for being missing from an unfinished scan.',
    });
}
