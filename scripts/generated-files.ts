import { staleFiles, writeOutputs } from './compiler/outputs.js';

// The check-or-write step of the generators beside the compiler (`npm run models`,
// `npm run scripts:entries`): with `--check` it names each stale or extra file and the command that
// fixes it, otherwise it writes the stale files (through the compiler's atomic writer) and removes the extra ones.

export interface GeneratedSet {
    /** Project root; the paths below are relative to it. */
    root: string;
    /** Every file the generator produces, by path. */
    files: ReadonlyMap<string, string>;
    /** Files carrying the generator's note that it no longer produces. */
    extra: readonly string[];
}

export interface GeneratorWords {
    /** The command that rewrites the files, e.g. `npm run models`. */
    fix: string;
    /** What the files are, e.g. `model schemas`; the summary counts them under this name. */
    noun: string;
    /** The fix line names them so, e.g. `the model schemas`. */
    named: string;
    /** Why an extra file is reported, e.g. `no such model`. */
    extraReason: string;
}

export function checkOrWrite(set: GeneratedSet, words: GeneratorWords, check: boolean): void {
    const stale = staleFiles(set.root, set.files);
    if (check) {
        for (const path of stale) console.error(`out of date: ${path}`);
        for (const path of set.extra) console.error(`${words.extraReason}: ${path}`);
        if (stale.length + set.extra.length > 0) {
            console.error(`Run \`${words.fix}\` to regenerate ${words.named}.`);
            process.exitCode = 1;
        }
        return;
    }
    writeOutputs(set.root, set.files, { stale, orphans: [...set.extra] });
    console.log(`${set.files.size} ${words.noun}: ${stale.length} written, ${set.extra.length} removed.`);
}
