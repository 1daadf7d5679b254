// A sync that mirrors one PingOne collection (groups, populations, applications, environments):
// a checkpointed full scan, one record per item, deletes detected when the scan completes.
import * as z from 'zod';

import { readPingOneContext, type PingOneContext } from './connection.js';
import { defineSync } from './define.js';
import { fullScan, ScanCheckpoint } from './full-scan.js';
import type { ProxyNango } from './http.js';
import type { Raw } from './mappers.js';
import type { RoleNeed } from './pingone.js';

export interface CollectionSyncSpec<TName extends string, TModel extends z.ZodObject<{ id: z.ZodString }>> {
    name: string;
    description: string;
    roles: RoleNeed;
    frequency: string;
    modelName: TName;
    model: TModel;
    /** The collection's path, e.g. `${environmentPath}/groups`; it may first read PingOne (the user schema's ID). */
    path: (context: PingOneContext, nango: ProxyNango) => string | Promise<string>;
    embedded: string;
    /** Says what failed, e.g. "list groups". */
    doing: string;
    map: (raw: Raw) => z.infer<TModel>;
}

export function defineCollectionSync<TName extends string, TModel extends z.ZodObject<{ id: z.ZodString }>>(spec: CollectionSyncSpec<TName, TModel>) {
    const models = { [spec.modelName]: spec.model } as Record<TName, TModel>;
    return defineSync({
        name: spec.name,
        description: spec.description,
        roles: [spec.roles],
        frequency: spec.frequency,
        models,
        metadata: z.object({}),
        checkpoint: ScanCheckpoint,
        run: async (nango, checkpoint) => {
            const context = await readPingOneContext(nango);
            await fullScan(nango, context, checkpoint, {
                models: [spec.modelName],
                request: { path: await spec.path(context, nango), embedded: spec.embedded, doing: spec.doing, roles: spec.roles },
                onPage: async (items) => {
                    await nango.batchSave(items.map(spec.map), spec.modelName);
                },
            });
        },
    });
}
