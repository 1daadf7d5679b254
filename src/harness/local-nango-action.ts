import type { ZodType } from 'zod';
import { NangoActionBase } from '@nangohq/runner-sdk';
import { localNangoProps, withLocalRuntime } from './local-runtime.js';
import type { RunContext } from './run-context.js';
import { validateCheckpoint } from './validate.js';

/**
 * `nango` as an action or on-event script receives it in a local run.
 *
 * @internal Built by the harness only; its base class (a mixin over runner-sdk's classes) cannot be
 * written in a declaration file (TS4094), so the build leaves it out of them.
 */
export class LocalNangoAction extends withLocalRuntime(NangoActionBase) {
    /** The checkpoint schema of the script, when it declares one. */
    private checkpointSchema: ZodType | undefined;

    static create(run: RunContext, scriptType: 'action' | 'on-event', options: { debug?: boolean; checkpoint?: ZodType | undefined } = {}): LocalNangoAction {
        const nango = new LocalNangoAction(localNangoProps(run, scriptType, options.debug ?? false));
        nango.run = run;
        nango.checkpointSchema = options.checkpoint;
        return nango;
    }

    async saveCheckpoint(checkpoint: unknown): Promise<void> {
        this.throwIfAbortedOrKilled();
        this.run.store.commit({ saves: [], updates: [], deletes: [], checkpoint: validateCheckpoint(this.checkpointSchema, checkpoint) });
    }
}
