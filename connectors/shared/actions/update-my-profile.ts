import { defineAction } from '../define.js';
import { call } from '../http.js';
import { checkedCustomAttributes } from '../custom-attributes.js';
import { CustomAttributes, UserAttributes } from '../inputs.js';
import { toUser, type Raw } from '../mappers.js';
import { User } from '../models.js';
import { signedOnUser } from '../self-service.js';

export const updateMyProfile = defineAction({
    name: 'update-my-profile',
    description: "Changes the given attributes of the signed-on user's own profile (attributes left out keep their value).",
    roles: [],
    selfService: { scopes: ['p1:update:user'] },
    input: UserAttributes.extend({ customAttributes: CustomAttributes.optional() }).strict(),
    output: User,
    exec: async (nango, input) => {
        const { context, userPath } = await signedOnUser(nango);
        const { customAttributes, ...attributes } = input;
        const custom = await checkedCustomAttributes(nango, context, customAttributes, Object.keys(UserAttributes.shape));
        const raw = await call<Raw>(nango, {
            method: 'PATCH',
            endpoint: userPath,
            data: { ...attributes, ...custom },
            // Setting the same attributes twice leaves the same profile.
            idempotent: true,
            doing: 'update your profile',
            scope: 'p1:update:user',
        });
        return toUser(raw);
    },
});
