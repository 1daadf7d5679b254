import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `npm run compile -- --check` is the one check of every generated file in the project (CI runs only
// it). The record-model schemas and the Nango entry files have generators of their own; their
// `--check` modes already name each stale file and the command that fixes it, so they run as they
// are, side by side, and their words are passed on.

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CompanionCheck {
    /** The script, relative to the project root. */
    script: string;
    /** The command that rewrites its files. */
    fix: string;
}

export const companionChecks: readonly CompanionCheck[] = [
    { script: 'scripts/models.ts', fix: 'npm run models' },
    { script: 'scripts/nango-entries.ts', fix: 'npm run scripts:entries' },
];

export interface CompanionResult {
    check: CompanionCheck;
    ok: boolean;
    /** What the check printed (its stale files and the command), or why it could not run. */
    report: string;
}

/** Runs `<script> --check` under tsx from the project root. */
export function runCompanionCheck(check: CompanionCheck): Promise<CompanionResult> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', check.script, '--check'], {
            cwd: projectRoot,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
        child.on('error', (error) => resolve({ check, ok: false, report: `${check.script} --check could not start: ${error.message}\n` }));
        child.on('close', (code, signal) => {
            if (code === 0) return resolve({ check, ok: true, report: output });
            const said = output.trim() === '' ? `${check.script} --check ended with ${signal ?? `exit code ${code}`} and printed nothing.` : output.trimEnd();
            resolve({ check, ok: false, report: `${said}\n(reported by \`${check.fix} -- --check\`)\n` });
        });
    });
}

export function runCompanionChecks(): Promise<CompanionResult[]> {
    return Promise.all(companionChecks.map(runCompanionCheck));
}

/** The companions check the project's own tree; a compile with other roots (the tests' temp dirs) leaves them out. */
export function companionsApply(sourceRoot: string, outputRoot: string): boolean {
    const same = (path: string) => path.replace(/\/+$/, '') === projectRoot.replace(/\/+$/, '');
    return same(sourceRoot) && same(outputRoot);
}
