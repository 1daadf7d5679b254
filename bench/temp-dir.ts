import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh directory under the system's temp dir for one measurement; removed by the returned function. */
export function tempDir(label: string): { path: string; remove: () => void } {
    const dir = mkdtempSync(path.join(os.tmpdir(), `pingone-bench-${label}-`));
    return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
