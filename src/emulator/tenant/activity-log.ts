import { randomUuid } from '../random.js';
import type { Actor } from '../http/context.js';
import type { ActivityType } from './activity-types.js';
import type { Json } from './records.js';

export interface ActivityResource {
    type:
        | 'USER'
        | 'GROUP'
        | 'POPULATION'
        | 'APPLICATION'
        | 'ROLE_ASSIGNMENT'
        | 'DEVICE'
        | 'SESSION'
        | 'LINKED_ACCOUNT'
        | 'SIGN_ON_POLICY'
        | 'IDENTITY_PROVIDER'
        | 'ROLE';
    id: string;
    name: string;
    populationId?: string;
}

/** The audit trail of one environment: every mutation the management API performs, in order. */
export class ActivityLog {
    readonly entries: Json[] = [];
    private readonly listeners: Array<(entry: Json) => void> = [];

    constructor(private readonly environmentId: string) {}

    /** Appends an activity; `past` gives a seeded one its own time and ids (the seeded history). */
    record(
        type: ActivityType,
        resources: ActivityResource[],
        actor: Pick<Actor, 'clientId' | 'environmentId' | 'userId'> | undefined,
        description: string,
        past?: { at: string; id: string; correlationId: string },
    ): void {
        const at = past?.at ?? new Date().toISOString();
        const entry: Json = {
            id: past?.id ?? randomUuid(),
            recordedAt: at,
            createdAt: at,
            correlationId: past?.correlationId ?? randomUuid(),
            environment: { id: this.environmentId },
            action: { type, description },
            resources: resources.map((resource) => ({
                type: resource.type,
                id: resource.id,
                name: resource.name,
                environment: { id: this.environmentId },
                ...(resource.populationId ? { population: { id: resource.populationId } } : {}),
            })),
            result: { status: 'SUCCESS', description },
            actors: actor
                ? {
                      client: { id: actor.clientId, type: 'CLIENT', environment: { id: actor.environmentId } },
                      ...(actor.userId ? { user: { id: actor.userId, type: 'USER', environment: { id: actor.environmentId } } } : {}),
                  }
                : {},
        };
        this.entries.push(entry);
        for (const listener of this.listeners) listener(entry);
    }

    /** Calls `listener` with each activity recorded from now on (the subscriptions service). */
    onRecord(listener: (entry: Json) => void): void {
        this.listeners.push(listener);
    }

    get(id: string): Json | undefined {
        return this.entries.find((entry) => entry.id === id);
    }
}
