import type { Emulation } from '../emulation.js';
import { ApiError, apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import type { Route } from '../http/router.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { seededUuid } from '../random.js';
import { auditUser } from './audit.js';
import { environmentUrl, tenantOf, userOf, withLinks } from './lookup.js';

// PingOne picks the password operation from the vendor Content-Type (https://apidocs.pingidentity.com/pingone/customer/v1/api/man/p1_Users/).
const types = {
    set: 'application/vnd.pingidentity.password.set+json',
    reset: 'application/vnd.pingidentity.password.reset+json',
    check: 'application/vnd.pingidentity.password.check+json',
    forceChange: 'application/vnd.pingidentity.password.forceChange',
    forceChangeJson: 'application/vnd.pingidentity.password.forceChange+json',
    unlock: 'application/vnd.pingidentity.password.unlock+json',
    unlockPlain: 'application/vnd.pingidentity.password.unlock',
    sendRecoveryCode: 'application/vnd.pingidentity.password.sendRecoveryCode+json',
} as const;

const passwordPolicyId = (tenant: Tenant) => seededUuid(tenant.id, 'password-policy');

function stateView(context: RequestContext, tenant: Tenant, record: UserRecord): Json {
    const user = environmentUrl(context, tenant, `users/${String(record.body.id)}`);
    return withLinks(
        {
            environment: { id: tenant.id },
            user: { id: String(record.body.id) },
            passwordPolicy: { id: passwordPolicyId(tenant) },
            status: record.password.status,
            ...(record.password.lastChangedAt ? { lastChangedAt: record.password.lastChangedAt } : {}),
            ...(record.password.status === 'PASSWORD_LOCKED_OUT' ? { secondsUntilUnlock: 900 } : {}),
        },
        `${user}/password`,
        { user },
    );
}

function newPassword(body: Json, field: string): string {
    const value = body[field];
    if (typeof value !== 'string' || value === '') throw apiErrors.required(field);
    // A minimal stand-in for PingOne's default password policy.
    if (value.length < 8) {
        throw apiErrors.invalidData({
            code: 'INVALID_VALUE',
            target: field,
            message: 'The password does not satisfy the password policy: at least 8 characters.',
        });
    }
    return value;
}

function change(tenant: Tenant, context: RequestContext, record: UserRecord, type: ActivityType, apply: (changed: UserRecord) => void): UserRecord {
    const updated = tenant.users.update(String(record.body.id), (changed) => {
        apply(changed);
        changed.body.updatedAt = nowIso();
    }) as UserRecord;
    auditUser(tenant, context, type, updated, `${type} for ${String(updated.body.username)}`);
    return updated;
}

/** PUT /users/{id}/password: admin set (password.set) or self change (password.reset). */
function putPassword(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, [types.set, types.reset]);
    const record = userOf(tenant, context);
    const body = jsonBody(context);
    if (contentType === types.set) {
        const value = newPassword(body, 'value');
        const updated = change(tenant, context, record, activityTypes.passwordSet, (changed) => {
            changed.password = { value, status: body.forceChange === true ? 'MUST_CHANGE_PASSWORD' : 'OK', lastChangedAt: nowIso() };
        });
        return json(200, stateView(context, tenant, updated));
    }
    if (record.password.value === undefined || body.currentPassword !== record.password.value) {
        throw apiErrors.invalidData({ code: 'INVALID_VALUE', target: 'currentPassword', message: 'currentPassword is not the current password.' });
    }
    const value = newPassword(body, 'newPassword');
    const updated = change(tenant, context, record, activityTypes.passwordChanged, (changed) => {
        changed.password = { value, status: 'OK', lastChangedAt: nowIso() };
    });
    return json(200, stateView(context, tenant, updated));
}

/**
 * "Password Resend Recovery Code" emails the user an 8-character code, and "cannot be used if the user
 * is disabled or if the password status is NO_PASSWORD or PASSWORD_LOCKED_OUT"
 * (https://developer.pingidentity.com/pingone-api/platform/users/user-passwords/password-resend-recovery-code.html).
 * Its page shows no response body; the emulator answers with the password state, as the other POSTs here.
 */
function sendRecoveryCode(context: RequestContext, tenant: Tenant, record: UserRecord): Reply {
    const refuse = (message: string) => apiErrors.invalidData({ code: 'INVALID_VALUE', target: 'password', message });
    if (record.body.enabled !== true) throw refuse('The user is disabled: no recovery code can be sent.');
    if (record.password.status === 'NO_PASSWORD' || record.password.status === 'PASSWORD_LOCKED_OUT') {
        throw refuse(`The password status is ${record.password.status}: no recovery code can be sent.`);
    }
    const email = record.body.email;
    if (typeof email !== 'string' || email === '') throw apiErrors.invalidValue('email', 'The user has no email address to send a recovery code to.');
    tenant.outbox.send('recovery', String(record.body.id), email);
    auditUser(tenant, context, activityTypes.passwordRecoveryCodeSent, record, `Password recovery code sent to ${String(record.body.username)}`);
    return json(200, stateView(context, tenant, record));
}

/** POST /users/{id}/password: check, force change, unlock, or send a recovery code. */
function postPassword(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, [
        types.check,
        types.forceChange,
        types.forceChangeJson,
        types.unlock,
        types.unlockPlain,
        types.sendRecoveryCode,
    ]);
    const record = userOf(tenant, context);
    if (contentType === types.sendRecoveryCode) return sendRecoveryCode(context, tenant, record);
    if (contentType === types.check) {
        const body = jsonBody(context);
        if (record.password.status === 'NO_PASSWORD' || record.password.value === undefined) {
            throw apiErrors.invalidData({ code: 'NO_PASSWORD', target: 'password', message: 'The user has no password.' });
        }
        if (record.password.status === 'PASSWORD_LOCKED_OUT') {
            throw new ApiError(400, 'INVALID_DATA', undefined, [{ code: 'ACCOUNT_NOT_USABLE', target: 'password', message: 'The password is locked out.' }]);
        }
        if (body.password !== record.password.value) {
            throw apiErrors.invalidData({ code: 'INVALID_VALUE', target: 'password', message: 'The password did not match.' });
        }
        return json(200, stateView(context, tenant, record));
    }
    if (contentType === types.forceChange || contentType === types.forceChangeJson) {
        const updated = change(tenant, context, record, activityTypes.passwordForceChange, (changed) => {
            changed.password = { ...changed.password, status: 'MUST_CHANGE_PASSWORD' };
        });
        return json(200, stateView(context, tenant, updated));
    }
    const updated = change(tenant, context, record, activityTypes.passwordUnlocked, (changed) => {
        changed.password = { ...changed.password, status: changed.password.value === undefined ? 'NO_PASSWORD' : 'OK' };
    });
    return json(200, stateView(context, tenant, updated));
}

const password = '/v1/environments/:environmentId/users/:userId/password';

export const passwordRoutes: Route<Emulation>[] = [
    {
        method: 'GET',
        pattern: password,
        access: 'identity:read',
        // Self-service: p1:read:userPassword reads, p1:reset:userPassword changes (password.reset) one's own password
        // (https://developer.pingidentity.com/pingone-api/foundations/pingone-roles-scopes-and-permissions/access-services-through-scopes-and-roles/pingone-self-management-scopes.html).
        self: { scope: 'p1:read:userPassword' },
        handler: (context, emulation) => {
            const tenant = tenantOf(emulation, context);
            return json(200, stateView(context, tenant, userOf(tenant, context)));
        },
    },
    { method: 'PUT', pattern: password, access: 'identity:write', self: { scope: 'p1:reset:userPassword', contentTypes: [types.reset] }, handler: putPassword },
    { method: 'POST', pattern: password, access: 'identity:write', handler: postPassword },
];
