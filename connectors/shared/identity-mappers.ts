// PingOne's user schema attributes, user sessions and MFA devices' lock state to records (see mappers.ts for the conventions).
import * as z from 'zod';

import { present, readers, toMfaDevice, type Raw } from './mappers.js';
import { MfaDevice, type UserSchemaAttribute, type UserSession } from './models.js';

const { obj, str, bool, refId, requiredId } = readers;

export function toUserSchemaAttribute(raw: Raw): UserSchemaAttribute {
    return present<UserSchemaAttribute>({
        id: requiredId(raw, 'schema attribute'),
        schemaId: refId(raw['schema']),
        name: str(raw['name']),
        displayName: str(raw['displayName']),
        description: str(raw['description']),
        type: str(raw['type']),
        schemaType: str(raw['schemaType']),
        enabled: bool(raw['enabled']),
        required: bool(raw['required']),
        unique: bool(raw['unique']),
        multiValued: bool(raw['multiValued']),
        environmentId: refId(raw['environment']),
    });
}

/** `{name, version}` as one label, e.g. "Chrome 131.0.0". */
function label(value: unknown): string | undefined {
    const parts = [str(obj(value)?.['name']), str(obj(value)?.['version'])].filter((part) => part !== undefined && part !== '');
    return parts.length > 0 ? parts.join(' ') : undefined;
}

export function toUserSession(userId: string, raw: Raw): UserSession {
    const lastSignOn = obj(raw['lastSignOn']);
    return present<UserSession>({
        id: requiredId(raw, 'session'),
        userId,
        createdAt: str(raw['createdAt']),
        activeAt: str(raw['activeAt']),
        lastSignOnAt: str(lastSignOn?.['at']),
        lastSignOnRemoteIp: str(lastSignOn?.['remoteIp']),
        browser: label(raw['browser']),
        operatingSystem: label(raw['operatingSystem']),
        deviceType: str(obj(raw['device'])?.['type']),
    });
}

/** An MFA device with its lock state (`lock.status`, `lock.expiresAt`: https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices.html). */
export const MfaDeviceDetail = MfaDevice.extend({
    /** `LOCKED` while too many failed attempts keep it locked. */
    lockStatus: z.string().optional(),
    lockExpiresAt: z.string().optional(),
});
export type MfaDeviceDetail = z.infer<typeof MfaDeviceDetail>;

export function toMfaDeviceDetail(userId: string, raw: Raw): MfaDeviceDetail {
    const lock = obj(raw['lock']);
    return { ...toMfaDevice(userId, raw), ...present({ lockStatus: str(lock?.['status']), lockExpiresAt: str(lock?.['expiresAt']) }) };
}
