import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** One thing wrong in a source file of the compiler, with its place. */
export interface DefinitionProblem {
    file: string;
    /** 1-based; 0 when the problem is about the file as a whole. */
    line: number;
    column: number;
    /** Dotted key path inside the file, e.g. `pingone.connection_config.tld.pattern`; empty for the file. */
    keyPath: string;
    message: string;
}

/** providers.yaml, providers.extensions.yaml, a schema or a guide is invalid: nothing was written. */
export class DefinitionError extends ConnectorError {
    static override readonly code = 'invalid_definition';

    readonly problems: readonly DefinitionProblem[];

    constructor(problems: readonly DefinitionProblem[], options: ConnectorErrorOptions = {}) {
        super(DefinitionError.code, problems.map(formatProblem).join('\n'), {
            hint: 'Fix the places listed above and run `npm run compile` again; no file was written.',
            ...options,
        });
        this.problems = problems;
    }
}

export function formatProblem(problem: DefinitionProblem): string {
    const place = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
    return `${place}: ${problem.keyPath === '' ? '' : `${problem.keyPath}: `}${problem.message}`;
}
