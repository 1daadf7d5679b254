// The records the syncs save and the actions return. Every model has a string `id`; a field PingOne
// leaves out or sends as `null` is absent (`.optional()`), never `null`.
import * as z from 'zod';

const text = z.string().optional();
const flag = z.boolean().optional();

export const PersonName = z.object({
    formatted: text,
    given: text,
    middle: text,
    family: text,
    honorificPrefix: text,
    honorificSuffix: text,
});

export const Address = z.object({
    streetAddress: text,
    locality: text,
    region: text,
    postalCode: text,
    countryCode: text,
});

export const User = z.object({
    id: z.string(),
    environmentId: text,
    populationId: text,
    username: text,
    email: text,
    emailVerified: flag,
    name: PersonName.optional(),
    nickname: text,
    title: text,
    type: text,
    locale: text,
    preferredLanguage: text,
    timezone: text,
    mobilePhone: text,
    primaryPhone: text,
    address: Address.optional(),
    photoUrl: text,
    externalId: text,
    accountId: text,
    enabled: flag,
    mfaEnabled: flag,
    /** `ACCOUNT_OK` or `VERIFICATION_REQUIRED`. */
    lifecycleStatus: text,
    /** `OK` or `LOCKED`. */
    accountStatus: text,
    canAuthenticate: flag,
    lockedAt: text,
    unlockAt: text,
    identityProviderType: text,
    identityProviderId: text,
    verifyStatus: text,
    lastSignOnAt: text,
    createdAt: text,
    updatedAt: text,
    /** PingOne's custom user attributes (top-level keys PingOne does not define). */
    customAttributes: z.record(z.string(), z.unknown()).optional(),
});
export type User = z.infer<typeof User>;

export const Group = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    displayName: text,
    description: text,
    externalId: text,
    /** Present for a group that belongs to one population. */
    populationId: text,
    /** A SCIM filter: members are the users it matches (a dynamic group). */
    userFilter: text,
    sourceType: text,
    sourceId: text,
    customData: z.record(z.string(), z.unknown()).optional(),
    createdAt: text,
    updatedAt: text,
});
export type Group = z.infer<typeof Group>;

export const GroupMembership = z.object({
    /** `<groupId>:<userId>`. */
    id: z.string(),
    groupId: z.string(),
    userId: z.string(),
    groupName: text,
    username: text,
    email: text,
});
export type GroupMembership = z.infer<typeof GroupMembership>;

export const Population = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    description: text,
    isDefault: flag,
    userCount: z.number().optional(),
    passwordPolicyId: text,
    preferredLanguage: text,
    alternativeIdentifiers: z.array(z.string()).optional(),
    createdAt: text,
    updatedAt: text,
});
export type Population = z.infer<typeof Population>;

export const Application = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    description: text,
    enabled: flag,
    /** `WEB_APP`, `NATIVE_APP`, `SINGLE_PAGE_APP`, `WORKER`, `SERVICE`, ... */
    type: text,
    /** `OPENID_CONNECT`, `SAML`, `WS_FED` or `EXTERNAL_LINK`. */
    protocol: text,
    grantTypes: z.array(z.string()).optional(),
    responseTypes: z.array(z.string()).optional(),
    redirectUris: z.array(z.string()).optional(),
    postLogoutRedirectUris: z.array(z.string()).optional(),
    tokenEndpointAuthMethod: text,
    pkceEnforcement: text,
    homePageUrl: text,
    loginPageUrl: text,
    hiddenFromAppPortal: flag,
    tags: z.array(z.string()).optional(),
    accessControlRoleType: text,
    accessControlGroupType: text,
    accessControlGroupIds: z.array(z.string()).optional(),
    createdAt: text,
    updatedAt: text,
});
export type Application = z.infer<typeof Application>;

export const UserRoleAssignment = z.object({
    id: z.string(),
    userId: z.string(),
    roleId: text,
    roleName: text,
    /** `ORGANIZATION`, `ENVIRONMENT`, `POPULATION` or `APPLICATION`. */
    scopeType: text,
    scopeId: text,
    readOnly: flag,
    /** Set when the assignment is inherited from a group. */
    groupId: text,
    environmentId: text,
});
export type UserRoleAssignment = z.infer<typeof UserRoleAssignment>;

export const MfaDevice = z.object({
    id: z.string(),
    userId: z.string(),
    /** `EMAIL`, `SMS`, `VOICE`, `TOTP`, `MOBILE`, `FIDO2`, `OATH_TOKEN`, `WHATSAPP`. */
    type: text,
    /** `ACTIVE` or `ACTIVATION_REQUIRED`. */
    status: text,
    nickname: text,
    email: text,
    phone: text,
    environmentId: text,
    createdAt: text,
    updatedAt: text,
});
export type MfaDevice = z.infer<typeof MfaDevice>;

export const Environment = z.object({
    id: z.string(),
    name: text,
    description: text,
    /** `NA`, `CA`, `EU`, `AU`, `SG` or `AP`. */
    region: text,
    /** `PRODUCTION` or `SANDBOX`. */
    type: text,
    status: text,
    organizationId: text,
    licenseId: text,
    createdAt: text,
    updatedAt: text,
});
export type Environment = z.infer<typeof Environment>;

export const AuditActivity = z.object({
    id: z.string(),
    recordedAt: text,
    createdAt: text,
    correlationId: text,
    actionType: text,
    actionDescription: text,
    resultStatus: text,
    resultDescription: text,
    actorUserId: text,
    actorUserName: text,
    actorClientId: text,
    actorClientName: text,
    resources: z
        .array(
            z.object({
                type: text,
                id: text,
                name: text,
                populationId: text,
            }),
        )
        .optional(),
});
export type AuditActivity = z.infer<typeof AuditActivity>;

export const Role = z.object({
    id: z.string(),
    name: text,
    description: text,
    applicableTo: z.array(z.string()).optional(),
});
export type Role = z.infer<typeof Role>;

/** One attribute of the environment's user schema (https://developer.pingidentity.com/pingone-api/platform/schemas.html). */
export const UserSchemaAttribute = z.object({
    id: z.string(),
    schemaId: text,
    name: text,
    displayName: text,
    description: text,
    /** `STRING`, `JSON`, `BOOLEAN`, `COMPLEX`. */
    type: text,
    /** `CORE`, `STANDARD` or `CUSTOM`: only `CUSTOM` ones are the environment's own. */
    schemaType: text,
    enabled: flag,
    required: flag,
    unique: flag,
    multiValued: flag,
    environmentId: text,
});
export type UserSchemaAttribute = z.infer<typeof UserSchemaAttribute>;

/** A user's sign-on session (https://developer.pingidentity.com/pingone-api/platform/users/user-sessions.html). */
export const UserSession = z.object({
    id: z.string(),
    userId: z.string(),
    createdAt: text,
    activeAt: text,
    lastSignOnAt: text,
    lastSignOnRemoteIp: text,
    browser: text,
    operatingSystem: text,
    deviceType: text,
});
export type UserSession = z.infer<typeof UserSession>;
/** A group a user is in, from the user's side (list-user-groups). */
export const UserGroup = z.object({
    /** `<groupId>:<userId>`, as the group-memberships records. */
    id: z.string(),
    groupId: z.string(),
    userId: z.string(),
    groupName: text,
    /** `DIRECT`, or `INDIRECT` through a nested group. */
    type: text,
});
export type UserGroup = z.infer<typeof UserGroup>;

export const GroupNesting = z.object({
    /** `<groupId>:<parentGroupId>`: the group is nested in (a member of) the parent group. */
    id: z.string(),
    groupId: z.string(),
    parentGroupId: z.string(),
    parentGroupName: text,
    /** `DIRECT` or `INDIRECT`. */
    type: text,
});
export type GroupNesting = z.infer<typeof GroupNesting>;

export const GroupRoleAssignment = z.object({
    id: z.string(),
    groupId: z.string(),
    roleId: text,
    /** `ORGANIZATION`, `ENVIRONMENT`, `POPULATION` or `APPLICATION`. */
    scopeType: text,
    scopeId: text,
    readOnly: flag,
    environmentId: text,
});
export type GroupRoleAssignment = z.infer<typeof GroupRoleAssignment>;

/** An admin role held by an application (a Worker app acts with these). */
export const ApplicationRoleAssignment = GroupRoleAssignment.omit({ groupId: true }).extend({ applicationId: z.string() });
export type ApplicationRoleAssignment = z.infer<typeof ApplicationRoleAssignment>;

/** Who may sign on to an application: PingOne's `accessControl` (https://developer.pingidentity.com/pingone-api/platform/applications.html). */
export const ApplicationAccess = z.object({
    applicationId: z.string(),
    /** Only users holding an admin role may sign on (`accessControl.role.type` ADMIN_USERS_ONLY). */
    adminUsersOnly: z.boolean(),
    /** `ANY_GROUP` (a member of one of the groups) or `ALL_GROUPS`; absent when groups do not restrict sign-on. */
    groupRule: text,
    groupIds: z.array(z.string()),
});
export type ApplicationAccess = z.infer<typeof ApplicationAccess>;

export const LinkedAccount = z.object({
    id: z.string(),
    userId: z.string(),
    identityProviderId: text,
    /** The user's identifier at the external identity provider. */
    externalId: text,
    environmentId: text,
    createdAt: text,
    updatedAt: text,
});
export type LinkedAccount = z.infer<typeof LinkedAccount>;

export const SignOnPolicy = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    description: text,
    /** The environment's default policy, used by applications without one of their own. */
    isDefault: flag,
    createdAt: text,
    updatedAt: text,
});
export type SignOnPolicy = z.infer<typeof SignOnPolicy>;

export const IdentityProvider = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    description: text,
    /** `FACEBOOK`, `GOOGLE`, `LINKEDIN`, `APPLE`, `AMAZON`, `TWITTER`, `YAHOO`, `PAYPAL`, `MICROSOFT`, `GITHUB`, `OPENID_CONNECT` or `SAML`. */
    type: text,
    enabled: flag,
    registrationPopulationId: text,
    createdAt: text,
    updatedAt: text,
});
export type IdentityProvider = z.infer<typeof IdentityProvider>;

export const CustomRole = z.object({
    id: z.string(),
    environmentId: text,
    name: text,
    description: text,
    /** `CUSTOM` (PingOne lists its built-in roles as `PLATFORM`). */
    type: text,
    applicableTo: z.array(z.string()).optional(),
    permissionIds: z.array(z.string()).optional(),
    canBeAssignedByRoleIds: z.array(z.string()).optional(),
});
export type CustomRole = z.infer<typeof CustomRole>;

/** Every model, by the name syncs save it under and platforms see in `schemas/models/`. */
export const MODELS = {
    User,
    Group,
    GroupMembership,
    Population,
    Application,
    UserRoleAssignment,
    MfaDevice,
    Environment,
    AuditActivity,
    Role,
    UserSchemaAttribute,
    GroupNesting,
    GroupRoleAssignment,
    LinkedAccount,
    SignOnPolicy,
    IdentityProvider,
    CustomRole,
} as const;

/** The fields that tell one record from another at a glance: the columns of `records <Model>`'s table, after the id. */
export const IDENTIFYING_FIELDS: Readonly<Record<keyof typeof MODELS, readonly string[]>> = {
    User: ['username', 'email', 'enabled'],
    Group: ['name', 'description'],
    GroupMembership: ['groupName', 'username'],
    Population: ['name', 'userCount', 'isDefault'],
    Application: ['name', 'type', 'enabled'],
    UserRoleAssignment: ['roleName', 'scopeType', 'userId'],
    MfaDevice: ['type', 'status', 'userId'],
    Environment: ['name', 'region', 'type'],
    AuditActivity: ['recordedAt', 'actionType', 'resultStatus'],
    Role: ['name'],
    UserSchemaAttribute: ['name', 'schemaType', 'type'],
    GroupNesting: ['parentGroupName', 'groupId', 'type'],
    GroupRoleAssignment: ['roleId', 'scopeType', 'groupId'],
    LinkedAccount: ['identityProviderId', 'externalId', 'userId'],
    SignOnPolicy: ['name', 'isDefault'],
    IdentityProvider: ['name', 'type', 'enabled'],
    CustomRole: ['name', 'applicableTo'],
};
