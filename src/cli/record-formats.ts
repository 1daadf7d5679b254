import { IDENTIFYING_FIELDS, MODELS } from '../../connectors/shared/models.js';
import type { RecordPage } from '../store/index.js';
import { formatTable } from './table.js';

// How `records` prints a page: a table a person reads (the id and a few identifying fields of the
// model), or one of the formats tools read (JSON with the page's cursor, NDJSON, CSV).

export const recordFormats = ['table', 'json', 'ndjson', 'csv'] as const;
export type RecordFormat = (typeof recordFormats)[number];

type Row = RecordPage['records'][number];

function isModel(model: string): model is keyof typeof MODELS {
    return Object.hasOwn(MODELS, model);
}

/** The table's columns: the model's identifying fields; for a model of other scripts, the first few plain fields of the records. */
function columnsOf(model: string, records: readonly Row[]): string[] {
    if (isModel(model)) return [...IDENTIFYING_FIELDS[model]];
    const plain = new Set<string>();
    for (const record of records) {
        for (const [key, value] of Object.entries(record)) if (key !== 'id' && key !== '_nango_metadata' && typeof value !== 'object') plain.add(key);
    }
    return [...plain].slice(0, 3);
}

function text(value: unknown): string {
    if (value === undefined || value === null) return '';
    const shown = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return shown.length > 48 ? `${shown.slice(0, 47)}…` : shown;
}

function table(model: string, page: RecordPage): string {
    const columns = columnsOf(model, page.records);
    const rows = page.records.map((record) => [String(record.id), ...columns.map((column) => text(record[column])), record._nango_metadata.last_action]);
    return formatTable(['id', ...columns, 'last action'], rows);
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. Every top-level field is a column. */
function csv(page: RecordPage): string {
    const columns = [...new Set(page.records.flatMap((record) => Object.keys(record)))].filter((key) => key !== '_nango_metadata');
    const headers = [...columns, 'last_action', 'last_modified_at', 'deleted_at'];
    const field = (value: unknown) => {
        const shown = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        return /[",\r\n]/.test(shown) ? `"${shown.replace(/"/g, '""')}"` : shown;
    };
    const lines = page.records.map((record) =>
        [
            ...columns.map((column) => record[column]),
            record._nango_metadata.last_action,
            record._nango_metadata.last_modified_at,
            record._nango_metadata.deleted_at,
        ]
            .map(field)
            .join(','),
    );
    return `${[headers.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The page in the chosen format: what goes to stdout. */
export function formatRecords(model: string, page: RecordPage, format: RecordFormat): string {
    switch (format) {
        case 'json':
            return `${JSON.stringify(page, null, 2)}\n`;
        case 'ndjson':
            return page.records.map((record) => `${JSON.stringify(record)}\n`).join('');
        case 'csv':
            return page.records.length === 0 ? '' : csv(page);
        case 'table':
            return page.records.length === 0 ? '' : table(model, page);
    }
}
