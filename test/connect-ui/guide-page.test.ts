import { describe, expect, it } from 'vitest';
import { connectors } from '../../connectors/registry.generated.js';
import { buildFormModel } from '../../src/connect-ui/form-model.js';
import { guideAssets } from '../../src/connect-ui/guide-page.js';

// Which guide the page server serves, and that every provider's help links land on a heading of it.

describe('the setup guide the page server serves', () => {
    it.each(Object.values(connectors))("serves $key's guide with an id for every field's help link", async (connector) => {
        const model = buildFormModel(connector);
        const served = guideAssets(connector);
        expect(Object.keys(served)).toEqual([`/${connector.guideUrl}`]);
        const { contentType, body } = await served[`/${connector.guideUrl}`]!();
        expect(contentType).toBe('text/html; charset=utf-8');
        const fields = model.fields.filter((field) => field.helpUrl !== undefined);
        expect(fields.length).toBeGreaterThan(0);
        for (const field of fields) expect(body).toContain(`id="${field.helpUrl!.split('#')[1]}"`);
    });

    it.each(['../package.json', 'guides/../package.json', 'guides/nested/guide.md', '/etc/passwd', 'guides/notes.txt', 'README.md'])(
        'serves nothing for a guide named %s, which is not a Markdown file directly in guides/',
        (guideUrl) => {
            expect(guideAssets({ guideUrl, displayName: 'Test' })).toEqual({});
        },
    );
});
