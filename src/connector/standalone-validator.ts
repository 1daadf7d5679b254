// The shape of an ajv standalone validator (connectors/<provider>/validators.generated.js).

export interface ValidationIssue {
    /** JSON pointer of the bad value, e.g. `/tld`; empty for the object itself. */
    instancePath: string;
    keyword: string;
    params: Record<string, unknown>;
    message?: string;
}

export interface StandaloneValidator {
    (data: unknown): boolean;
    errors?: ValidationIssue[] | null;
}
