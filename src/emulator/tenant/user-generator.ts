import { hash32, indexedUuids } from '../random.js';
import { cities, departments, familyNames, givenNames, streets, titles } from './names.js';
import type { Json, UserRecord } from './records.js';

/** What a generated user may point at: the tenant's populations and groups. */
export interface GeneratorContext {
    seed: string;
    environmentId: string;
    populationIds: readonly string[];
    /** Environment-wide groups, and population groups with their population. */
    groups: ReadonlyArray<{ id: string; populationId?: string }>;
}

const epoch = Date.parse('2024-01-08T09:00:00.000Z');
const day = 86_400_000;

const dayPrefixes = new Map<number, string>();

function two(value: number): string {
    return value < 10 ? `0${value}` : String(value);
}

/** `new Date(ms).toISOString()` for whole-second instants, with each day's `YYYY-MM-DDT` built once (this runs twice per user served). */
function isoSeconds(ms: number): string {
    const dayNumber = Math.floor(ms / day);
    let prefix = dayPrefixes.get(dayNumber);
    if (prefix === undefined) {
        prefix = new Date(dayNumber * day).toISOString().slice(0, 11);
        dayPrefixes.set(dayNumber, prefix);
    }
    const seconds = Math.floor((ms - dayNumber * day) / 1000);
    return `${prefix}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.000Z`;
}

function pick<T>(list: readonly T[], hash: number): T {
    return list[hash % list.length] as T;
}

const quote = (text: string) => JSON.stringify(text);
const quoted = <T extends string>(list: readonly T[]) => list.map((text) => ({ text, json: quote(text) }));

// The word lists as JSON text, escaped once: a page of users is assembled from these pieces.
const givenJson = quoted(givenNames);
const familyJson = quoted(familyNames);
const titleJson = titles.map(quote);
const departmentJson = departments.map(quote);
const streetText = [...streets];
const cityJson = cities.map((city) => ({
    address: `"locality":${quote(city.locality)},"region":${quote(city.region)},"postalCode":${quote(city.postalCode)},"countryCode":${quote(city.countryCode)}}`,
    locale: `"locale":${quote(city.locale)},"preferredLanguage":${quote(city.locale.slice(0, 2))},"timezone":${quote(city.timezone)}`,
}));

export interface GeneratedJson {
    id: string;
    /**
     * The body as JSON text without its opening brace (key order as PingOne's user examples), so that
     * `{"_links":…,` can go in front without copying the body.
     */
    members: string;
}

/** Every choice about one generated user, a pure function of (seed, index). */
interface UserFacts extends GeneratedJson {
    id: string;
    h: number;
    populationId: string;
    username: string;
    email: string;
    phone: string;
    createdAt: string;
    updatedAt: string;
    enabled: boolean;
    locked: boolean;
    mfaEnabled: boolean;
}

/**
 * The users of a seeded tenant, each built from (seed, index) alone: the 1,000,000-user tenant holds
 * no user objects until one is changed. A user's body is produced as JSON text (the list path sends
 * it as is, with no object in between) and parsed only where an object is needed.
 */
export class UserGenerator {
    readonly seed: string;
    private readonly hashPrefix: number;
    private readonly userIds: (index: number) => string;
    private readonly emailDeviceIds: (index: number) => string;
    private readonly smsDeviceIds: (index: number) => string;
    private readonly totpDeviceIds: (index: number) => string;
    private readonly environmentJson: string;
    private readonly populationJson: string[];

    constructor(private readonly context: GeneratorContext) {
        this.seed = context.seed;
        this.hashPrefix = hash32(`${context.seed}:user:`);
        this.userIds = indexedUuids(context.seed, 'user');
        this.emailDeviceIds = indexedUuids(context.seed, 'device-email');
        this.smsDeviceIds = indexedUuids(context.seed, 'device-sms');
        this.totpDeviceIds = indexedUuids(context.seed, 'device-totp');
        this.environmentJson = `{"id":${quote(context.environmentId)}}`;
        this.populationJson = context.populationIds.map((id) => `{"id":${quote(id)}}`);
    }

    /** The id user `index` is generated with. */
    id(index: number): string {
        return this.userIds(index);
    }

    /** The population user `index` is generated in, without generating the user. */
    populationId(index: number): string {
        return this.context.populationIds[index % this.context.populationIds.length] as string;
    }

    /** User `index`'s id and body text: `{` + members is the text `JSON.stringify(record(index).body)` gives. */
    json(index: number): GeneratedJson {
        return this.facts(index);
    }

    record(index: number): UserRecord {
        const facts = this.facts(index);
        const { h, id, populationId, createdAt } = facts;
        const groupIds = this.context.groups
            .filter((group) => (group.populationId === undefined || group.populationId === populationId) && hash32(`${h}:${group.id}`) % 3 === 0)
            .map((group) => group.id);
        const devices: Json[] = [];
        if (facts.mfaEnabled) {
            devices.push({ id: this.emailDeviceIds(index), type: 'EMAIL', status: 'ACTIVE', email: facts.email, nickname: 'Work email' });
            devices.push(
                index % 2 === 0
                    ? { id: this.smsDeviceIds(index), type: 'SMS', status: 'ACTIVE', phone: facts.phone, nickname: 'Mobile' }
                    : { id: this.totpDeviceIds(index), type: 'TOTP', status: index % 9 === 3 ? 'ACTIVATION_REQUIRED' : 'ACTIVE', nickname: 'Authenticator' },
            );
            for (const device of devices) {
                Object.assign(device, { user: { id }, environment: { id: this.context.environmentId }, createdAt, updatedAt: createdAt });
            }
        }
        return {
            body: JSON.parse(`{${facts.members}`) as Json,
            groupIds,
            password: index % 17 === 3 ? { status: 'NO_PASSWORD' } : { status: facts.locked ? 'PASSWORD_LOCKED_OUT' : 'OK', lastChangedAt: createdAt },
            devices,
        };
    }

    private facts(index: number): UserFacts {
        const h = hash32(String(index), this.hashPrefix);
        const h2 = hash32(`${h}:${index}`);
        const given = pick(givenJson, h);
        const family = pick(familyJson, h >>> 8);
        const username = `${given.text}.${family.text}${index}`.toLowerCase();
        const email = `${username}@example.com`;
        const city = pick(cityJson, h2);
        const createdAt = isoSeconds(epoch + index * 61_000);
        const updatedAt = isoSeconds(epoch + index * 61_000 + (h2 % 400) * day);
        const id = this.userIds(index);
        const enabled = index % 23 !== 7;
        const locked = index % 31 === 11;
        const mfaEnabled = index % 3 === 0;
        const phone = `+1415555${String(index % 10_000).padStart(4, '0')}`;
        const primaryPhone = index % 4 === 0 ? `"primaryPhone":"+1303555${String((index * 7) % 10_000).padStart(4, '0')}",` : '';
        const account = locked
            ? `{"canAuthenticate":false,"status":"LOCKED","lockedAt":"${updatedAt}","secondsUntilUnlock":900}`
            : `{"canAuthenticate":${enabled},"status":"OK"}`;
        const lastSignOn = index % 2 === 0 ? `"lastSignOn":{"at":"${updatedAt}","remoteIp":"203.0.113.${index % 250}"},` : '';
        // Custom attributes (department, employeeNumber) are top-level keys in PingOne.
        const members =
            `"id":"${id}","environment":${this.environmentJson},"population":${this.populationJson[index % this.populationJson.length] as string},` +
            `"username":${quote(username)},"email":${quote(email)},"emailVerified":${index % 5 !== 0},` +
            `"name":{"given":${given.json},"family":${family.json},"formatted":${quote(`${given.text} ${family.text}`)}},` +
            `"title":${pick(titleJson, h2 >>> 4)},"mobilePhone":"${phone}",${primaryPhone}` +
            `"address":{"streetAddress":${quote(`${(h2 % 900) + 100} ${pick(streetText, h2 >>> 12)}`)},${city.address},${city.locale},` +
            `"externalId":"EXT-${String(index).padStart(7, '0')}","enabled":${enabled},"mfaEnabled":${mfaEnabled},` +
            `"lifecycle":{"status":"ACCOUNT_OK"},"account":${account},"identityProvider":{"type":"PING_ONE"},"verifyStatus":"NOT_INITIATED",` +
            `${lastSignOn}"createdAt":"${createdAt}","updatedAt":"${updatedAt}",` +
            `"department":${pick(departmentJson, h2 >>> 20)},"employeeNumber":"E${100_000 + index}"}`;
        return {
            id,
            h,
            populationId: this.populationId(index),
            username,
            email,
            phone,
            createdAt,
            updatedAt,
            enabled,
            locked,
            mfaEnabled,
            members,
        };
    }
}
