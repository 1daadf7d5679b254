import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('pingone-connector CLI entry', () => {
    it('answers an unknown command with exit 2 and the command list', async () => {
        const result = await runCli(['no-such-command']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('unknown command "no-such-command"');
        expect(result.stderr).toContain('Usage: pingone-connector <command>');
    });

    it('prints the overview for --help with exit 0', async () => {
        const result = await runCli(['--help']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Commands:');
    });
});
