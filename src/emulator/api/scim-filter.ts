import { ApiError } from '../http/api-error.js';

// The SCIM filter subset PingOne accepts (https://docs.pingidentity.com/pingone/directory/p1_scim_filter_language.html): comparisons, `and`, `or`,
// parentheses, value lists for `in`, and `memberOfGroups[id eq "..."]`.

export type Operator = 'eq' | 'ne' | 'sw' | 'ew' | 'co' | 'gt' | 'ge' | 'lt' | 'le' | 'in' | 'pr';
export type Literal = string | number | boolean | null;

export type FilterNode =
    | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
    | { kind: 'compare'; attribute: string; operator: Operator; value: Literal | Literal[] }
    | { kind: 'member'; attribute: string; inner: FilterNode };

/** Which attributes an endpoint lets each operator touch; `*` in `custom` means any other top-level key. */
export interface FilterRules {
    operators: Partial<Record<Operator, readonly string[]>>;
    /** Attributes of the form `name[...]` (e.g. memberOfGroups) and the rules inside the brackets. */
    members?: Record<string, FilterRules>;
}

const operators = new Set<Operator>(['eq', 'ne', 'sw', 'ew', 'co', 'gt', 'ge', 'lt', 'le', 'in', 'pr']);

type Token = { type: 'word' | 'string' | 'punct'; text: string; at: number };

function invalidFilter(message: string, rules?: FilterRules): ApiError {
    const innerError: Record<string, unknown> = {};
    if (rules) {
        innerError.supportedOperators = Object.keys(rules.operators);
        innerError.supportedAttributes = [...new Set(Object.values(rules.operators).flat()), ...Object.keys(rules.members ?? {})];
    }
    return new ApiError(400, 'INVALID_DATA', undefined, [{ code: 'INVALID_FILTER', target: 'filter', message, ...(rules ? { innerError } : {}) }]);
}

function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < text.length) {
        const char = text[i] as string;
        if (/\s/.test(char)) {
            i++;
        } else if ('()[],'.includes(char)) {
            tokens.push({ type: 'punct', text: char, at: i++ });
        } else if (char === '"') {
            let value = '';
            let j = i + 1;
            for (; j < text.length && text[j] !== '"'; j++) {
                value += text[j] === '\\' && j + 1 < text.length ? text[++j] : text[j];
            }
            if (j >= text.length) throw invalidFilter(`Unterminated string starting at position ${i} of the filter.`);
            tokens.push({ type: 'string', text: value, at: i });
            i = j + 1;
        } else {
            const match = /^[^\s()[\],"]+/.exec(text.slice(i));
            const word = match?.[0] ?? char;
            tokens.push({ type: 'word', text: word, at: i });
            i += word.length;
        }
    }
    return tokens;
}

class Parser {
    private position = 0;
    constructor(
        private readonly tokens: Token[],
        private readonly source: string,
    ) {}

    parse(): FilterNode {
        const node = this.parseOr();
        const extra = this.tokens[this.position];
        if (extra) throw invalidFilter(`Unexpected "${extra.text}" at position ${extra.at} of the filter.`);
        return node;
    }

    private peekWord(): string | undefined {
        const token = this.tokens[this.position];
        return token?.type === 'word' ? token.text.toLowerCase() : undefined;
    }

    private next(what: string): Token {
        const token = this.tokens[this.position++];
        if (!token) throw invalidFilter(`The filter "${this.source}" ends where ${what} was expected.`);
        return token;
    }

    private expect(punct: string): void {
        const token = this.next(`"${punct}"`);
        if (token.type !== 'punct' || token.text !== punct)
            throw invalidFilter(`Expected "${punct}" at position ${token.at} of the filter, found "${token.text}".`);
    }

    private parseOr(): FilterNode {
        let left = this.parseAnd();
        while (this.peekWord() === 'or') {
            this.position++;
            left = { kind: 'or', left, right: this.parseAnd() };
        }
        return left;
    }

    private parseAnd(): FilterNode {
        let left = this.parseTerm();
        while (this.peekWord() === 'and') {
            this.position++;
            left = { kind: 'and', left, right: this.parseTerm() };
        }
        return left;
    }

    private parseTerm(): FilterNode {
        const token = this.next('a comparison');
        if (token.type === 'punct' && token.text === '(') {
            const inner = this.parseOr();
            this.expect(')');
            return inner;
        }
        if (token.type !== 'word') throw invalidFilter(`Expected an attribute name at position ${token.at} of the filter, found "${token.text}".`);
        const bracket = this.tokens[this.position];
        if (bracket?.type === 'punct' && bracket.text === '[') {
            this.position++;
            const inner = this.parseOr();
            this.expect(']');
            return { kind: 'member', attribute: token.text, inner };
        }
        const operatorToken = this.next('an operator');
        const operator = operatorToken.text.toLowerCase() as Operator;
        if (operatorToken.type !== 'word' || !operators.has(operator)) {
            throw invalidFilter(`"${operatorToken.text}" at position ${operatorToken.at} is not a filter operator.`);
        }
        if (operator === 'pr') return { kind: 'compare', attribute: token.text, operator, value: null };
        if (operator === 'in') return { kind: 'compare', attribute: token.text, operator, value: this.parseList() };
        return { kind: 'compare', attribute: token.text, operator, value: this.parseLiteral() };
    }

    private parseList(): Literal[] {
        const open = this.next('a value list');
        const close = open.text === '[' ? ']' : ')';
        if (open.type !== 'punct' || (open.text !== '(' && open.text !== '[')) {
            throw invalidFilter(`"in" needs a list such as ("A", "B") at position ${open.at} of the filter.`);
        }
        const values: Literal[] = [this.parseLiteral()];
        while (this.tokens[this.position]?.text === ',') {
            this.position++;
            values.push(this.parseLiteral());
        }
        this.expect(close);
        return values;
    }

    private parseLiteral(): Literal {
        const token = this.next('a value');
        if (token.type === 'string') return token.text;
        if (token.type === 'word') {
            const word = token.text.toLowerCase();
            if (word === 'true' || word === 'false') return word === 'true';
            if (word === 'null') return null;
            if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
        }
        throw invalidFilter(`Expected a quoted value at position ${token.at} of the filter, found "${token.text}".`);
    }
}

/** The rules' spelling of `attribute`: SCIM attribute names are case-insensitive (RFC 7644 section 3.4.2.2). */
function ruleSpelling(attribute: string, names: readonly string[]): string | undefined {
    const lower = attribute.toLowerCase();
    return names.find((name) => name.toLowerCase() === lower);
}

/** Checks the filter against the rules and returns it with attribute names spelled as the rules spell them. */
function checkRules(node: FilterNode, rules: FilterRules): FilterNode {
    switch (node.kind) {
        case 'and':
        case 'or':
            return { ...node, left: checkRules(node.left, rules), right: checkRules(node.right, rules) };
        case 'member': {
            const attribute = ruleSpelling(node.attribute, Object.keys(rules.members ?? {}));
            const inner = attribute === undefined ? undefined : rules.members?.[attribute];
            if (attribute === undefined || !inner) throw invalidFilter(`"${node.attribute}[...]" cannot be used in this filter.`, rules);
            return { kind: 'member', attribute, inner: checkRules(node.inner, inner) };
        }
        case 'compare': {
            const allowed = rules.operators[node.operator];
            if (!allowed) throw invalidFilter(`The operator "${node.operator}" is not supported on this resource.`, rules);
            const attribute = ruleSpelling(node.attribute, allowed) ?? (allowed.includes('*') ? node.attribute : undefined);
            if (attribute === undefined) throw invalidFilter(`The attribute "${node.attribute}" cannot be filtered with "${node.operator}".`, rules);
            return { ...node, attribute };
        }
    }
}

/** Parses `filter` and checks it against what the endpoint supports; throws 400 INVALID_FILTER otherwise. */
export function parseFilter(text: string, rules: FilterRules): FilterNode {
    const tokens = tokenize(text);
    if (tokens.length === 0) throw invalidFilter('The filter is empty.');
    return checkRules(new Parser(tokens, text).parse(), rules);
}

/** A record's value for `key`, matched without regard to case when the exact spelling is absent (custom attributes). */
function field(record: Record<string, unknown>, key: string): unknown {
    if (key in record) return record[key];
    const lower = key.toLowerCase();
    const spelling = Object.keys(record).find((name) => name.toLowerCase() === lower);
    return spelling === undefined ? undefined : record[spelling];
}

/** The value at a dotted path; through an array it collects every element's value (e.g. `resources.id`). */
function valueAt(record: unknown, path: string): unknown {
    let current: unknown = record;
    for (const key of path.split('.')) {
        if (Array.isArray(current)) {
            current = current.map((item: unknown) => (typeof item === 'object' && item !== null ? field(item as Record<string, unknown>, key) : undefined));
        } else if (typeof current === 'object' && current !== null) {
            current = field(current as Record<string, unknown>, key);
        } else {
            return undefined;
        }
    }
    return current;
}

/** Milliseconds of an ISO 8601 date-time, or undefined for any other text. */
export function isoTime(text: string): number | undefined {
    if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined;
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : time;
}

/** gt/ge/lt/le: two date-times compare as instants (fractions and offsets differ in text), anything else as text. */
function ordered(actual: string, operator: 'gt' | 'ge' | 'lt' | 'le', expected: string): boolean {
    const actualTime = isoTime(actual);
    const expectedTime = isoTime(expected);
    const [a, b] = actualTime !== undefined && expectedTime !== undefined ? [actualTime, expectedTime] : [actual, expected];
    switch (operator) {
        case 'gt':
            return a > b;
        case 'ge':
            return a >= b;
        case 'lt':
            return a < b;
        case 'le':
            return a <= b;
    }
}

function compare(actual: unknown, operator: Operator, expected: Literal | Literal[]): boolean {
    if (operator === 'pr') return actual !== undefined && actual !== null && actual !== '';
    if (operator === 'in') return Array.isArray(expected) && expected.some((value) => compare(actual, 'eq', value));
    if (Array.isArray(actual)) return actual.some((item) => compare(item, operator, expected));
    if (typeof actual === 'string' && typeof expected === 'string') {
        // SCIM string comparisons are case-insensitive for PingOne's (caseExact=false) attributes.
        const a = actual.toLowerCase();
        const b = expected.toLowerCase();
        switch (operator) {
            case 'eq':
                return a === b;
            case 'ne':
                return a !== b;
            case 'sw':
                return a.startsWith(b);
            case 'ew':
                return a.endsWith(b);
            case 'co':
                return a.includes(b);
            case 'gt':
            case 'ge':
            case 'lt':
            case 'le':
                return ordered(actual, operator, expected);
        }
    }
    if (operator === 'eq') return actual === expected;
    if (operator === 'ne') return actual !== expected;
    return false;
}

/** Whether a record matches; `members` supplies the items behind `name[...]` (e.g. a user's group refs). */
export function matches(node: FilterNode, record: unknown, members: (attribute: string) => readonly unknown[] = () => []): boolean {
    switch (node.kind) {
        case 'and':
            return matches(node.left, record, members) && matches(node.right, record, members);
        case 'or':
            return matches(node.left, record, members) || matches(node.right, record, members);
        case 'member':
            return members(node.attribute).some((item) => matches(node.inner, item));
        case 'compare':
            return compare(valueAt(record, node.attribute), node.operator, node.value);
    }
}

/** Every comparison in the filter, for endpoints that demand one (e.g. a recordedAt range on activities). */
export function comparisons(node: FilterNode): Array<Extract<FilterNode, { kind: 'compare' }>> {
    if (node.kind === 'compare') return [node];
    if (node.kind === 'member') return comparisons(node.inner);
    return [...comparisons(node.left), ...comparisons(node.right)];
}
