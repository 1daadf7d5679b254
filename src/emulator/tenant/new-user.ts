import type { Json, PasswordState, UserRecord } from './records.js';

export interface NewUser {
    id: string;
    environmentId: string;
    populationId: string;
    /** The writable attributes (username, email, name, custom attributes, ...). */
    attributes: Json;
    enabled?: boolean;
    mfaEnabled?: boolean;
    emailVerified?: boolean;
    lifecycle?: Json;
    password?: PasswordState;
    at: string;
}

/** A user record with the server-managed attributes a freshly created PingOne user has. */
export function newUserRecord(user: NewUser): UserRecord {
    const enabled = user.enabled ?? true;
    return {
        body: {
            id: user.id,
            environment: { id: user.environmentId },
            population: { id: user.populationId },
            ...user.attributes,
            emailVerified: user.emailVerified ?? false,
            enabled,
            mfaEnabled: user.mfaEnabled ?? false,
            lifecycle: user.lifecycle ?? { status: 'ACCOUNT_OK' },
            account: { canAuthenticate: enabled, status: 'OK' },
            identityProvider: { type: 'PING_ONE' },
            verifyStatus: 'NOT_INITIATED',
            createdAt: user.at,
            updatedAt: user.at,
        },
        groupIds: [],
        password: user.password ?? { status: 'NO_PASSWORD' },
        devices: [],
    };
}
