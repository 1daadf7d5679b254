import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { created, json, noContent, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { randomUuid } from '../random.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { auditUser } from './audit.js';
import { listCollection } from './collection.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

// MFA devices of a user (`_embedded.devices`). Content types per
// https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/p1_Devices/
const activateType = 'application/vnd.pingidentity.device.activate+json';
const reorderType = 'application/vnd.pingidentity.devices.reorder+json';
// "Remove Device Order" is a POST to /devices with this type
// (https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/delete-device-order.html).
const orderRemoveType = 'application/vnd.pingidentity.devices.order.remove+json';
// "Unlock MFA User Device": a POST to the device with this type and an empty body
// (https://developer.pingidentity.com/pingone-api/mfa/users/mfa-devices/unlock_device.html).
const unlockType = 'application/vnd.pingidentity.device.unlock+json';
const contactFields: Record<string, 'email' | 'phone' | undefined> = {
    EMAIL: 'email',
    SMS: 'phone',
    VOICE: 'phone',
    WHATSAPP: 'phone',
    TOTP: undefined,
    OATH_TOKEN: undefined,
    FIDO2: undefined,
};

function deviceView(context: RequestContext, tenant: Tenant, record: UserRecord, device: Json): Json {
    const user = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    return withLinks(device, `${user}/devices/${String(device.id)}`, { user, environment: environmentUrl(context, tenant) });
}

function deviceOf(record: UserRecord, context: RequestContext): Json {
    const id = context.params.deviceId ?? '';
    const device = record.devices.find((candidate) => candidate.id === id);
    if (!device) throw apiErrors.notFound(`device with ID ${id}`);
    return device;
}

function changeDevices(
    tenant: Tenant,
    context: RequestContext,
    record: UserRecord,
    type: ActivityType,
    device: Json,
    change: (changed: UserRecord) => void,
): UserRecord {
    const updated = tenant.users.update(String(record.body.id), change) as UserRecord;
    auditUser(tenant, context, type, record, `${type} (${String(device.type)}) for ${String(record.body.username)}`, [
        { type: 'DEVICE', id: String(device.id), name: String(device.type) },
    ]);
    return updated;
}

function newDevice(tenant: Tenant, record: UserRecord, body: Json): Json {
    const type = body.type;
    if (type === 'MOBILE') throw apiErrors.invalidValue('type', 'MOBILE devices are paired with a pairing key, not created with POST /devices.');
    if (typeof type !== 'string' || !(type in contactFields))
        throw apiErrors.invalidValue('type', `type must be one of ${Object.keys(contactFields).join(', ')}.`);
    const contact = contactFields[type];
    const value = contact === undefined ? undefined : body[contact];
    if (contact !== undefined && (typeof value !== 'string' || value === '')) throw apiErrors.required(contact);
    if (contact === 'phone' && !/^\+[1-9]\d{6,14}$/.test(String(value)))
        throw apiErrors.invalidValue('phone', 'phone must be in international format, e.g. +14155552671.');
    const now = nowIso();
    return {
        id: randomUuid(),
        type,
        // Devices an admin creates are active at once (https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/p1_Devices/); a status in the body is honoured.
        status: body.status === 'ACTIVATION_REQUIRED' ? 'ACTIVATION_REQUIRED' : 'ACTIVE',
        ...(contact === undefined ? {} : { [contact]: value }),
        ...(typeof body.nickname === 'string' ? { nickname: body.nickname } : {}),
        user: { id: String(record.body.id) },
        environment: { id: tenant.id },
        createdAt: now,
        updatedAt: now,
    };
}

/** The devices' order changed (set or removed): one activity naming every device of the user. */
function auditOrder(tenant: Tenant, context: RequestContext, record: UserRecord, what: string): void {
    auditUser(
        tenant,
        context,
        activityTypes.deviceUpdated,
        record,
        `${what} for ${String(record.body.username)}`,
        record.devices.map((device) => ({ type: 'DEVICE' as const, id: String(device.id), name: String(device.type) })),
    );
}

/** POST /users/{id}/devices: create, reorder or remove the order, told apart by the vendor content type. */
function postDevices(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, ['application/json', reorderType, orderRemoveType]);
    const record = userOf(tenant, context);
    if (contentType === orderRemoveType) {
        // The body is empty in PingOne's example; the order is gone and no device is the default.
        auditOrder(tenant, context, record, 'Device order removed');
        return noContent();
    }
    const body = jsonBody(context);
    if (contentType === reorderType) {
        const order = Array.isArray(body.order) ? body.order.map((item) => String((item as Json).id)) : undefined;
        const ids = record.devices.map((device) => String(device.id));
        if (!order || order.length !== ids.length || !order.every((id) => ids.includes(id))) {
            throw apiErrors.invalidValue('order', 'order must list every device of the user once, as [{"id": "..."}].');
        }
        const updated = tenant.users.update(String(record.body.id), (changed) => {
            changed.devices = order.map((id) => changed.devices.find((device) => device.id === id) as Json);
        }) as UserRecord;
        auditOrder(tenant, context, updated, 'Device order set');
        return json(200, { _embedded: { devices: updated.devices.map((device) => deviceView(context, tenant, updated, device)) } });
    }
    const device = newDevice(tenant, record, body);
    changeDevices(tenant, context, record, activityTypes.deviceCreated, device, (changed) => changed.devices.push(device));
    return created(deviceView(context, tenant, record, device));
}

/** POST /users/{id}/devices/{deviceId}: activation with a one-time passcode, or unlock. */
function deviceAction(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, [activateType, unlockType]);
    const record = userOf(tenant, context);
    const device = deviceOf(record, context);
    if (contentType === unlockType) {
        // Unlocks the device and resets its failed-attempts counter: the `lock` state goes.
        const { lock: _lock, ...rest } = device;
        const unlocked = { ...rest, updatedAt: nowIso() };
        changeDevices(tenant, context, record, activityTypes.deviceUnlocked, device, (changed) => {
            changed.devices = changed.devices.map((candidate) => (candidate.id === device.id ? unlocked : candidate));
        });
        return json(200, deviceView(context, tenant, record, unlocked));
    }
    const otp = jsonBody(context).otp;
    // Any six digits pass: the emulator has no authenticator to derive a real code from.
    if (typeof otp !== 'string' || !/^\d{6}$/.test(otp))
        throw apiErrors.invalidData({ code: 'INVALID_OTP', target: 'otp', message: 'The one-time passcode is invalid.' });
    const activated = { ...device, status: 'ACTIVE', updatedAt: nowIso() };
    changeDevices(tenant, context, record, activityTypes.deviceUpdated, device, (changed) => {
        changed.devices = changed.devices.map((candidate) => (candidate.id === device.id ? activated : candidate));
    });
    return json(200, deviceView(context, tenant, record, activated));
}

const base = '/v1/environments/:environmentId/users/:userId/devices';

export const deviceRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: base,
        access: 'identity:read',
        // Self-service: p1:read:device (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
        self: { scope: 'p1:read:device' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            return json(
                200,
                listCollection(context, { collection: 'devices', items: record.devices, view: (device) => deviceView(context, tenant, record, device) }),
            );
        },
    },
    { method: 'POST', pattern: base, access: 'identity:write', handler: postDevices },
    {
        method: 'GET',
        pattern: `${base}/:deviceId`,
        access: 'identity:read',
        self: { scope: 'p1:read:device' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            return json(200, deviceView(context, tenant, record, deviceOf(record, context)));
        },
    },
    { method: 'POST', pattern: `${base}/:deviceId`, access: 'identity:write', handler: deviceAction },
    {
        method: 'DELETE',
        pattern: `${base}/:deviceId`,
        access: 'identity:write',
        // Self-service: "p1:delete:device: Users can delete multi-factor authentication devices for their own user identity" (page above).
        self: { scope: 'p1:delete:device' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            const record = userOf(tenant, context);
            const device = deviceOf(record, context);
            changeDevices(tenant, context, record, activityTypes.deviceDeleted, device, (changed) => {
                changed.devices = changed.devices.filter((candidate) => candidate.id !== device.id);
            });
            return noContent();
        },
    },
    {
        method: 'PUT',
        pattern: `${base}/:deviceId/nickname`,
        access: 'identity:write',
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            requireContentType(context, ['application/json']);
            const record = userOf(tenant, context);
            const device = deviceOf(record, context);
            const nickname = jsonBody(context).nickname;
            if (typeof nickname !== 'string' || nickname.length > 100)
                throw apiErrors.invalidValue('nickname', 'nickname must be a string of at most 100 characters.');
            const renamed = { ...device, nickname, updatedAt: nowIso() };
            changeDevices(tenant, context, record, activityTypes.deviceUpdated, device, (changed) => {
                changed.devices = changed.devices.map((candidate) => (candidate.id === device.id ? renamed : candidate));
            });
            return json(200, deviceView(context, tenant, record, renamed));
        },
    },
];
