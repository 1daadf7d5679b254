// The parent's handle on an emulator child: its address, the seeded Worker app, and `admin` over IPC.
import type { ChildProcess } from 'node:child_process';
import type { EmulatorOptions } from '../src/emulator/index.js';
import { exited, forkBenchChild, messageFrom } from './child-process.js';
import type { AdminCall, AdminReply, AdminResults, EmulatorReady } from './emulator-protocol.js';

type Method = AdminCall['method'];
type ArgsOf<M extends Method> = Extract<AdminCall, { method: M }>['args'];

export interface EmulatorProcess extends Omit<EmulatorReady, 'type'> {
    readonly pid: number;
    admin<M extends Method>(method: M, ...args: ArgsOf<M>): Promise<AdminResults[M]>;
    close(): Promise<void>;
}

const isReady = (message: unknown): message is EmulatorReady => (message as EmulatorReady | undefined)?.type === 'ready';
const isReply = (message: unknown): message is AdminReply => typeof (message as AdminReply | undefined)?.id === 'number';

export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorProcess> {
    const child: ChildProcess = forkBenchChild('emulator-child.ts', [JSON.stringify(options)]);
    const ready = await messageFrom(child, isReady);
    const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
    let nextId = 0;
    child.on('message', (message: unknown) => {
        if (!isReply(message)) return;
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiting?.resolve(message.result);
        else waiting?.reject(new Error(`emulator admin: ${message.error}`));
    });
    child.on('exit', () => {
        for (const waiting of pending.values()) waiting.reject(new Error('The emulator child exited.'));
        pending.clear();
    });
    const { type: _type, ...info } = ready;
    return {
        ...info,
        pid: child.pid ?? -1,
        admin(method, ...args) {
            const id = ++nextId;
            return new Promise((resolve, reject) => {
                pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
                child.send({ id, method, args } as AdminCall);
            });
        },
        async close() {
            if (child.connected) child.disconnect();
            await exited(child);
        },
    };
}
