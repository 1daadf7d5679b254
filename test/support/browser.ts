import { existsSync, mkdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser } from 'playwright-core';

// A real headless Chromium for end-to-end tests. Debian's /usr/bin/chromium is used when present;
// otherwise @sparticuz/chromium unpacks its bundled build into the temp directory, so that a fresh
// CI machine needs nothing but `npm ci`. That build links only against glibc, libnss3 (with
// libnspr4) and libexpat1, which Debian bookworm images carry; on a bare image:
// `apt-get install libnss3 libexpat1`.

const systemChromium = '/usr/bin/chromium';

const launchArgs = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-dev-shm-usage',
];

// Several test files may launch at once (vitest runs files in parallel forks); @sparticuz/chromium
// unpacks to a fixed path, and a second process could find a half-written binary. mkdir is atomic,
// so it serves as a cross-process lock around the unpacking.
const unpackLock = join(tmpdir(), 'pingone-connector-chromium.lock');
const staleLockMs = 120_000;

async function withUnpackLock<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
        try {
            mkdirSync(unpackLock);
            break;
        } catch {
            if (existsSync(unpackLock) && Date.now() - statSync(unpackLock).mtimeMs > staleLockMs) rmdirSync(unpackLock);
            await sleep(100);
        }
    }
    try {
        return await work();
    } finally {
        rmdirSync(unpackLock);
    }
}

async function bundledChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
    const { default: sparticuz } = await import('@sparticuz/chromium');
    const executablePath = await withUnpackLock(() => sparticuz.executablePath());
    // The bundle carries its own fonts (unpacked beside the binary); pointing fontconfig at them
    // makes screenshots look the same on every machine.
    return { executablePath, env: { FONTCONFIG_PATH: join(tmpdir(), 'fonts') } };
}

/** Launches headless Chromium; close it with `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
    const { executablePath, env } = existsSync(systemChromium) ? { executablePath: systemChromium, env: {} } : await bundledChromium();
    return chromium.launch({
        executablePath,
        headless: true,
        args: launchArgs,
        env: { ...process.env, ...env } as Record<string, string>,
        timeout: 60_000,
    });
}
