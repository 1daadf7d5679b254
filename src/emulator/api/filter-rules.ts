import type { FilterRules } from './scim-filter.js';

// Which attributes each collection lets each SCIM operator touch (NOTES.md section 3). Data only.

const userEqualityAttributes = [
    'accountId',
    'address.streetAddress',
    'address.locality',
    'address.region',
    'address.postalCode',
    'address.countryCode',
    'email',
    'enabled',
    'externalId',
    'locale',
    'mobilePhone',
    'name.formatted',
    'name.given',
    'name.middle',
    'name.family',
    'name.honorificPrefix',
    'name.honorificSuffix',
    'nickname',
    'population.id',
    'photo.href',
    'preferredLanguage',
    'primaryPhone',
    'timezone',
    'title',
    'type',
    'username',
    'lifecycle.status',
    'id',
    // the seeded custom attributes
    'department',
    'employeeNumber',
];

export const userFilterRules: FilterRules = {
    operators: {
        eq: userEqualityAttributes,
        sw: userEqualityAttributes.filter((attribute) => attribute !== 'population.id' && attribute !== 'enabled'),
        ew: ['email', 'name.family', 'name.given'],
    },
    members: { memberOfGroups: { operators: { eq: ['id'] } } },
};

export const groupFilterRules: FilterRules = {
    operators: { eq: ['id', 'name', 'externalId', 'population.id'], sw: ['name', 'externalId'] },
};

export const populationFilterRules: FilterRules = {
    operators: { eq: ['id', 'name'], sw: ['name'] },
};

export const environmentFilterRules: FilterRules = {
    operators: { eq: ['id', 'organization.id', 'license.id', 'status', 'type', 'region'], sw: ['name'] },
};

export const applicationFilterRules: FilterRules = {
    operators: { eq: ['id', 'name', 'type', 'protocol', 'enabled'], sw: ['name'] },
};

// The attributes and operators of the documented audit filters (activity-filter.ts checks their combination).
export const activityFilterRules: FilterRules = {
    operators: {
        gt: ['recordedAt', 'createdAt'],
        ge: ['recordedAt', 'createdAt'],
        lt: ['recordedAt', 'createdAt'],
        le: ['recordedAt', 'createdAt'],
        eq: ['action.type', 'resources.type', 'resources.id', 'resources.population.id', 'actors.user.id'],
        in: ['action.type'],
    },
};
