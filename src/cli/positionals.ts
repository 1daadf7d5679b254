import { UsageError } from '../errors/index.js';

/** The one positional argument a command takes, or a usage error naming it. */
export function singlePositional(command: string, positionals: string[], what: string): string {
    if (positionals.length !== 1 || positionals[0] === '') {
        throw new UsageError(`${command} takes exactly one ${what}; got ${positionals.length === 0 ? 'none' : positionals.map((p) => `"${p}"`).join(' ')}.`, {
            hint: `Run \`npx pingone-connector ${command} --help\`.`,
        });
    }
    return positionals[0] as string;
}

export function requiredConnection(command: string, value: string | undefined): string {
    if (value === undefined || value === '') {
        throw new UsageError(`${command} needs --connection <name>.`, {
            flag: '--connection',
            hint: 'Run `npx pingone-connector connections list` to see the connections.',
        });
    }
    return value;
}
