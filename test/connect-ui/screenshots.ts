import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

// docs/connect-ui.md shows these. The values typed are the emulator's seeded,
// deterministic ones; nothing secret is visible (the secret field is masked).
const folder = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

export async function saveScreenshot(
    page: Page,
    name: 'connect-ui-empty' | 'connect-ui-invalid' | 'connect-ui-connected' | 'connect-ui-wrong-secret' | 'connect-ui-phone' | 'connect-ui-sign-in-cancelled',
): Promise<void> {
    mkdirSync(folder, { recursive: true });
    // No caret, no animation, no hover, no focus, and the whole form painted afresh (a control that had focus
    // may otherwise keep edges painted at another moment): the same form gives the same picture.
    await page.mouse.move(0, 0);
    // Nothing focused: Chromium paints a focused control's ring and edges a frame apart now and then.
    await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
    const nextFrames = 'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))';
    await page.evaluate(`document.querySelector('main').style.backgroundColor = '#fefefe'; ${nextFrames}`);
    await page.evaluate(`document.querySelector('main').style.backgroundColor = ''; ${nextFrames}`);
    await page.waitForTimeout(150);
    await page.screenshot({ path: `${folder}${name}.png`, fullPage: true, animations: 'disabled', caret: 'hide' });
}
