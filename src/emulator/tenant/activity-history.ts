import { seededRandom, seededUuid } from '../random.js';
import type { ActivityResource } from './activity-log.js';
import { activityTypes } from './activity-types.js';
import type { Json } from './records.js';
import type { Tenant } from './tenant.js';

// The audit history a seeded environment starts with, so that an audit sync of a fresh emulator has
// something to read. A fixed number of activities, whatever the tenant's size, spread over the days
// before the emulator started. Which users, groups and devices they name, their order, ids and
// offsets from the start derive from the seed; the absolute times move with the start.
// The kinds are changes that agree with the seeded state (the user is in that group, has that device,
// is not locked), so the history never contradicts what the API serves.

const historyHours = 72;
const historySize = 240;

export function seedActivityHistory(tenant: Tenant, seed: string, actorClientId: string | undefined, startedAt: number): void {
    const users = tenant.users.generated;
    if (users === 0) return;
    const random = seededRandom(`${seed}:${tenant.id}:activity-history`);
    const offsets = Array.from({ length: historySize }, () => Math.floor(random() * historyHours * 3600) + 1).sort((a, b) => b - a);
    const actor = actorClientId === undefined ? undefined : { clientId: actorClientId, environmentId: tenant.id };
    offsets.forEach((secondsAgo, n) => {
        const record = tenant.users.at(Math.floor(random() * users));
        if (!record) return;
        const user: ActivityResource = {
            type: 'USER',
            id: String(record.body.id),
            name: String(record.body.username),
            populationId: String((record.body.population as Json).id),
        };
        const groupId = record.groupIds[Math.floor(random() * record.groupIds.length)];
        const device = record.devices[0];
        const past = {
            at: new Date(startedAt - secondsAgo * 1000).toISOString(),
            id: seededUuid(seed, `${tenant.id}:activity:${n}`),
            correlationId: seededUuid(seed, `${tenant.id}:correlation:${n}`),
        };
        const roll = random();
        if (groupId !== undefined && roll < 0.6) {
            const group = tenant.groups.get(groupId);
            const resource: ActivityResource = { type: 'GROUP', id: groupId, name: String(group?.name) };
            tenant.activities.record(activityTypes.groupMemberAdded, [user, resource], actor, `${user.name} added to ${resource.name}`, past);
        } else if (device !== undefined && roll < 0.85) {
            const resource: ActivityResource = { type: 'DEVICE', id: String(device.id), name: String(device.type) };
            tenant.activities.record(activityTypes.deviceUpdated, [user, resource], actor, `${String(device.type)} device of ${user.name} updated`, past);
        } else if ((record.body.account as Json).status !== 'LOCKED') {
            tenant.activities.record(activityTypes.userUnlocked, [user], actor, `User ${user.name} unlocked`, past);
        }
    });
}
