import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The package is read on other machines: a path of the machine it was written on, or a file its
// users never get (research notes kept beside the repository), is a dead reference there. Comments
// cite public pages or spec operation ids instead.

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Built from parts, so that this file does not match itself. */
const outside = [
    new RegExp(['/', 'work', '/'].join('')),
    new RegExp(['NOTES', '(\\.md|\\s+§|\\s+section)'].join('')),
    new RegExp(['(?<![./\\w])', '\\.\\./', 'shared\\b'].join('')),
];

function trackedTextFiles(): string[] {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    return files.filter((file) => !/\.(png|jpe?g|ico|woff2?)$/.test(file) && file !== 'package-lock.json');
}

describe('references stay inside the repository', () => {
    it('no tracked file names a path of a particular machine or a file outside the repository', () => {
        const found: string[] = [];
        for (const file of trackedTextFiles()) {
            const lines = readFileSync(`${root}/${file}`, 'utf8').split('\n');
            lines.forEach((line, index) => {
                if (outside.some((pattern) => pattern.test(line))) found.push(`${file}:${index + 1}: ${line.trim()}`);
            });
        }
        expect(found).toEqual([]);
    });
});
