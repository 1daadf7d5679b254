// The audit `action.type` names the emulator records. PingOne's docs confirm USER.CREATED,
// USER.UPDATED and USER.DELETED (the activities filter examples); the others follow the same
// RESOURCE.VERB pattern and are the emulator's choice, listed in the README.

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
} as const;

export type ActivityType = (typeof activityTypes)[keyof typeof activityTypes];
