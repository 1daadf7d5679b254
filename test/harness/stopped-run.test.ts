import { ExecutionAbortedSDKError } from '@nangohq/runner-sdk';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../../src/errors/index.js';
import { Redactor } from '../../src/harness/redactor.js';
import { scriptFailure } from '../../src/harness/script-failure.js';

// One interrupt, one wording: whether Ctrl-C caught the script inside a request (which rejects with
// the signal's reason, a ConnectorError) or between calls (Nango's abort error), the run says the same.

describe('a run stopped by a signal', () => {
    it('is described the same wherever the stop caught it', () => {
        const controller = new AbortController();
        controller.abort(new ConnectorError('interrupted', 'Stopped by SIGINT.'));
        const redactor = new Redactor(() => []);
        const inRequest = scriptFailure(controller.signal.reason, redactor, controller.signal);
        const betweenCalls = scriptFailure(new ExecutionAbortedSDKError(), redactor, controller.signal);
        for (const failure of [inRequest, betweenCalls]) {
            expect(failure.message).toBe('The run was stopped (Stopped by SIGINT) before it finished.');
            expect(failure.hint).toBe('What it saved up to its last checkpoint is kept and nothing was deleted; run it again to resume.');
        }
    });
});
