export interface MemoryChildReport {
    type: 'memory';
    status: 'success' | 'failed';
    error?: string;
    records: number;
    requests: number;
    seconds: number;
    maxRssMB: number;
    heapUsedMB: number;
}
