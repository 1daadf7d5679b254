import os from 'node:os';

export interface Machine {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    node: string;
    platform: string;
}

export function describeMachine(): Machine {
    return {
        cpus: os.availableParallelism(),
        cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
        memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        platform: `${os.platform()} ${os.arch()}`,
    };
}
