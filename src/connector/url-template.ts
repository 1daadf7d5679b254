import { InvalidConfigError } from '../errors/index.js';
import type { FieldDefinition } from './provider-definition.js';

// Nango fills `${connectionConfig.x}` by string substitution and then parses whatever comes out; a
// `tld` of `com@evil.example` moves the token request to evil.example. Here a value only reaches a
// URL after its own field's enum or pattern accepted it, a host part may only be an enum member or a
// single DNS label, a path part never a dot segment, and the parsed URL must still be exactly the
// host and path that were assembled.

const placeholderPattern = /\$\{connectionConfig\.([A-Za-z0-9_.-]+)\}/g;
const templatePattern = /^https:\/\/([^/?#@\s]+)(\/[^?#@\s]*)?$/;
const dnsLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const dnsName = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const pathSegmentValue = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

export type Fields = Readonly<Record<string, FieldDefinition>>;
type Where = 'host' | 'path' | 'value';

/** The connection-config fields a template names, in order of appearance. */
export function placeholdersOf(template: string): string[] {
    return [...template.matchAll(placeholderPattern)].map((match) => match[1] ?? '');
}

/** `https://host/path` from a template, or InvalidConfigError naming the field that would have bent it. */
export function buildUrl(template: string, config: Readonly<Record<string, string>>, fields: Fields): URL {
    const parts = templatePattern.exec(template);
    if (parts === null) throw new InvalidConfigError('', `The URL template ${template} is not an https URL template.`);
    const [, hostTemplate = '', pathTemplate = ''] = parts;
    const host = fill(hostTemplate, config, fields, 'host');
    const path = fill(pathTemplate, config, fields, 'path');
    const blame = placeholdersOf(hostTemplate)[0] ?? placeholdersOf(pathTemplate)[0] ?? '';
    if (!dnsName.test(host)) throw new InvalidConfigError(blame, `The host "${host}" built from the connection config is not a valid host name.`);
    const url = new URL(`https://${host}${path}`);
    const exact = url.hostname === host && url.pathname === (path === '' ? '/' : path);
    if (!exact || url.username !== '' || url.password !== '' || url.port !== '' || url.search !== '' || url.hash !== '') {
        throw new InvalidConfigError(blame, `The connection config turns ${template} into a URL that leaves https://${host}${path}; it was not used.`);
    }
    return url;
}

/** A template used as a plain value (e.g. a token parameter), each placeholder checked against its field. */
export function fillValue(template: string, config: Readonly<Record<string, string>>, fields: Fields): string {
    return fill(template, config, fields, 'value');
}

function fill(template: string, config: Readonly<Record<string, string>>, fields: Fields, where: Where): string {
    return template.replace(placeholderPattern, (_, name: string) => safeValue(name, config[name], fields[name], where));
}

function safeValue(name: string, value: string | undefined, field: FieldDefinition | undefined, where: Where): string {
    if (field === undefined) throw new InvalidConfigError(name, `No connection-config field "${name}" is declared for this provider.`);
    if (typeof value !== 'string' || value === '') throw new InvalidConfigError(name, `${field.title} (${name}) is required.`);
    // An enum value is replaced by the list's own member: what reaches the URL is the definition's text.
    const allowed = field.enum === undefined ? value : field.enum.find((member) => member === value);
    if (allowed === undefined) throw new InvalidConfigError(name, `${field.title} (${name}) must be one of ${field.enum?.join(', ')}.`);
    if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(allowed)) {
        throw new InvalidConfigError(name, `${field.title} (${name}) does not match ${field.pattern}.`);
    }
    const safe = where === 'host' ? field.enum !== undefined || dnsLabel.test(allowed) : where === 'path' ? pathSegmentValue.test(allowed) : true;
    if (!safe) throw new InvalidConfigError(name, `${field.title} (${name}) cannot be used in a URL ${where}.`);
    return allowed;
}
