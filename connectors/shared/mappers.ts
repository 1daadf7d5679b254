// PingOne resources to records: one small mapper per model. PingOne's `null` (and a missing or
// wrongly typed field) becomes an absent key, so records validate against the `.optional()` models.
import type {
    Application,
    ApplicationAccess,
    ApplicationRoleAssignment,
    AuditActivity,
    CustomRole,
    Environment,
    Group,
    GroupMembership,
    GroupNesting,
    GroupRoleAssignment,
    IdentityProvider,
    LinkedAccount,
    MfaDevice,
    Population,
    Role,
    SignOnPolicy,
    User,
    UserGroup,
    UserRoleAssignment,
} from './models.js';

export type Raw = Record<string, unknown>;

function obj(value: unknown): Raw | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : undefined;
}
function str(value: unknown): string | undefined {
    return typeof value === 'string' ? value : undefined;
}
function bool(value: unknown): boolean | undefined {
    return typeof value === 'boolean' ? value : undefined;
}
function num(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function strings(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}
/** The `id` of an embedded reference such as `population: { id }`. */
function refId(value: unknown): string | undefined {
    return str(obj(value)?.['id']);
}

/** The IDs of a list of references such as `groups: [{ id }]`. */
function refIds(value: unknown): string[] | undefined {
    return Array.isArray(value) ? value.map(refId).filter((id): id is string => id !== undefined) : undefined;
}

type Loose<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * Drops absent fields, so that a record never carries `undefined` (or `null`) values. A plain loop:
 * this runs for every record of every sync, and entries/filter/fromEntries cost several times more.
 */
export function present<T extends object>(fields: Loose<T>): T {
    const record: Record<string, unknown> = {};
    for (const key in fields) {
        const value = fields[key];
        if (value !== undefined) {
            record[key] = value;
        }
    }
    return record as T;
}

/** A nested object whose every field is absent is itself absent. */
function presentOrNone<T extends object>(fields: Loose<T>): T | undefined {
    const value = present(fields);
    return Object.keys(value).length > 0 ? value : undefined;
}

function requiredId(raw: Raw, what: string): string {
    const id = str(raw['id']);
    if (!id) {
        throw new Error(`PingOne returned a ${what} without an id.`);
    }
    return id;
}

/** The field readers, for the mappers of other files. */
export const readers = { obj, str, bool, num, strings, refId, requiredId };

const USER_KEYS = new Set([
    'id',
    'environment',
    'population',
    'username',
    'email',
    'emailVerified',
    'name',
    'nickname',
    'title',
    'type',
    'locale',
    'preferredLanguage',
    'timezone',
    'mobilePhone',
    'primaryPhone',
    'address',
    'photo',
    'externalId',
    'accountId',
    'enabled',
    'mfaEnabled',
    'lifecycle',
    'account',
    'identityProvider',
    'verifyStatus',
    'lastSignOn',
    'createdAt',
    'updatedAt',
    'memberOfGroupIDs',
    'memberOfGroupNames',
    'password',
]);

function customAttributes(raw: Raw): Record<string, unknown> | undefined {
    let custom: Record<string, unknown> | undefined;
    for (const key in raw) {
        const value = raw[key];
        if (!USER_KEYS.has(key) && !key.startsWith('_') && value !== null) {
            (custom ??= {})[key] = value;
        }
    }
    return custom;
}

export function toUser(raw: Raw): User {
    const name = obj(raw['name']);
    const address = obj(raw['address']);
    const account = obj(raw['account']);
    const identityProvider = obj(raw['identityProvider']);
    return present<User>({
        id: requiredId(raw, 'user'),
        environmentId: refId(raw['environment']),
        populationId: refId(raw['population']),
        username: str(raw['username']),
        email: str(raw['email']),
        emailVerified: bool(raw['emailVerified']),
        name: name
            ? presentOrNone<NonNullable<User['name']>>({
                  formatted: str(name['formatted']),
                  given: str(name['given']),
                  middle: str(name['middle']),
                  family: str(name['family']),
                  honorificPrefix: str(name['honorificPrefix']),
                  honorificSuffix: str(name['honorificSuffix']),
              })
            : undefined,
        nickname: str(raw['nickname']),
        title: str(raw['title']),
        type: str(raw['type']),
        locale: str(raw['locale']),
        preferredLanguage: str(raw['preferredLanguage']),
        timezone: str(raw['timezone']),
        mobilePhone: str(raw['mobilePhone']),
        primaryPhone: str(raw['primaryPhone']),
        address: address
            ? presentOrNone<NonNullable<User['address']>>({
                  streetAddress: str(address['streetAddress']),
                  locality: str(address['locality']),
                  region: str(address['region']),
                  postalCode: str(address['postalCode']),
                  countryCode: str(address['countryCode']),
              })
            : undefined,
        photoUrl: str(obj(raw['photo'])?.['href']),
        externalId: str(raw['externalId']),
        accountId: str(raw['accountId']),
        enabled: bool(raw['enabled']),
        mfaEnabled: bool(raw['mfaEnabled']),
        lifecycleStatus: str(obj(raw['lifecycle'])?.['status']),
        accountStatus: str(account?.['status']),
        canAuthenticate: bool(account?.['canAuthenticate']),
        lockedAt: str(account?.['lockedAt']),
        unlockAt: str(account?.['unlockAt']),
        identityProviderType: str(identityProvider?.['type']),
        identityProviderId: str(identityProvider?.['id']),
        verifyStatus: str(raw['verifyStatus']),
        lastSignOnAt: str(obj(raw['lastSignOn'])?.['at']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
        customAttributes: customAttributes(raw),
    });
}

export function toGroup(raw: Raw): Group {
    return present<Group>({
        id: requiredId(raw, 'group'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        displayName: str(raw['displayName']),
        description: str(raw['description']),
        externalId: str(raw['externalId']),
        populationId: refId(raw['population']),
        userFilter: str(raw['userFilter']),
        sourceType: str(raw['sourceType']),
        sourceId: str(raw['sourceId']),
        customData: obj(raw['customData']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function membershipId(groupId: string, userId: string): string {
    return `${groupId}:${userId}`;
}

/** A membership from a group's side: the user as listed by `/users?filter=memberOfGroups[...]`. */
export function toGroupMembership(group: { id: string; name?: string | undefined }, rawUser: Raw): GroupMembership {
    const userId = requiredId(rawUser, 'user');
    return present<GroupMembership>({
        id: membershipId(group.id, userId),
        groupId: group.id,
        userId,
        groupName: group.name,
        username: str(rawUser['username']),
        email: str(rawUser['email']),
    });
}

export function toPopulation(raw: Raw): Population {
    return present<Population>({
        id: requiredId(raw, 'population'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        description: str(raw['description']),
        isDefault: bool(raw['default']),
        userCount: num(raw['userCount']),
        passwordPolicyId: refId(raw['passwordPolicy']),
        preferredLanguage: str(raw['preferredLanguage']),
        alternativeIdentifiers: strings(raw['alternativeIdentifiers']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toApplication(raw: Raw): Application {
    const accessControl = obj(raw['accessControl']);
    const groupAccess = obj(accessControl?.['group']);
    return present<Application>({
        id: requiredId(raw, 'application'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        description: str(raw['description']),
        enabled: bool(raw['enabled']),
        type: str(raw['type']),
        protocol: str(raw['protocol']),
        grantTypes: strings(raw['grantTypes']),
        responseTypes: strings(raw['responseTypes']),
        redirectUris: strings(raw['redirectUris']),
        postLogoutRedirectUris: strings(raw['postLogoutRedirectUris']),
        tokenEndpointAuthMethod: str(raw['tokenEndpointAuthMethod']),
        pkceEnforcement: str(raw['pkceEnforcement']),
        homePageUrl: str(raw['homePageUrl']),
        loginPageUrl: str(raw['loginPageUrl']),
        hiddenFromAppPortal: bool(raw['hiddenFromAppPortal']),
        tags: strings(raw['tags']),
        accessControlRoleType: str(obj(accessControl?.['role'])?.['type']),
        accessControlGroupType: str(groupAccess?.['type']),
        accessControlGroupIds: refIds(groupAccess?.['groups']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toUserRoleAssignment(userId: string, raw: Raw, roleNames: ReadonlyMap<string, string>): UserRoleAssignment {
    const roleId = refId(raw['role']);
    const scope = obj(raw['scope']);
    return present<UserRoleAssignment>({
        id: requiredId(raw, 'role assignment'),
        userId,
        roleId,
        roleName: roleId ? roleNames.get(roleId) : undefined,
        scopeType: str(scope?.['type']),
        scopeId: str(scope?.['id']),
        readOnly: bool(raw['readOnly']),
        groupId: refId(raw['group']),
        environmentId: refId(raw['environment']),
    });
}

export function toMfaDevice(userId: string, raw: Raw): MfaDevice {
    return present<MfaDevice>({
        id: requiredId(raw, 'MFA device'),
        userId,
        type: str(raw['type']),
        status: str(raw['status']),
        nickname: str(raw['nickname']),
        email: str(raw['email']),
        phone: str(raw['phone']),
        environmentId: refId(raw['environment']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toEnvironment(raw: Raw): Environment {
    return present<Environment>({
        id: requiredId(raw, 'environment'),
        name: str(raw['name']),
        description: str(raw['description']),
        region: str(raw['region']),
        type: str(raw['type']),
        status: str(raw['status']),
        organizationId: refId(raw['organization']),
        licenseId: refId(raw['license']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toAuditActivity(raw: Raw): AuditActivity {
    const action = obj(raw['action']);
    const result = obj(raw['result']);
    const actors = obj(raw['actors']);
    const actorUser = obj(actors?.['user']);
    const actorClient = obj(actors?.['client']);
    const resources = Array.isArray(raw['resources']) ? (raw['resources'] as unknown[]) : undefined;
    return present<AuditActivity>({
        id: requiredId(raw, 'audit activity'),
        recordedAt: str(raw['recordedAt']),
        createdAt: str(raw['createdAt']),
        correlationId: str(raw['correlationId']),
        actionType: str(action?.['type']),
        actionDescription: str(action?.['description']),
        resultStatus: str(result?.['status']),
        resultDescription: str(result?.['description']),
        actorUserId: str(actorUser?.['id']),
        actorUserName: str(actorUser?.['name']),
        actorClientId: str(actorClient?.['id']),
        actorClientName: str(actorClient?.['name']),
        resources: resources?.map((value) => {
            const resource = obj(value) ?? {};
            return present<NonNullable<AuditActivity['resources']>[number]>({
                type: str(resource['type']),
                id: str(resource['id']),
                name: str(resource['name']),
                populationId: refId(resource['population']),
            });
        }),
    });
}

export function toRole(raw: Raw): Role {
    return present<Role>({
        id: requiredId(raw, 'role'),
        name: str(raw['name']),
        description: str(raw['description']),
        applicableTo: strings(raw['applicableTo']),
    });
}

/** A membership from the user's side: an item of `/users/{userId}/memberOfGroups` names the group. */
export function toUserGroup(userId: string, raw: Raw): UserGroup {
    const groupId = requiredId(raw, 'group membership');
    return present<UserGroup>({ id: membershipId(groupId, userId), groupId, userId, groupName: str(raw['name']), type: str(raw['type']) });
}

/** A nesting from the nested group's side: an item of `/groups/{groupId}/memberOfGroups` names the parent. */
export function toGroupNesting(groupId: string, raw: Raw): GroupNesting {
    const parentGroupId = requiredId(raw, 'group nesting');
    return present<GroupNesting>({
        id: membershipId(groupId, parentGroupId),
        groupId,
        parentGroupId,
        parentGroupName: str(raw['name']),
        type: str(raw['type']),
    });
}

/** The fields of a role assignment held by a group or an application. */
function heldRoleAssignment(raw: Raw): Omit<GroupRoleAssignment, 'groupId'> {
    const scope = obj(raw['scope']);
    return present<Omit<GroupRoleAssignment, 'groupId'>>({
        id: requiredId(raw, 'role assignment'),
        roleId: refId(raw['role']),
        scopeType: str(scope?.['type']),
        scopeId: str(scope?.['id']),
        readOnly: bool(raw['readOnly']),
        environmentId: refId(raw['environment']),
    });
}

export function toGroupRoleAssignment(groupId: string, raw: Raw): GroupRoleAssignment {
    return { ...heldRoleAssignment(raw), groupId };
}

export function toApplicationRoleAssignment(applicationId: string, raw: Raw): ApplicationRoleAssignment {
    return { ...heldRoleAssignment(raw), applicationId };
}

/** An application's `accessControl` as who may sign on; absent parts restrict nothing. */
export function toApplicationAccess(raw: Raw): ApplicationAccess {
    const accessControl = obj(raw['accessControl']);
    const group = obj(accessControl?.['group']);
    return present<ApplicationAccess>({
        applicationId: requiredId(raw, 'application'),
        adminUsersOnly: str(obj(accessControl?.['role'])?.['type']) === 'ADMIN_USERS_ONLY',
        groupRule: str(group?.['type']),
        groupIds: refIds(group?.['groups']) ?? [],
    });
}

export function toLinkedAccount(userId: string, raw: Raw): LinkedAccount {
    return present<LinkedAccount>({
        id: requiredId(raw, 'linked account'),
        userId,
        identityProviderId: refId(raw['identityProvider']),
        externalId: str(raw['externalId']),
        environmentId: refId(raw['environment']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toSignOnPolicy(raw: Raw): SignOnPolicy {
    return present<SignOnPolicy>({
        id: requiredId(raw, 'sign-on policy'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        description: str(raw['description']),
        isDefault: bool(raw['default']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toIdentityProvider(raw: Raw): IdentityProvider {
    return present<IdentityProvider>({
        id: requiredId(raw, 'identity provider'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        description: str(raw['description']),
        type: str(raw['type']),
        enabled: bool(raw['enabled']),
        registrationPopulationId: refId(obj(raw['registration'])?.['population']),
        createdAt: str(raw['createdAt']),
        updatedAt: str(raw['updatedAt']),
    });
}

export function toCustomRole(raw: Raw): CustomRole {
    return present<CustomRole>({
        id: requiredId(raw, 'custom role'),
        environmentId: refId(raw['environment']),
        name: str(raw['name']),
        description: str(raw['description']),
        type: str(raw['type']),
        applicableTo: strings(raw['applicableTo']),
        permissionIds: refIds(raw['permissions']),
        canBeAssignedByRoleIds: refIds(raw['canBeAssignedBy']),
    });
}
