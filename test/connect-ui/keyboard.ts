import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestEmulator } from '../support/emulator.js';

// Filling the form as someone without a mouse does: Tab to each control, type, Enter.

/** The id of the element that has focus. */
export function focusedId(page: Page): Promise<string> {
    return page.evaluate(() => document.activeElement?.id ?? '');
}

async function tabTo(page: Page, id: string): Promise<void> {
    for (let presses = 0; presses < 25 && (await focusedId(page)) !== id; presses++) await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe(id);
}

/** Pastes the emulator's Authorization URL, types the client's ID and secret, and sends the form with Enter. */
export async function fillWithKeyboard(page: Page, emulator: TestEmulator, client: { clientId: string; clientSecret: string }): Promise<void> {
    await tabTo(page, 'paste');
    await page.keyboard.type(`https://auth.pingone.${emulator.tld}/${emulator.environmentId}/as/authorize`);
    await tabTo(page, 'field-credentials-clientId');
    await page.keyboard.type(client.clientId);
    await tabTo(page, 'field-credentials-clientSecret');
    await page.keyboard.type(client.clientSecret);
    await page.keyboard.press('Enter');
}
