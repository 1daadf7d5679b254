// A sync whose records hang off another collection, one request (or a few pages) per parent:
// memberships per group, role assignments and MFA devices per user. Parents are scanned page by page
// (checkpointed); each page's children are fetched with bounded concurrency.
import * as z from 'zod';

import { chunks } from './batches.js';
import { readPingOneContext, type PingOneContext } from './connection.js';
import { defineSync } from './define.js';
import { fanOutLimits, PacingMetadata } from './fan-out-limits.js';
import { mapBounded } from './fan-out.js';
import { pingOneStatus } from './errors.js';
import { fullScan, ScanCheckpoint } from './full-scan.js';
import type { ProxyNango } from './http.js';
import type { Raw } from './mappers.js';
import { allItems, type CollectionRequest } from './paging.js';
import type { RoleNeed } from './pingone.js';

export interface FanOutSyncSpec<TName extends string, TModel extends z.ZodObject<{ id: z.ZodString }>, TState> {
    name: string;
    description: string;
    roles: RoleNeed[];
    frequency: string;
    modelName: TName;
    model: TModel;
    parents: (context: PingOneContext) => CollectionRequest;
    children: (context: PingOneContext, parent: Raw) => CollectionRequest;
    /** Reads what every record needs once per run (e.g. role names). */
    prepare: (nango: ProxyNango, context: PingOneContext) => Promise<TState>;
    map: (parent: Raw, child: Raw, state: TState) => z.infer<TModel>;
}

/** All children of one parent; a parent deleted since it was listed has none. */
async function childrenOf(nango: ProxyNango, context: PingOneContext, request: CollectionRequest): Promise<Raw[]> {
    try {
        return await allItems<Raw>(nango, context, request);
    } catch (error) {
        if (pingOneStatus(error) === 404) {
            return [];
        }
        throw error;
    }
}

export function defineFanOutSync<TName extends string, TModel extends z.ZodObject<{ id: z.ZodString }>, TState>(spec: FanOutSyncSpec<TName, TModel, TState>) {
    const models = { [spec.modelName]: spec.model } as Record<TName, TModel>;
    return defineSync({
        name: spec.name,
        description: spec.description,
        roles: spec.roles,
        frequency: spec.frequency,
        models,
        metadata: PacingMetadata,
        checkpoint: ScanCheckpoint,
        run: async (nango, checkpoint) => {
            const context = await readPingOneContext(nango);
            const limits = await fanOutLimits(nango);
            const state = await spec.prepare(nango, context);
            await fullScan(nango, context, checkpoint, {
                models: [spec.modelName],
                request: spec.parents(context),
                onPage: async (parents) => {
                    const perParent = await mapBounded(parents, limits, async (parent) => {
                        const children = await childrenOf(nango, context, spec.children(context, parent));
                        return children.map((child) => spec.map(parent, child, state));
                    });
                    for (const batch of chunks(perParent.flat())) {
                        await nango.batchSave(batch, spec.modelName);
                    }
                },
            });
        },
    });
}
