// The body of a subscription (webhook), checked as PingOne documents it: the Create and Update pages'
// request model (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks/create-subscriptions.html,
// https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks/update-subscription.html) and the
// data model (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html). What those pages
// do not say PingOne accepts is refused (unknown keys, action types the audit log does not record).
import { AUDIT_ACTION_TYPES } from '../../../connectors/shared/pingone.generated.js';
import { requiredName } from '../api/entity-routes.js';
import { apiErrors } from '../http/api-error.js';
import type { Json } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';

/** "maximum of 10 IDs in the array" for applications and populations (the data model). */
const MAX_IDS = 10;
const SERVER_MANAGED = ['id', 'environment', 'createdAt', 'updatedAt', '_links'];
const TOP_LEVEL = ['name', 'enabled', 'verifyTlsCertificates', 'format', 'filterOptions', 'httpEndpoint', 'tlsClientAuthKeyPair'];
const FILTER_KEYS = ['includedActionTypes', 'includedApplications', 'includedPopulations', 'includedTags', 'ipAddressExposed', 'userAgentExposed'];
const ENDPOINT_KEYS = ['url', 'headers'];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

function onlyKeys(value: Json, allowed: readonly string[], where: string): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) throw apiErrors.invalidValue(`${where}${key}`, `${where}${key} is not an attribute of a subscription.`);
    }
}

function objectAt(body: Json, field: string, target = field): Json {
    const value = body[field];
    if (value === undefined || value === null) throw apiErrors.required(target);
    if (typeof value !== 'object' || Array.isArray(value)) throw apiErrors.invalidValue(target, `${target} must be a JSON object.`);
    return value as Json;
}

function booleanAt(body: Json, field: string, target: string, required: boolean): boolean | undefined {
    const value = body[field];
    if (value === undefined && !required) return undefined;
    if (value === undefined || value === null) throw apiErrors.required(target);
    if (typeof value !== 'boolean') throw apiErrors.invalidValue(target, `${target} must be true or false.`);
    return value;
}

/**
 * `httpEndpoint.url`: "a valid HTTPS URL" (the data model; the admin guide's webhook page: "your endpoint
 * must be an HTTPS server"), IPv4 only ("Use only IPv4 addresses for webhooks"). Plain http is accepted
 * for a loopback host alone, because the emulator and its listener run on this machine with no
 * certificate a client would trust; PingOne itself never accepts it.
 */
function endpointUrl(value: unknown): string {
    if (typeof value !== 'string' || value === '') throw apiErrors.required('httpEndpoint.url');
    let url: URL;
    try {
        url = new URL(value);
    } catch {
        throw apiErrors.invalidValue('httpEndpoint.url', 'httpEndpoint.url must be a valid URL.');
    }
    if (url.hostname.startsWith('[')) throw apiErrors.invalidValue('httpEndpoint.url', 'Use only IPv4 addresses for webhooks.');
    const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !loopbackHttp) throw apiErrors.invalidValue('httpEndpoint.url', 'httpEndpoint.url must be an HTTPS URL.');
    if (url.username !== '' || url.password !== '') {
        throw apiErrors.invalidValue('httpEndpoint.url', 'httpEndpoint.url must not carry credentials; send them in httpEndpoint.headers.');
    }
    return url.toString();
}

/** `httpEndpoint.headers`: "An object map of strings" applied to each delivery (e.g. Authorization). */
function endpointHeaders(value: unknown): Record<string, string> | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw apiErrors.invalidValue('httpEndpoint.headers', 'httpEndpoint.headers must be an object map of strings.');
    }
    const headers: Record<string, string> = {};
    for (const [name, headerValue] of Object.entries(value as Json)) {
        if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof headerValue !== 'string' || /[\r\n\0]/.test(headerValue)) {
            throw apiErrors.invalidValue(`httpEndpoint.headers.${name}`, 'Each header needs a valid name and a string value.');
        }
        headers[name] = headerValue;
    }
    return headers;
}

function idList(tenant: Tenant, filter: Json, field: 'includedApplications' | 'includedPopulations'): Array<{ id: string }> | undefined {
    const value = filter[field];
    if (value === undefined) return undefined;
    const target = `filterOptions.${field}`;
    if (!Array.isArray(value) || value.length > MAX_IDS)
        throw apiErrors.invalidValue(target, `${target} must be an array of at most ${MAX_IDS} {"id"} objects.`);
    const known = field === 'includedPopulations' ? tenant.populations : tenant.applications;
    return value.map((item: unknown) => {
        const id = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Json).id : undefined;
        if (typeof id !== 'string' || Object.keys(item as Json).length !== 1) throw apiErrors.invalidValue(target, `Each of ${target} is {"id": "..."}.`);
        if (!known.has(id)) throw apiErrors.invalidValue(target, `${target} names ${id}, which this environment does not have.`);
        return { id };
    });
}

function actionTypes(filter: Json): string[] {
    const value = filter.includedActionTypes;
    const target = 'filterOptions.includedActionTypes';
    if (value === undefined) throw apiErrors.required(target);
    // "A non-empty array that specifies the list of audit events that should be matched" (the data model).
    if (!Array.isArray(value) || value.length === 0) throw apiErrors.invalidValue(target, `${target} must be a non-empty array of action types.`);
    const known: readonly string[] = AUDIT_ACTION_TYPES;
    for (const type of value) {
        if (typeof type !== 'string' || !known.includes(type)) throw apiErrors.invalidValue(target, `${String(type)} is not an audit action type.`);
    }
    return [...new Set(value as string[])];
}

function filterOptions(tenant: Tenant, body: Json): Json {
    const filter = objectAt(body, 'filterOptions');
    onlyKeys(filter, FILTER_KEYS, 'filterOptions.');
    // `includedTags` (adminIdentityEvent) needs events the emulator does not tag: refused rather than matched wrongly.
    if (filter.includedTags !== undefined)
        throw apiErrors.invalidValue('filterOptions.includedTags', 'The emulator does not tag events; leave includedTags out.');
    const applications = idList(tenant, filter, 'includedApplications');
    const populations = idList(tenant, filter, 'includedPopulations');
    const ipAddressExposed = booleanAt(filter, 'ipAddressExposed', 'filterOptions.ipAddressExposed', false);
    const userAgentExposed = booleanAt(filter, 'userAgentExposed', 'filterOptions.userAgentExposed', false);
    return {
        includedActionTypes: actionTypes(filter),
        ...(applications ? { includedApplications: applications } : {}),
        ...(populations ? { includedPopulations: populations } : {}),
        ipAddressExposed: ipAddressExposed ?? false,
        userAgentExposed: userAgentExposed ?? false,
    };
}

/**
 * `format`: ACTIVITY, SPLUNK or NEWRELIC are documented; the emulator delivers ACTIVITY (the audit
 * activity as the activities API returns it) and refuses the two others rather than fake them.
 */
function format(body: Json): 'ACTIVITY' {
    const value = body.format;
    if (value === undefined || value === null) throw apiErrors.required('format');
    if (value !== 'ACTIVITY') throw apiErrors.invalidValue('format', 'The emulator delivers the ACTIVITY format only.');
    return value;
}

/** A new or replacing subscription body, checked; the stored attributes (no id or timestamps). */
export function subscriptionBody(tenant: Tenant, raw: Json): Json {
    const body = Object.fromEntries(Object.entries(raw).filter(([key]) => !SERVER_MANAGED.includes(key)));
    onlyKeys(body, TOP_LEVEL, '');
    // No keys can be uploaded to the emulator, so no mTLS key pair can be named.
    if (body.tlsClientAuthKeyPair !== undefined) throw apiErrors.invalidValue('tlsClientAuthKeyPair', 'The emulator has no key with that ID.');
    const endpoint = objectAt(body, 'httpEndpoint');
    onlyKeys(endpoint, ENDPOINT_KEYS, 'httpEndpoint.');
    const headers = endpointHeaders(endpoint.headers);
    return {
        name: requiredName(body, 'name'),
        enabled: booleanAt(body, 'enabled', 'enabled', true),
        verifyTlsCertificates: booleanAt(body, 'verifyTlsCertificates', 'verifyTlsCertificates', true),
        format: format(body),
        filterOptions: filterOptions(tenant, body),
        httpEndpoint: { url: endpointUrl(endpoint.url), ...(headers ? { headers } : {}) },
    };
}
