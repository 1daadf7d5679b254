// Records shaped like the `users` sync's User model, for measuring the store on its own.
import { createHash } from 'node:crypto';

/** A UUID that looks random (as PingOne's are, so inserts land all over the index) but is fixed by the index. */
function sampleUuid(index: number): string {
    const hex = createHash('sha1').update(`bench-user-${index}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
const givenNames = ['Ada', 'Bo', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ines', 'Jun'];
const familyNames = ['Novak', 'Okafor', 'Silva', 'Tanaka', 'Weber', 'Haddad', 'Kowalski', 'Larsen'];

export function sampleUser(index: number, environmentId = 'b0a1c2d3-0000-4000-8000-000000000001'): Record<string, unknown> {
    const given = givenNames[index % givenNames.length] as string;
    const family = familyNames[index % familyNames.length] as string;
    const username = `${given.toLowerCase()}.${family.toLowerCase()}${index}`;
    return {
        id: sampleUuid(index),
        environmentId,
        populationId: 'b0a1c2d3-0000-4000-8000-00000000p0p0',
        username,
        email: `${username}@example.com`,
        emailVerified: index % 3 === 0,
        name: { given, family, formatted: `${given} ${family}` },
        title: 'Engineer',
        locale: 'en-GB',
        preferredLanguage: 'en',
        timezone: 'Europe/London',
        mobilePhone: `+1415555${(index % 10000).toString().padStart(4, '0')}`,
        address: { streetAddress: `${index % 900} Elm Ave`, locality: 'London', postalCode: 'EC1A 1BB', countryCode: 'GB' },
        externalId: `EXT-${index.toString().padStart(7, '0')}`,
        enabled: index % 10 !== 0,
        mfaEnabled: index % 2 === 0,
        lifecycleStatus: 'ACCOUNT_OK',
        accountStatus: 'OK',
        canAuthenticate: true,
        identityProviderType: 'PING_ONE',
        verifyStatus: 'NOT_INITIATED',
        lastSignOnAt: '2024-08-14T09:00:00.000Z',
        createdAt: '2024-01-02T10:00:00.000Z',
        updatedAt: '2024-06-01T10:00:00.000Z',
        customAttributes: { department: `D${index % 40}`, costCenter: 1000 + (index % 97) },
    };
}
