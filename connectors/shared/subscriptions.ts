// Webhook subscriptions (https://developer.pingidentity.com/pingone-api/platform/subscriptions-webhooks.html):
// the actions' inputs, the body PingOne takes, and the output. Header values (an Authorization secret,
// typically) are write-only here: they go to PingOne and never come back out of an action, whatever
// PingOne answers; the output names the headers only.
import * as z from 'zod';

import { aResource } from './answers.js';
import type { PingOneContext } from './connection.js';
import type { PingOneCall } from './http.js';
import { IdInput, NameInput } from './inputs.js';
import type { Raw } from './mappers.js';
import type { CollectionRequest } from './paging.js';

/** RFC 9110 token; the value may not break the header line. Lengths and counts are ours (PingOne documents none). */
const HeaderName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/, "a header name (letters, digits and !#$%&'*+.^_`|~-)");
const HeaderValue = z
    .string()
    .min(1)
    .max(4096)
    .regex(/^[^\r\n\0]*$/, 'a header value on one line');
const MAX_HEADERS = 10;

/**
 * "A valid HTTPS URL" (the data model). PingOne refuses plain http; the emulator takes it for a loopback
 * host, which is how the local `listen` command receives deliveries, so the input does too.
 */
function isHttpsOrLoopback(value: string): boolean {
    try {
        const url = new URL(value);
        return url.protocol === 'https:' || (url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost'));
    } catch {
        return false;
    }
}

/** The fields of a subscription an action may set. */
export const SubscriptionFields = z.strictObject({
    name: NameInput,
    url: z
        .string()
        .max(2048)
        .refine(isHttpsOrLoopback, 'an https URL (plain http only for 127.0.0.1 or localhost, the emulator)')
        .meta({ examples: ['https://hooks.example.com/pingone'] }),
    headers: z
        .record(HeaderName, HeaderValue)
        .refine((value) => Object.keys(value).length <= MAX_HEADERS, `at most ${MAX_HEADERS} headers`)
        .optional()
        .describe(
            'Sent with every delivery, e.g. {"Authorization": "Bearer <secret>"}: how the endpoint knows a delivery comes from PingOne. Values are secrets: no output shows them.',
        ),
    actionTypes: z
        .array(z.string().regex(/^[A-Z][A-Z_]*(\.[A-Z_]+)+$/, 'an audit action type such as USER.CREATED'))
        .min(1)
        .max(100)
        .meta({ examples: [['USER.CREATED', 'USER.UPDATED', 'USER.DELETED']] })
        .describe('The audit action types delivered, e.g. ["USER.CREATED", "USER.UPDATED", "USER.DELETED"].'),
    populationIds: z.array(IdInput).max(10).optional().describe('Only events on users of these populations (at most 10).'),
    applicationIds: z.array(IdInput).max(10).optional().describe('Only events these applications caused (at most 10).'),
    enabled: z.boolean().optional().describe('Default true. A suspended subscription keeps its events (up to two weeks) and delivers them once enabled.'),
    verifyTlsCertificates: z.boolean().optional().describe('Default true. False trusts any certificate: a security risk.'),
});
export type SubscriptionFields = z.infer<typeof SubscriptionFields>;

export const Subscription = z.object({
    id: z.string(),
    name: z.string(),
    enabled: z.boolean(),
    url: z.string().describe('The endpoint, without any query (which may carry a token).'),
    headerNames: z.array(z.string()).describe('The headers each delivery carries; their values are never shown.'),
    actionTypes: z.array(z.string()),
    populationIds: z.array(z.string()),
    applicationIds: z.array(z.string()),
    verifyTlsCertificates: z.boolean(),
    format: z.string(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
});
export type Subscription = z.infer<typeof Subscription>;

/** The body PingOne's create and update (PUT) take: every attribute, ACTIVITY format. */
export function subscriptionBody(fields: SubscriptionFields): Raw {
    const ids = (list: string[] | undefined) => list?.map((id) => ({ id }));
    return {
        name: fields.name,
        enabled: fields.enabled ?? true,
        verifyTlsCertificates: fields.verifyTlsCertificates ?? true,
        format: 'ACTIVITY',
        filterOptions: {
            includedActionTypes: fields.actionTypes,
            ...(fields.populationIds?.length ? { includedPopulations: ids(fields.populationIds) } : {}),
            ...(fields.applicationIds?.length ? { includedApplications: ids(fields.applicationIds) } : {}),
        },
        httpEndpoint: { url: fields.url, ...(fields.headers ? { headers: fields.headers } : {}) },
    };
}

function record(value: unknown): Raw {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function strings(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function idsOf(value: unknown): string[] {
    return Array.isArray(value) ? strings(value.map((item) => record(item)['id'])) : [];
}

function withoutQuery(url: string): string {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    } catch {
        return '';
    }
}

/** PingOne's subscription as the output: header names only, the URL without its query. */
export function toSubscription(raw: Raw): Subscription {
    const filter = record(raw['filterOptions']);
    const endpoint = record(raw['httpEndpoint']);
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const createdAt = text(raw['createdAt']);
    const updatedAt = text(raw['updatedAt']);
    return {
        id: String(raw['id']),
        name: text(raw['name']) ?? '',
        enabled: raw['enabled'] === true,
        url: withoutQuery(text(endpoint['url']) ?? ''),
        headerNames: Object.keys(record(endpoint['headers'])),
        actionTypes: strings(filter['includedActionTypes']),
        populationIds: idsOf(filter['includedPopulations']),
        applicationIds: idsOf(filter['includedApplications']),
        verifyTlsCertificates: raw['verifyTlsCertificates'] !== false,
        format: text(raw['format']) ?? 'ACTIVITY',
        ...(createdAt ? { createdAt } : {}),
        ...(updatedAt ? { updatedAt } : {}),
    };
}

/** PingOne's subscription back as the fields an update starts from; `headers` only says which it has (update-subscription). */
export function fieldsOf(raw: Raw): SubscriptionFields {
    const filter = record(raw['filterOptions']);
    const endpoint = record(raw['httpEndpoint']);
    const headers = Object.fromEntries(Object.entries(record(endpoint['headers'])).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    return {
        name: String(raw['name'] ?? ''),
        url: String(endpoint['url'] ?? ''),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        actionTypes: strings(filter['includedActionTypes']),
        populationIds: idsOf(filter['includedPopulations']),
        applicationIds: idsOf(filter['includedApplications']),
        enabled: raw['enabled'] === true,
        verifyTlsCertificates: raw['verifyTlsCertificates'] !== false,
    };
}

export function subscriptionRead(context: PingOneContext, id: string, doing: string): PingOneCall {
    return {
        method: 'GET',
        endpoint: `${context.environmentPath}/subscriptions/${id}`,
        idempotent: true,
        answer: aResource,
        doing,
        roles: 'subscriptionsRead',
    };
}

export function subscriptionsRequest(context: PingOneContext): CollectionRequest {
    return { path: `${context.environmentPath}/subscriptions`, embedded: 'subscriptions', doing: 'list webhook subscriptions', roles: 'subscriptionsRead' };
}
