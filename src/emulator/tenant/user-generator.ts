import { hash32, indexedUuid } from '../random.js';
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

function pick<T>(list: readonly T[], hash: number): T {
    return list[hash % list.length] as T;
}

/**
 * User number `index` of a seeded tenant, built from (seed, index) alone: the 1,000,000-user
 * tenant holds no user objects until one is changed. Every choice is a pure function of the index.
 */
export function generateUser(context: GeneratorContext, index: number): UserRecord {
    const h = hash32(`${context.seed}:user:${index}`);
    const h2 = hash32(`${h}:${index}`);
    const given = pick(givenNames, h);
    const family = pick(familyNames, h >>> 8);
    const username = `${given}.${family}${index}`.toLowerCase();
    const city = pick(cities, h2);
    const populationId = context.populationIds[index % context.populationIds.length] as string;
    const createdAt = new Date(epoch + index * 61_000).toISOString();
    const updatedAt = new Date(epoch + index * 61_000 + (h2 % 400) * day).toISOString();
    const id = indexedUuid(context.seed, 'user', index);
    const enabled = index % 23 !== 7;
    const locked = index % 31 === 11;
    const mfaEnabled = index % 3 === 0;
    const phone = `+1415555${String(index % 10_000).padStart(4, '0')}`;
    const body: Json = {
        id,
        environment: { id: context.environmentId },
        population: { id: populationId },
        username,
        email: `${username}@example.com`,
        emailVerified: index % 5 !== 0,
        name: { given, family, formatted: `${given} ${family}` },
        title: pick(titles, h2 >>> 4),
        mobilePhone: phone,
        ...(index % 4 === 0 ? { primaryPhone: `+1303555${String((index * 7) % 10_000).padStart(4, '0')}` } : {}),
        address: {
            streetAddress: `${(h2 % 900) + 100} ${pick(streets, h2 >>> 12)}`,
            locality: city.locality,
            region: city.region,
            postalCode: city.postalCode,
            countryCode: city.countryCode,
        },
        locale: city.locale,
        preferredLanguage: city.locale.slice(0, 2),
        timezone: city.timezone,
        externalId: `EXT-${String(index).padStart(7, '0')}`,
        enabled,
        mfaEnabled,
        lifecycle: { status: 'ACCOUNT_OK' },
        account: locked
            ? { canAuthenticate: false, status: 'LOCKED', lockedAt: updatedAt, secondsUntilUnlock: 900 }
            : { canAuthenticate: enabled, status: 'OK' },
        identityProvider: { type: 'PING_ONE' },
        verifyStatus: 'NOT_INITIATED',
        ...(index % 2 === 0 ? { lastSignOn: { at: updatedAt, remoteIp: `203.0.113.${index % 250}` } } : {}),
        createdAt,
        updatedAt,
        // Custom attributes are top-level keys in PingOne.
        department: pick(departments, h2 >>> 20),
        employeeNumber: `E${100_000 + index}`,
    };
    const groupIds = context.groups
        .filter((group) => (group.populationId === undefined || group.populationId === populationId) && hash32(`${h}:${group.id}`) % 3 === 0)
        .map((group) => group.id);
    const devices: Json[] = [];
    if (mfaEnabled) {
        devices.push({ id: indexedUuid(context.seed, 'device-email', index), type: 'EMAIL', status: 'ACTIVE', email: body.email, nickname: 'Work email' });
        devices.push(
            index % 2 === 0
                ? { id: indexedUuid(context.seed, 'device-sms', index), type: 'SMS', status: 'ACTIVE', phone, nickname: 'Mobile' }
                : {
                      id: indexedUuid(context.seed, 'device-totp', index),
                      type: 'TOTP',
                      status: index % 9 === 3 ? 'ACTIVATION_REQUIRED' : 'ACTIVE',
                      nickname: 'Authenticator',
                  },
        );
        for (const device of devices) {
            Object.assign(device, { user: { id }, environment: { id: context.environmentId }, createdAt, updatedAt: createdAt });
        }
    }
    return {
        body,
        groupIds,
        password: index % 17 === 3 ? { status: 'NO_PASSWORD' } : { status: locked ? 'PASSWORD_LOCKED_OUT' : 'OK', lastChangedAt: createdAt },
        devices,
    };
}
