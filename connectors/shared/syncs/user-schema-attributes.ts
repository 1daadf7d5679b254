import { defineCollectionSync } from '../collection-sync.js';
import { toUserSchemaAttribute } from '../identity-mappers.js';
import { UserSchemaAttribute } from '../models.js';
import { schemaAttributesRequest, userSchema } from '../user-schema.js';

export const userSchemaAttributes = defineCollectionSync({
    name: 'user-schema-attributes',
    description:
        "Every attribute of the environment's user schema (core, standard and custom: name, type, whether required, unique or enabled), one record each; removed custom attributes are deleted on each full scan.",
    roles: 'identityRead',
    frequency: 'every day',
    modelName: 'UserSchemaAttribute',
    model: UserSchemaAttribute,
    path: async (context, nango) => schemaAttributesRequest(context, String((await userSchema(nango, context))['id'])).path,
    embedded: 'attributes',
    doing: "list the user schema's attributes",
    map: toUserSchemaAttribute,
});
