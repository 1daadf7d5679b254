import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEmulatorUrl } from '../../src/connections/emulator-url.js';
import { readSettings } from '../../src/connections/settings.js';
import { InvalidConfigError, UsageError } from '../../src/errors/index.js';
import { parseEmulatorOrigin } from '../../src/http/index.js';

describe('settings from the environment and .env', () => {
    it('reads .env and lets real environment variables win', () => {
        const cwd = mkdtempSync(path.join(tmpdir(), 'settings-'));
        writeFileSync(path.join(cwd, '.env'), 'PINGONE_TLD=eu\nPINGONE_CLIENT_ID="from-file"\n# a comment\n');
        const settings = readSettings({ PINGONE_CLIENT_ID: 'from-env' }, cwd);
        expect(settings['PINGONE_TLD']).toBe('eu');
        expect(settings['PINGONE_CLIENT_ID']).toBe('from-env');
    });

    it('works without a .env file', () => {
        const cwd = mkdtempSync(path.join(tmpdir(), 'settings-'));
        expect(readSettings({ PINGONE_TLD: 'ca' }, cwd)['PINGONE_TLD']).toBe('ca');
    });
});

describe('--emulator', () => {
    it('follows the same loopback rule as the dispatcher that will send to it', () => {
        for (const origin of ['http://127.0.0.2:8787', 'http://[::1]:8787', 'http://localhost:8787']) {
            expect(checkEmulatorUrl(origin)).toBe(parseEmulatorOrigin(origin).origin);
        }
        for (const origin of ['http://128.0.0.1:8787', 'http://127.0.0.1.nip.io:8787', 'ftp://127.0.0.1:8787', 'file:///tmp/emulator']) {
            expect(() => checkEmulatorUrl(origin)).toThrow(UsageError);
            expect(() => parseEmulatorOrigin(origin)).toThrow(InvalidConfigError);
        }
    });

    it('accepts a loopback origin and normalises it', () => {
        expect(checkEmulatorUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
        expect(checkEmulatorUrl('http://localhost:9000')).toBe('http://localhost:9000');
    });

    it('refuses any host that is not this machine, since it receives credentials', () => {
        expect(() => checkEmulatorUrl('http://example.com:8787')).toThrow(UsageError);
        expect(() => checkEmulatorUrl('http://localhost.example.com:8787')).toThrow(UsageError);
        expect(() => checkEmulatorUrl('http://10.0.0.1:8787')).toThrow(UsageError);
        expect(() => checkEmulatorUrl('http://127.0.0.1:8787/v1')).toThrow(/loopback origin/);
        expect(() => checkEmulatorUrl('127.0.0.1')).toThrow(/is not a URL|loopback/);
    });
});
