import type { Emulation } from '../emulation.js';
import { apiErrors } from '../http/api-error.js';
import { jsonBody, requireContentType, type RequestContext } from '../http/context.js';
import { json, type Reply } from '../http/reply.js';
import { activityTypes, type ActivityType } from '../tenant/activity-types.js';
import { nowIso, type Json, type UserRecord } from '../tenant/records.js';
import type { Tenant } from '../tenant/tenant.js';
import { auditUser } from './audit.js';
import { tenantOf, userOf } from './lookup.js';
import { userView } from './user-view.js';

// POST /users/{id}: an action on the user chosen by the vendor content type.
// Account lock and unlock: https://developer.pingidentity.com/pingone-api/platform/users/user-accounts/user-account-lock.html
// and .../user-account-unlock.html (200; USER.LOCKED, USER.UNLOCKED). Send (resend) the verification code:
// https://developer.pingidentity.com/pingone-api/platform/users/users-1/send-resend-user-verification-code.html
// (lifecycle.status becomes VERIFICATION_REQUIRED). Verify the user with that code:
// https://developer.pingidentity.com/pingone-api/platform/users/users-1/verify-user-1.html (lifecycle.status
// becomes ACCOUNT_OK, and emailVerified true when the code went to the user's current email).
const types = {
    lock: 'application/vnd.pingidentity.account.lock+json',
    unlock: 'application/vnd.pingidentity.account.unlock+json',
    sendVerificationCode: 'application/vnd.pingidentity.user.sendVerificationCode+json',
    verify: 'application/vnd.pingidentity.user.verify+json',
} as const;

type Change = { type: ActivityType; what: string; apply?: (record: UserRecord) => void };

/** "If unlockAt is not set or is in the past, the user account is not locked": then nothing changes. */
function lock(body: Json): Change | undefined {
    const unlockAt = body.unlockAt;
    if (unlockAt !== undefined && (typeof unlockAt !== 'string' || Number.isNaN(Date.parse(unlockAt)))) {
        throw apiErrors.invalidValue('unlockAt', 'unlockAt must be an ISO 8601 date-time.');
    }
    if (unlockAt === undefined || Date.parse(unlockAt) <= Date.now()) return undefined;
    return {
        type: activityTypes.userLocked,
        what: 'locked',
        apply: (record) => {
            record.body.account = { canAuthenticate: false, status: 'LOCKED', lockedAt: nowIso(), unlockAt };
        },
    };
}

function unlock(): Change {
    return {
        type: activityTypes.userUnlocked,
        what: 'unlocked',
        apply: (record) => {
            record.body.account = { canAuthenticate: record.body.enabled === true, status: 'OK' };
        },
    };
}

function sendVerificationCode(tenant: Tenant, existing: UserRecord): Change {
    const email = existing.body.email;
    if (typeof email !== 'string' || email === '') {
        throw apiErrors.invalidValue('email', 'The user has no email address to send a verification code to.');
    }
    tenant.outbox.send('verification', String(existing.body.id), email);
    return {
        type: activityTypes.verificationCodeSent,
        what: 'sent a verification code',
        apply: (record) => {
            record.body.lifecycle = { status: 'VERIFICATION_REQUIRED' };
        },
    };
}

function verify(tenant: Tenant, existing: UserRecord, body: Json): Change {
    const code = body.verificationCode;
    if (typeof code !== 'string' || code === '') throw apiErrors.required('verificationCode');
    const sentTo = tenant.outbox.redeem('verification', String(existing.body.id), code);
    if (sentTo === undefined) {
        throw apiErrors.invalidData({ code: 'INVALID_VALUE', target: 'verificationCode', message: 'The verification code is invalid or was replaced.' });
    }
    return {
        type: activityTypes.userVerified,
        what: 'verified',
        apply: (record) => {
            record.body.lifecycle = { status: 'ACCOUNT_OK' };
            if (sentTo === record.body.email) record.body.emailVerified = true;
        },
    };
}

export function userAction(context: RequestContext, emulation: Emulation): Reply {
    const tenant = tenantOf(emulation, context);
    const contentType = requireContentType(context, Object.values(types));
    const existing = userOf(tenant, context);
    const body = jsonBody(context);
    const change =
        contentType === types.lock
            ? lock(body)
            : contentType === types.unlock
              ? unlock()
              : contentType === types.sendVerificationCode
                ? sendVerificationCode(tenant, existing)
                : verify(tenant, existing, body);
    if (change === undefined) return json(200, userView(context, tenant, existing));
    const updated = tenant.users.update(String(existing.body.id), (record) => {
        change.apply?.(record);
        record.body.updatedAt = nowIso();
    }) as UserRecord;
    auditUser(tenant, context, change.type, updated, `User ${String(updated.body.username)} ${change.what}`);
    return json(200, userView(context, tenant, updated));
}
