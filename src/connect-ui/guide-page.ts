import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Connector } from '../connector/connector.js';
import type { Asset } from './assets.js';
import { htmlDocument } from './html-document.js';
import { markdownToHtml } from './markdown-html.js';

// The connector's setup guide, served beside the form so that each field's help link (the guide's
// path relative to the page, plus the field's heading anchor) opens at its section. Only the one
// guide the connector names is served, and only when that is a Markdown file directly in the
// package's guides/ directory: no request path is ever turned into a file path.

// The package's root holds guides/: two folders up from the sources (src/connect-ui/), three from
// the build (dist/src/connect-ui/).
const packageRoot = new URL(existsSync(fileURLToPath(new URL('../../package.json', import.meta.url))) ? '../../' : '../../../', import.meta.url);
const guidePathPattern = /^guides\/[\w-]+\.md$/;

/** The guide's address on the page server and how to load it; empty when the connector's guide is not one the server may serve. */
export function guideAssets(connector: Pick<Connector, 'guideUrl' | 'displayName'>): Record<string, () => Promise<Asset>> {
    if (!guidePathPattern.test(connector.guideUrl)) return {};
    const file = fileURLToPath(new URL(connector.guideUrl, packageRoot));
    return {
        [`/${connector.guideUrl}`]: async () => ({
            contentType: 'text/html; charset=utf-8',
            body: htmlDocument({ title: `Setup guide: ${connector.displayName}`, main: markdownToHtml(await readFile(file, 'utf8')), mainClass: 'guide' }),
        }),
    };
}
