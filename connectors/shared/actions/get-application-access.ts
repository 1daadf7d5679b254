import * as z from 'zod';

import { applicationRead } from '../application-access.js';
import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { IdInput } from '../inputs.js';
import { toApplicationAccess, type Raw } from '../mappers.js';
import { ApplicationAccess } from '../models.js';

export const getApplicationAccess = defineAction({
    name: 'get-application-access',
    description:
        'Says who may sign on to an application: admin users only or anyone, and the groups a user must be in (any one of them, or all). No rule means every user of the environment may.',
    roles: ['applicationsRead'],
    input: z.strictObject({ applicationId: IdInput }),
    output: ApplicationAccess,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.applicationId, 'applicationId');
        return toApplicationAccess(await call<Raw>(nango, applicationRead(context, id, 'read the application')));
    },
});
