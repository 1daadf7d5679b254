import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { runCli } from '../support/cli.js';
import { temporaryDatabase } from '../support/harness.js';

describe('demo (what npm start runs)', () => {
    it('starts the emulator, runs every sync and an example action, and reports records per model and the database', async () => {
        const db = temporaryDatabase();
        const result = await runCli(['demo', '--db', db, '--json'], { env: { PATH: process.env['PATH'] } });
        // stderr carries the scripts' info lines and the advice; nothing went wrong.
        expect(result.stderr).not.toMatch(/\[(warn|error)\]/);
        expect(result.code).toBe(0);
        const summary = JSON.parse(result.stdout) as {
            database: string;
            runs: { kind: string; script: string; status: string }[];
            models: { model: string; total: number }[];
            requests: number;
        };
        expect(summary.database).toBe(db);
        expect(summary.runs.filter((run) => run.kind === 'sync').map((run) => run.script)).toContain('users');
        expect(summary.runs.some((run) => run.kind === 'action')).toBe(true);
        expect(summary.runs.every((run) => run.status === 'success')).toBe(true);
        expect(summary.models.find((model) => model.model === 'User')?.total).toBeGreaterThan(0);
        expect(summary.requests).toBeGreaterThan(0);
    }, 120_000);

    it('prints a table and the database path for people, and shows progress only on a terminal', async () => {
        const db = temporaryDatabase();
        const quiet = await runCli(['demo', '--db', db], { env: { PATH: process.env['PATH'] } });
        expect(quiet.code).toBe(0);
        expect(quiet.stdout).toMatch(/Records per model:[\s\S]*User\s+\d+/);
        expect(quiet.stdout).toContain(`Database: ${db}`);
        expect(quiet.stderr).not.toMatch(/\[(warn|error)\]/);
        // The likeliest next mistake is syncing "demo" again: its emulator is gone, and the demo says so.
        expect(quiet.stderr).toContain('The demo\'s emulator stopped with the demo, so "demo" cannot sync or call PingOne again.');
        expect(quiet.stderr).toContain('npx pingone-connector emulator --port 8787');
        const terminal = await runCli(['demo', '--db', db], { env: { PATH: process.env['PATH'] }, isTTY: true });
        expect(terminal.code).toBe(0);
        // The demo's emulator uses the default seed, so one started the same way has the same secrets.
        const twin = await startEmulator({});
        await twin.close();
        const everything = [quiet.stdout, quiet.stderr, terminal.stdout, terminal.stderr].join('\n');
        for (const secret of [twin.worker.clientSecret, twin.web.clientSecret, twin.signOnUser.password]) expect(everything.includes(secret)).toBe(false);
        expect(everything).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
        expect(terminal.stderr).toMatch(/sync users\.\.\./);
        expect(terminal.stderr).toMatch(/sync users: \d+ pages?, \d+ requests?, \d+ records?, \d+ records\/s/);
    }, 180_000);
});
