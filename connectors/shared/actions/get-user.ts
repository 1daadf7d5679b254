import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { UserIdInput } from '../inputs.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { userRead } from '../requests.js';

export const getUser = defineAction({
    name: 'get-user',
    description: 'Reads one user by ID.',
    roles: ['identityRead'],
    input: UserIdInput,
    output: User,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const id = idSegment(nango, input.id, 'id');
        return toUser(await call<Raw>(nango, userRead(context, id, 'read the user')));
    },
});
