import { ActivityLog } from './activity-log.js';
import { Outbox } from './outbox.js';
import type { ApplicationRecord, Json } from './records.js';
import { SessionStore } from './sessions.js';
import { UserStore } from './user-store.js';
import { UserSchema } from './user-schema.js';
import type { GeneratorContext } from './user-generator.js';

/** One PingOne environment and everything in it. */
export class Tenant {
    readonly populations = new Map<string, Json>();
    readonly groups = new Map<string, Json>();
    readonly applications = new Map<string, ApplicationRecord>();
    /** Role assignments by principal (user or application id). */
    readonly roleAssignments = new Map<string, Json[]>();
    /** Webhook subscriptions by id (src/emulator/api/subscriptions.ts). */
    readonly subscriptions = new Map<string, Json>();
    /** Group nesting: a group's ID to the IDs of the parent groups it is nested in. */
    readonly groupParents = new Map<string, string[]>();
    /** Linked accounts by user ID. */
    readonly linkedAccounts = new Map<string, Json[]>();
    readonly signOnPolicies = new Map<string, Json>();
    readonly identityProviders = new Map<string, Json>();
    /** Custom admin roles (`/environments/{id}/roles`); the built-in ones are the world's. */
    readonly customRoles = new Map<string, Json>();
    readonly activities: ActivityLog;
    readonly users: UserStore;
    readonly userSchema: UserSchema;
    readonly sessions: SessionStore;
    /** The codes PingOne would have emailed (verification, password recovery). */
    readonly outbox = new Outbox();

    constructor(
        readonly environment: Json,
        generator: Omit<GeneratorContext, 'environmentId'> & { users: number },
        populations: Json[],
        groups: Json[],
    ) {
        for (const population of populations) this.populations.set(String(population.id), population);
        for (const group of groups) this.groups.set(String(group.id), group);
        this.activities = new ActivityLog(this.id);
        this.users = new UserStore({ ...generator, environmentId: this.id }, generator.users);
        this.userSchema = new UserSchema(this.id);
        this.sessions = new SessionStore(this.id);
    }

    get id(): string {
        return String(this.environment.id);
    }

    assignmentsOf(principalId: string): Json[] {
        let list = this.roleAssignments.get(principalId);
        if (!list) {
            list = [];
            this.roleAssignments.set(principalId, list);
        }
        return list;
    }

    defaultPopulationId(): string {
        for (const population of this.populations.values()) if (population.default === true) return String(population.id);
        return String(this.populations.keys().next().value);
    }
}
