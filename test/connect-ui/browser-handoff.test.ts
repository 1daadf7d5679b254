import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getConnector } from '../../connectors/registry.generated.js';
import { browserUrlFor } from '../../src/connections/browser-url.js';
import { openInBrowser } from '../../src/connect-ui/open-in-browser.js';

// Handing addresses to a browser: PingOne's sign-on page mapped to the emulator, and `--open`.

describe('the browser address of a PingOne URL', () => {
    const regions = Object.keys(getConnector('pingone').extensions.regions);
    const authorize = new URL('https://auth.pingone.eu/f2aba07d-270c-42ba-8811-01af5f63d458/as/authorize?client_id=a&state=s');

    it('is the URL itself without an emulator', () => {
        expect(browserUrlFor(undefined, regions)(authorize).href).toBe(authorize.href);
    });

    it("is the emulator's origin with PingOne's path and query when bound to an emulator", () => {
        expect(browserUrlFor('http://127.0.0.1:8787', regions)(authorize).href).toBe(
            'http://127.0.0.1:8787/f2aba07d-270c-42ba-8811-01af5f63d458/as/authorize?client_id=a&state=s',
        );
    });

    it('leaves every other host alone', () => {
        for (const href of ['https://auth.pingone.eu.evil.example/x', 'https://auth.pingone.de/x', 'https://example.com/as/authorize']) {
            expect(browserUrlFor('http://127.0.0.1:8787', regions)(new URL(href)).href).toBe(href);
        }
    });
});

// There is no desktop here: a stand-in `xdg-open` on PATH records what it was given.
describe.runIf(process.platform === 'linux')('--open', () => {
    const directory = mkdtempSync(join(tmpdir(), 'open-in-browser-'));
    const record = join(directory, 'opened.txt');
    const savedPath = process.env['PATH'];
    afterAll(() => {
        process.env['PATH'] = savedPath;
        rmSync(directory, { recursive: true, force: true });
    });

    it('hands the whole address, query included, to the desktop opener', async () => {
        writeFileSync(join(directory, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$@" > '${record}'\n`);
        chmodSync(join(directory, 'xdg-open'), 0o755);
        process.env['PATH'] = `${directory}:${savedPath ?? ''}`;
        const url = 'http://127.0.0.1:8790/?token=a&b=c';
        await openInBrowser(url);
        await expect.poll(() => readFileSync(record, 'utf8').toString(), { timeout: 10_000 }).toBe(url);
    });

    it('rejects when there is no opener, so the command can say so', async () => {
        process.env['PATH'] = join(directory, 'empty');
        await expect(openInBrowser('http://127.0.0.1:1/')).rejects.toMatchObject({ code: 'ENOENT' });
    });
});
