import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { getConnector } from '../../connectors/registry.generated.js';
import { pageAssets } from '../../src/connect-ui/assets.js';
import { createConnectionBackend } from '../../src/connect-ui/connection-backend.js';
import { startConnectUi, type ConnectUi } from '../../src/connect-ui/index.js';
import { launchBrowser } from '../support/browser.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';

// One real stack per test file: the emulator, a store in a fresh directory, the Connect UI server
// with the same backend `connect --ui` uses, and headless Chromium.

export interface ConnectUiStack {
    browser: Browser;
    emulator: TestEmulator;
    storePath: string;
    /** Starts a Connect UI for a provider; closed with the stack. PingOne is the emulator unless `pingOneAt` says otherwise. */
    startUi(provider: string, connectionName?: string, pingOneAt?: string): Promise<ConnectUi>;
    /** A fresh page; phone-sized (320 px, the narrowest WCAG reflow width) when asked. */
    newPage(options?: { narrow?: boolean }): Promise<Page>;
    close(): Promise<void>;
}

/** `name` names the store's directory: fixed, so that the saved path in a screenshot is the same every run. */
export async function startStack(name: string): Promise<ConnectUiStack> {
    const directory = join(tmpdir(), 'pingone-connector-connect-ui', name);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    const storePath = join(directory, 'pingone.db');
    const [browser, emulator] = await Promise.all([launchBrowser(), startTestEmulator()]);
    const uis: ConnectUi[] = [];
    return {
        browser,
        emulator,
        storePath,
        async startUi(provider, connectionName = 'acme', pingOneAt = emulator.url) {
            const connector = getConnector(provider);
            const backend = createConnectionBackend({ connector, storePath, emulatorUrl: pingOneAt, env: {} });
            // A failure inside the server reaches the page only as "failed"; the test log gets the error.
            const ui = await startConnectUi({ connector, connectionName, backend, onError: (error) => console.error('Connect UI server error:', error) });
            uis.push(ui);
            // The page script is bundled on its first request: do it here, within the setup hook's
            // time, so that on a busy machine the first test's 30 s are spent on that test alone.
            await pageAssets(provider)['/assets/page.js']!();
            return ui;
        },
        async newPage({ narrow = false } = {}) {
            const context = await browser.newContext({
                viewport: narrow ? { width: 320, height: 740 } : { width: 900, height: 1000 },
                deviceScaleFactor: 1,
                reducedMotion: 'reduce',
            });
            return context.newPage();
        },
        async close() {
            await Promise.all(uis.map((ui) => ui.close()));
            await browser.close();
            await emulator.close();
            rmSync(directory, { recursive: true, force: true });
        },
    };
}
