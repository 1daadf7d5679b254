import { escapeHtml } from './html-document.js';
import { fencePattern, headingAnchor, headingPattern } from './heading-anchor.js';

// The setup guides as the Connect UI serves them: the Markdown the guides use (headings, paragraphs,
// lists, tables, fenced code; code spans, bold, italics, links) and nothing more. All text is
// escaped before a tag is added, and only the tags written here are ever added, so a guide cannot
// put markup of its own on the page.

const listItemPattern = /^(\s*)([-*+]|\d+\.)\s+(.*)$/;
const tableDividerPattern = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const inlinePattern = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function link(label: string, href: string): string {
    // Other guides are not served, and any other scheme has no business in a guide: their text stays.
    if (href.startsWith('#')) return `<a href="${escapeHtml(href)}">${inline(label)}</a>`;
    if (/^https?:\/\//i.test(href)) return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${inline(label)}</a>`;
    return inline(label);
}

function inline(text: string): string {
    let html = '';
    let last = 0;
    for (const match of text.matchAll(inlinePattern)) {
        const [whole, code, strong, emphasis, label, href] = match;
        html += escapeHtml(text.slice(last, match.index));
        if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
        else if (strong !== undefined) html += `<strong>${inline(strong)}</strong>`;
        else if (emphasis !== undefined) html += `<em>${inline(emphasis)}</em>`;
        else html += link(label!, href!);
        last = match.index + whole.length;
    }
    return html + escapeHtml(text.slice(last));
}

function indentOf(line: string): number {
    return /^\s*/.exec(line)![0].length;
}

/** A list and the lists nested in its items (indented further), from the lines of its block. */
function listHtml(lines: readonly string[]): string {
    const indent = indentOf(lines[0]!);
    const items: { text: string[]; nested: string[] }[] = [];
    for (const line of lines) {
        const item = listItemPattern.exec(line);
        const current = items.at(-1);
        if (current === undefined || (item !== null && item[1]!.length <= indent)) items.push({ text: [item?.[3] ?? line.trim()], nested: [] });
        else if (item !== null || current.nested.length > 0) current.nested.push(line);
        else current.text.push(line.trim());
    }
    const tag = /^\d/.test(listItemPattern.exec(lines[0]!)?.[2] ?? '') ? 'ol' : 'ul';
    const body = items.map((item) => `<li>${inline(item.text.join(' '))}${item.nested.length > 0 ? listHtml(item.nested) : ''}</li>`).join('');
    return `<${tag}>${body}</${tag}>`;
}

function cellsOf(row: string): string[] {
    return row
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => cell.trim());
}

function tableHtml(rows: readonly string[]): string {
    const [header, , ...body] = rows;
    const head = cellsOf(header!)
        .map((cell) => `<th>${inline(cell)}</th>`)
        .join('');
    const bodyRows = body
        .map(
            (row) =>
                `<tr>${cellsOf(row)
                    .map((cell) => `<td>${inline(cell)}</td>`)
                    .join('')}</tr>`,
        )
        .join('');
    // A wide table scrolls sideways on a phone: focusable, so that the keyboard can scroll it too.
    return `<table tabindex="0"><thead><tr>${head}</tr></thead><tbody>${bodyRows}</tbody></table>`;
}

function isTableStart(lines: readonly string[], index: number): boolean {
    return lines[index]!.trim().startsWith('|') && tableDividerPattern.test(lines[index + 1] ?? '');
}

function startsBlock(lines: readonly string[], index: number): boolean {
    const line = lines[index]!;
    return line.trim() === '' || fencePattern.test(line) || headingPattern.test(line) || listItemPattern.test(line) || isTableStart(lines, index);
}

export function markdownToHtml(markdown: string): string {
    const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
    const blocks: string[] = [];
    let index = 0;
    /** The lines from here on while `belongs` says so. */
    const take = (belongs: (line: string, at: number) => boolean): string[] => {
        const taken: string[] = [];
        while (index < lines.length && belongs(lines[index]!, index)) taken.push(lines[index++]!);
        return taken;
    };
    while (index < lines.length) {
        const line = lines[index]!;
        const heading = headingPattern.exec(line);
        if (line.trim() === '') {
            index++;
        } else if (fencePattern.test(line)) {
            index++;
            const code = take((next) => !fencePattern.test(next));
            index++;
            blocks.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
        } else if (heading !== null) {
            index++;
            const level = heading[1]!.length;
            blocks.push(`<h${level} id="${escapeHtml(headingAnchor(heading[2]!))}">${inline(heading[2]!)}</h${level}>`);
        } else if (isTableStart(lines, index)) {
            blocks.push(tableHtml(take((next) => next.trim().startsWith('|'))));
        } else if (listItemPattern.test(line)) {
            blocks.push(listHtml(take((next) => next.trim() !== '' && (listItemPattern.test(next) || /^\s/.test(next)))));
        } else {
            index++;
            const paragraph = [line, ...take((_, at) => !startsBlock(lines, at))];
            blocks.push(`<p>${inline(paragraph.map((part) => part.trim()).join(' '))}</p>`);
        }
    }
    return blocks.join('\n');
}
