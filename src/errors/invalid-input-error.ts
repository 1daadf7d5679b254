import { ConnectorError, type ConnectorErrorOptions } from './connector-error.js';

/** One thing wrong with an input: where (`input.name.given`, `input` for the whole) and what. */
export interface InputProblem {
    path: string;
    message: string;
}

/** An action's input that its schema (or its size and nesting bounds) refuses; nothing was sent. */
export class InvalidInputError extends ConnectorError {
    static override readonly code = 'invalid_input';

    /** Every problem found, each with its path, in the order the schema met them. */
    readonly problems: readonly InputProblem[];

    constructor(problems: readonly InputProblem[], options: ConnectorErrorOptions = {}) {
        const lines = problems.map((problem) => `${problem.path}: ${problem.message}`);
        super(
            InvalidInputError.code,
            `The input is invalid (${problems.length === 1 ? '1 problem' : `${problems.length} problems`}): ${lines.join('; ')}.`,
            options,
        );
        this.problems = problems;
    }
}
