// How to check, with one harmless read, that a token may make each kind of call of the roles
// table (providers.extensions.yaml `roles`). Write calls have no harmless probe: for those the
// diagnosis reads the application's role assignments instead.

export const roleProbes: Readonly<Record<string, (environmentId: string) => string>> = {
    'read-identity-data': (environmentId) => `/v1/environments/${environmentId}/users?limit=1`,
    'read-applications': (environmentId) => `/v1/environments/${environmentId}/applications`,
    'read-audit-activities': (environmentId) =>
        `/v1/environments/${environmentId}/activities?limit=1&filter=${encodeURIComponent('recordedAt gt "2000-01-01T00:00:00Z"')}`,
    'list-environments': () => '/v1/environments?limit=1',
    'list-roles': () => '/v1/roles',
    'read-subscriptions': (environmentId) => `/v1/environments/${environmentId}/subscriptions`,
    'read-configuration': (environmentId) => `/v1/environments/${environmentId}/signOnPolicies?limit=1`,
    'read-application-roles': (environmentId) => `/v1/environments/${environmentId}/applicationRoles`,
};
