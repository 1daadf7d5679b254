import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { UserIdInput } from '../inputs.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';

export const getUser = defineAction({
    name: 'get-user',
    description: 'Reads one user by ID.',
    roles: ['identityRead'],
    input: UserIdInput,
    output: User,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        const raw = await call<Raw>(nango, {
            method: 'GET',
            endpoint: `${context.environmentPath}/users/${id}`,
            idempotent: true,
            doing: 'read the user',
            roles: 'identityRead',
        });
        return toUser(raw);
    },
});
