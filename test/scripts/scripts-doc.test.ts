import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { companionChecks } from '../../scripts/compiler/companion-checks.js';
import { renderScriptsDoc, SCRIPTS_DOC } from '../../scripts/scripts-doc.js';
import { allReferences } from '../../src/harness/script-reference.js';

// docs/scripts.md is generated from the catalogue and the scripts' zod schemas by
// `npm run scripts:entries`, whose --check runs inside `npm run compile -- --check`.

describe('docs/scripts.md', () => {
    it('is what the catalogue and the schemas say today', async () => {
        const committed = readFileSync(new URL(`../../${SCRIPTS_DOC}`, import.meta.url), 'utf8');
        expect(committed).toBe(renderScriptsDoc(await allReferences()));
    });

    it('lists every action input field with its type and whether it is required', async () => {
        const doc = renderScriptsDoc(await allReferences());
        expect(doc).toMatch(
            /### `create-user`[\s\S]*?Input:\n\n\| field \| type \| required \| description \|\n\| --- \| --- \| --- \| --- \|\n\| `username` \| string \| yes \|/,
        );
        expect(doc).toMatch(/### `users`[\s\S]*?- Frequency on a platform: every 15m[\s\S]*?- Changes and deletes: /);
    });

    it('is checked by compile --check, through the entry generator it comes from', () => {
        expect(companionChecks.map((check) => check.script)).toContain('scripts/nango-entries.ts');
        expect(readFileSync(new URL('../../scripts/nango-entries.ts', import.meta.url), 'utf8')).toContain('files.set(SCRIPTS_DOC');
    });
});
