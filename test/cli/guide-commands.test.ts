import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseConnectArgs } from '../../src/cli/commands/connect.js';

// The setup guides tell people what to type: every `pingone-connector connect ...` in them must be
// a command line `connect` accepts (placeholders such as <name> stand for one word).
const guides = fileURLToPath(new URL('../../guides/', import.meta.url));

function connectCommands(markdown: string): string[] {
    const joined = markdown.replace(/\\\n\s*/g, ' ');
    return [...joined.matchAll(/pingone-connector connect( [^`\n]*)?(?=`|\n)/g)].map((match) => match[1]?.trim() ?? '');
}

describe('the guides', () => {
    const files = readdirSync(guides).filter((file) => file.endsWith('.md'));
    const commands = files.flatMap((file) => connectCommands(readFileSync(guides + file, 'utf8')).map((command) => [file, command] as const));

    it('show connect commands', () => {
        expect(commands.length).toBeGreaterThanOrEqual(4);
    });

    it.each(commands)('%s: `connect %s` is a command line connect accepts', (_file, command) => {
        const args = command.split(/\s+/).map((word) => word.replace(/<[^>]+>/g, 'x'));
        expect(() => parseConnectArgs(args)).not.toThrow();
    });
});
