import * as z from 'zod';

import { aResource } from '../answers.js';
import { applicationRead } from '../application-access.js';
import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import { toApplicationAccess, type Raw } from '../mappers.js';
import { ApplicationAccess } from '../models.js';

const SetApplicationAccessInput = z.strictObject({
    applicationId: IdInput,
    adminUsersOnly: z.boolean().optional().describe('Only users holding an admin role may sign on. Left out: unchanged.'),
    groups: z
        .strictObject({
            rule: z.enum(['ANY_GROUP', 'ALL_GROUPS']).describe('ANY_GROUP: a member of one of the groups may sign on; ALL_GROUPS: of every one.'),
            groupIds: z.array(IdInput).min(1).max(100),
        })
        .nullable()
        .optional()
        .describe('The groups a user must be in to sign on; null lifts the group rule. Left out: unchanged.'),
});

/** Attributes of an application that PingOne sets itself and a PUT does not carry. */
const READ_ONLY = ['_links', '_embedded', 'id', 'environment', 'createdAt', 'updatedAt'];

export const setApplicationAccess = defineAction({
    name: 'set-application-access',
    description:
        'Sets who may sign on to an application: admin users only, and the groups a user must be in. PingOne replaces an application whole (PUT), so it is read first and sent back with only `accessControl` changed: a change made by someone else between the two is overwritten.',
    roles: ['applicationsRead', 'applicationsWrite'],
    input: SetApplicationAccessInput,
    output: ApplicationAccess,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.applicationId, 'applicationId');
        const groupIds = input.groups?.groupIds.map((groupId, index) => idSegment(nango, groupId, `groups.groupIds.${index}`));
        const current = await call<Raw>(nango, applicationRead(context, id, 'read the application'));
        const body: Raw = { ...current };
        for (const key of READ_ONLY) delete body[key];
        const accessControl: Raw = { ...((current['accessControl'] as Raw | undefined) ?? {}) };
        if (input.adminUsersOnly === true) accessControl['role'] = { type: 'ADMIN_USERS_ONLY' };
        if (input.adminUsersOnly === false) delete accessControl['role'];
        if (input.groups === null) delete accessControl['group'];
        if (input.groups && groupIds) accessControl['group'] = { type: input.groups.rule, groups: groupIds.map((groupId) => ({ id: groupId })) };
        // A PUT without accessControl leaves sign-on open to every user of the environment.
        if (Object.keys(accessControl).length > 0) body['accessControl'] = accessControl;
        else delete body['accessControl'];
        const raw = await call<Raw>(nango, {
            // https://developer.pingidentity.com/pingone-api/platform/applications/application-operations/update-application-oidc.html
            method: 'PUT',
            endpoint: `${context.environmentPath}/applications/${id}`,
            data: body,
            // The same whole application sent twice leaves the same application.
            idempotent: true,
            answer: aResource,
            doing: "change the application's sign-on access",
            roles: 'applicationsWrite',
        });
        return toApplicationAccess(raw);
    },
});
