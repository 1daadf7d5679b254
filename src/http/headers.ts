import type { Dispatcher } from 'undici';

export type HeaderRecord = Record<string, string | string[]>;

/** undici accepts headers in four shapes; interceptors that read or add one want a plain record with lower-case names. */
export function headerRecord(headers: Dispatcher.DispatchOptions['headers']): HeaderRecord {
    const record: HeaderRecord = {};
    const add = (name: string, value: string | string[] | undefined) => {
        if (value === undefined) return;
        const key = name.toLowerCase();
        const existing = record[key];
        record[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
    };
    if (headers == null) return record;
    if (Array.isArray(headers)) {
        for (let index = 0; index + 1 < headers.length; index += 2) add(String(headers[index]), String(headers[index + 1]));
    } else if (isIterable(headers)) {
        for (const [name, value] of headers) add(name, value);
    } else {
        for (const [name, value] of Object.entries(headers)) add(name, value);
    }
    return record;
}

/** The first value of a response or request header. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
}

function isIterable(value: object): value is Iterable<[string, string | string[] | undefined]> {
    return typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}
