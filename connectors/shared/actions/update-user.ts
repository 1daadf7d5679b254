import { idSegment, readPingOneContext } from '../connection.js';
import { defineAction } from '../define.js';
import { call } from '../http.js';
import { declaredOnly, IdInput, UserAttributes, Username } from '../inputs.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';

const UpdateUserInput = UserAttributes.extend({ id: IdInput, username: Username.optional() });

export const updateUser = defineAction({
    name: 'update-user',
    description:
        'Changes the given attributes of a user (PATCH: attributes left out keep their value). Population, enabled state, MFA and password have their own actions.',
    roles: ['identityWrite'],
    input: UpdateUserInput,
    output: User,
    exec: async (nango, input) => {
        const context = await readPingOneContext(nango);
        const { id: rawId, ...attributes } = declaredOnly(UpdateUserInput, input);
        const id = idSegment(nango, rawId, 'id');
        const raw = await call<Raw>(nango, {
            method: 'PATCH',
            endpoint: `${context.environmentPath}/users/${id}`,
            data: attributes,
            // Setting the same attributes twice leaves the same user.
            idempotent: true,
            doing: 'update the user',
            roles: 'identityWrite',
        });
        return toUser(raw);
    },
});
