import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/connect-ui/markdown-html.js';

// The guides' Markdown as the page server renders it: the few constructs the guides use become
// HTML, and everything else stays text.

describe('markdownToHtml', () => {
    it('gives each heading the id its help links point at', () => {
        expect(markdownToHtml('## Step 3: Copy the Client ID and `secret`')).toBe(
            '<h2 id="step-3-copy-the-client-id-and-secret">Step 3: Copy the Client ID and <code>secret</code></h2>',
        );
    });

    it('renders paragraphs, nested lists, tables and fenced code', () => {
        const html = markdownToHtml(
            [
                'A **bold** and *plain* line',
                'that goes on.',
                '',
                '1. First, with',
                '   more text.',
                '2. Second:',
                '   - inner **one**;',
                '   - inner two.',
                '3. Third.',
                '',
                '| a | b |',
                '|---|---|',
                '| `x` | y |',
                '',
                '```',
                '# not a heading <b>',
                '```',
            ].join('\n'),
        );
        expect(html).toBe(
            [
                '<p>A <strong>bold</strong> and <em>plain</em> line that goes on.</p>',
                '<ol><li>First, with more text.</li><li>Second:<ul><li>inner <strong>one</strong>;</li><li>inner two.</li></ul></li><li>Third.</li></ol>',
                '<table tabindex="0"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td><code>x</code></td><td>y</td></tr></tbody></table>',
                '<pre><code># not a heading &#60;b&#62;</code></pre>',
            ].join('\n'),
        );
    });

    it('escapes markup, and links only to web addresses (in a new tab) and sections of the guide', () => {
        const html = markdownToHtml(
            'Hi <script>alert(1)</script> & "you" [docs](https://docs.pingidentity.com/a?b=1&c=2) [up](#step-1) [x](javascript:void) [y](other.md) [z](https://x.example/"onmouseover="a)',
        );
        expect(html).not.toMatch(/<script|javascript:|href="other|onmouseover="a"/);
        expect(html).toContain('Hi &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;you&#34;');
        expect(html).toContain('<a href="https://docs.pingidentity.com/a?b=1&#38;c=2" target="_blank" rel="noopener noreferrer">docs</a>');
        expect(html).toContain('<a href="#step-1">up</a>');
        expect(html).toContain(' x ');
        expect(html).toContain(' y ');
    });
});
