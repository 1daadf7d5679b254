// Names for the audit `action.type` values the emulator records. The values themselves are listed
// once, in providers.extensions.yaml `audit_action_types` (generated into AUDIT_ACTION_TYPES); the
// `satisfies` below keeps the emulator from recording one that list does not know.

import type { AUDIT_ACTION_TYPES } from '../../../connectors/shared/pingone.generated.js';

export type ActivityType = (typeof AUDIT_ACTION_TYPES)[number];

export const activityTypes = {
    userCreated: 'USER.CREATED',
    userUpdated: 'USER.UPDATED',
    userDeleted: 'USER.DELETED',
    userEnabled: 'USER.ENABLED',
    userDisabled: 'USER.DISABLED',
    userPopulationChanged: 'USER.POPULATION_CHANGED',
    userMfaChanged: 'USER.MFA_ENABLED_CHANGED',
    userLocked: 'USER.LOCKED',
    userUnlocked: 'USER.UNLOCKED',
    passwordSet: 'PASSWORD.RESET',
    passwordChanged: 'PASSWORD.CHANGED',
    passwordForceChange: 'PASSWORD.FORCE_CHANGE',
    passwordUnlocked: 'PASSWORD.UNLOCKED',
    groupCreated: 'GROUP.CREATED',
    groupUpdated: 'GROUP.UPDATED',
    groupDeleted: 'GROUP.DELETED',
    groupMemberAdded: 'GROUP_MEMBERSHIP.CREATED',
    groupMemberRemoved: 'GROUP_MEMBERSHIP.DELETED',
    populationCreated: 'POPULATION.CREATED',
    populationUpdated: 'POPULATION.UPDATED',
    populationDeleted: 'POPULATION.DELETED',
    roleAssigned: 'ROLE_ASSIGNMENT.CREATED',
    roleUnassigned: 'ROLE_ASSIGNMENT.DELETED',
    deviceCreated: 'DEVICE.CREATED',
    deviceUpdated: 'DEVICE.UPDATED',
    deviceDeleted: 'DEVICE.DELETED',
    applicationCreated: 'APPLICATION.CREATED',
    applicationUpdated: 'APPLICATION.UPDATED',
    applicationDeleted: 'APPLICATION.DELETED',
    secretRotated: 'APPLICATION_SECRET.UPDATED',
    sessionDeleted: 'SESSION.DELETED',
    deviceUnlocked: 'DEVICE.UNLOCKED',
    passwordRecoveryCodeSent: 'PASSWORD.RECOVERY_CODE_SENT',
    verificationCodeSent: 'USER.VERIFICATION_CODE_SENT',
    userVerified: 'USER.VERIFIED',
    groupNested: 'GROUP_NESTING.CREATED',
    groupUnnested: 'GROUP_NESTING.DELETED',
    accountLinked: 'LINKED_ACCOUNT.CREATED',
    accountUnlinked: 'LINKED_ACCOUNT.DELETED',
} as const satisfies Record<string, ActivityType>;
