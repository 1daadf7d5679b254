import { defineFanOutSync } from '../fan-out-sync.js';
import { toMfaDevice } from '../mappers.js';
import { MfaDevice } from '../models.js';
import { usersRequest } from '../requests.js';

export const mfaDevices = defineFanOutSync({
    name: 'mfa-devices',
    description: "Every user's MFA devices (email, SMS, voice, TOTP, mobile, FIDO2, ...) and their status; removed devices are deleted on each full scan.",
    roles: ['identityRead'],
    frequency: 'every day',
    modelName: 'MfaDevice',
    model: MfaDevice,
    parents: usersRequest,
    children: (context, user) => ({
        path: `${context.environmentPath}/users/${String(user['id'])}/devices`,
        embedded: 'devices',
        doing: "list a user's MFA devices",
        roles: 'identityRead',
    }),
    prepare: async () => undefined,
    map: (user, device) => toMfaDevice(String(user['id']), device),
});
