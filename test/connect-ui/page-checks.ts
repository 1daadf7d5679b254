import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// Checks every browser test of the page applies to the states it reaches.

/**
 * axe-core's rules (WCAG 2.x A and AA and its best practices) on the page as it is now. The
 * script goes in through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern, so the page's own policy stays as strict as it is served.
 */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
    await page.evaluate(axe.source);
    const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
        return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    });
    expect(violations, `axe-core in the state "${state}"`).toEqual([]);
}

/** A message for people: no doubled punctuation such as ".)." or "..". */
export function expectPlainSentences(text: string): void {
    expect(text).not.toMatch(/[.!?,;:]\s*[.!?,;:]|[.!?]\)[.!?,;:]/);
}
