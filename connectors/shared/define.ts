// One implementation per script, two integrations: the shared definition carries everything but the
// integration's own wording, and each `connectors/<integration>/...` entry file spreads `props()` into
// `createSync`/`createAction`/`createOnEvent` (Nango's compiler needs that call, with an object literal,
// in the entry file itself).
import type { CreateActionProps, CreateOnEventProps, CreateSyncProps, NangoAction, NangoSync } from 'nango';
import type * as z from 'zod';

import { requireKind, type ConnectionKind } from './connection-kind.js';
import { grantedWhere, ROLES, type RoleNeed } from './pingone.js';

export type Integration = 'pingone' | 'pingone-cc';

type ZodModels = CreateSyncProps<Record<string, z.ZodObject<{ id: z.ZodString }>>>['models'];
type ZodCheckpoint = z.ZodObject<Record<string, z.ZodString | z.ZodNumber | z.ZodBoolean>>;
type ZodMetadata = z.ZodObject;

const VERSION = '1.0.0';

/** The roles the script needs, in the words of each integration's credentials. */
function access(integration: Integration, needs: readonly RoleNeed[]): { description: string; scopes?: string[] } {
    const roles = [...new Set(needs.flatMap((need) => [...ROLES[need]]))];
    if (roles.length === 0) {
        return { description: 'Any valid PingOne token may call it.' };
    }
    const sentences = [...new Set(needs.filter((need) => ROLES[need].length > 0).map((need) => `${ROLES[need].join(' or ')} ${grantedWhere(need)}`))].join(
        '; and ',
    );
    if (integration === 'pingone-cc') {
        return { description: `Needs the Worker app to hold ${sentences}.` };
    }
    // Authorization-code tokens act with the signed-on admin's roles; Nango's `scopes` documents them.
    return { description: `Needs the signed-on admin to hold ${sentences}.`, scopes: roles };
}

function describe(integration: Integration, what: string, needs: readonly RoleNeed[]): { description: string; scopes?: string[] } {
    const { description, scopes } = access(integration, needs);
    return { description: `${what} ${description}`, ...(scopes ? { scopes } : {}) };
}

/** A self-service action's wording: the p1:* scopes the signed-on user's token must carry. */
function describeSelfService(what: string, scopes: readonly string[]): { description: string; scopes: string[] } {
    return {
        description: `${what} Self-service: acts on the signed-on user only, through an OIDC Web App whose token carries ${scopes.join(' and ')}.`,
        scopes: [...scopes],
    };
}

export interface SyncSpec<TModels extends ZodModels, TMetadata extends ZodMetadata, TCheckpoint extends ZodCheckpoint> {
    name: string;
    description: string;
    /** Every sync reads on behalf of an admin: it runs on `admin` connections only. */
    roles: readonly RoleNeed[];
    frequency: string;
    models: TModels;
    metadata: TMetadata;
    checkpoint: TCheckpoint;
    run: (nango: NangoSync<TModels, TMetadata, TCheckpoint>, checkpoint: z.infer<TCheckpoint> | null) => Promise<void>;
    /**
     * Changes pushed by PingOne (a webhook subscription's deliveries): the audit action types it handles
     * (Nango's `webhookSubscriptions`) and its `onWebhook`. The catalog entry says `webhooks: true`.
     */
    webhook?: {
        types: readonly string[];
        handle: (nango: NangoSync<TModels, TMetadata, TCheckpoint>, payload: unknown) => Promise<void>;
    };
}

export function defineSync<TModels extends ZodModels, TMetadata extends ZodMetadata, TCheckpoint extends ZodCheckpoint>(
    spec: SyncSpec<TModels, TMetadata, TCheckpoint>,
) {
    const kinds: readonly ConnectionKind[] = ['admin'];
    return {
        name: spec.name,
        description: spec.description,
        frequency: spec.frequency,
        roles: spec.roles,
        kinds,
        models: spec.models,
        metadata: spec.metadata,
        props: (integration: Integration): Omit<CreateSyncProps<TModels, TMetadata, TCheckpoint>, 'exec'> => ({
            version: VERSION,
            ...describe(integration, spec.description, spec.roles),
            frequency: spec.frequency,
            autoStart: true,
            models: spec.models,
            metadata: spec.metadata,
            checkpoint: spec.checkpoint,
            ...(spec.webhook ? { webhookSubscriptions: [...spec.webhook.types] } : {}),
        }),
        run: async (nango: NangoSync<TModels, TMetadata, TCheckpoint>, checkpoint: z.infer<TCheckpoint> | null): Promise<void> => {
            await requireKind(nango, `The ${spec.name} sync`, kinds);
            return spec.run(nango, checkpoint);
        },
        onWebhook: async (nango: NangoSync<TModels, TMetadata, TCheckpoint>, payload: unknown): Promise<void> => {
            if (!spec.webhook) throw new Error(`The ${spec.name} sync takes no webhooks.`);
            await requireKind(nango, `The ${spec.name} sync`, kinds);
            return spec.webhook.handle(nango, payload);
        },
    };
}

export interface ActionSpec<TInput extends z.ZodTypeAny, TOutput extends z.ZodTypeAny> {
    name: string;
    description: string;
    /** Admin actions: the roles the Worker app or the signed-on admin needs. Self-service actions: none. */
    roles: readonly RoleNeed[];
    /** Set for a self-service action: the p1:* scopes it needs; it then runs on `self-service` connections only. */
    selfService?: { scopes: readonly string[] };
    input: TInput;
    output: TOutput;
    exec: (nango: NangoAction, input: z.infer<TInput>) => Promise<z.infer<TOutput>>;
}

export function defineAction<TInput extends z.ZodTypeAny, TOutput extends z.ZodTypeAny>(spec: ActionSpec<TInput, TOutput>) {
    const kinds: readonly ConnectionKind[] = spec.selfService ? ['self-service'] : ['admin'];
    return {
        name: spec.name,
        description: spec.description,
        roles: spec.roles,
        kinds,
        ...(spec.selfService ? { selfService: spec.selfService } : {}),
        input: spec.input,
        output: spec.output,
        props: (integration: Integration): CreateActionProps<TInput, TOutput> => ({
            version: VERSION,
            ...(spec.selfService ? describeSelfService(spec.description, spec.selfService.scopes) : describe(integration, spec.description, spec.roles)),
            input: spec.input,
            output: spec.output,
            exec: async (nango, input) => {
                await requireKind(nango, `The ${spec.name} action`, kinds);
                return spec.exec(nango, input);
            },
        }),
    };
}

export interface OnEventSpec {
    name: string;
    description: string;
    event: CreateOnEventProps['event'];
    exec: (nango: NangoAction, integration: Integration) => Promise<void>;
}

export function defineOnEvent(spec: OnEventSpec) {
    return {
        name: spec.name,
        props: (integration: Integration): CreateOnEventProps => ({
            version: VERSION,
            description: spec.description,
            event: spec.event,
            exec: (nango) => spec.exec(nango, integration),
        }),
    };
}
