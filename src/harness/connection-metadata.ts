import * as z from 'zod';
import { CATALOG } from '../../connectors/shared/catalog.js';
import { parseInput } from './parse-input.js';
import { sharedModule, type SharedSync } from './script-reference.js';

// Connection metadata tunes the syncs (pace, reconciliation interval, the populations of a scoped
// connection). What may be saved is exactly what the integration's syncs read: one strict object of
// all their metadata fields, so a misspelt key is refused rather than saved and silently ignored.

const HINT = 'Fix every field named above (`sync <name> --help` lists the metadata fields each sync reads); nothing was saved.';

/** Every metadata field the integration's syncs read, as one strict schema. */
export async function connectionMetadataSchema(integration: string): Promise<z.ZodObject> {
    const syncs = CATALOG.filter((entry) => entry.kind === 'syncs' && (entry.only === undefined || entry.only === integration));
    const shapes = await Promise.all(syncs.map(async (entry) => (await sharedModule<SharedSync>(entry)).metadata.shape));
    return z.strictObject(Object.assign({}, ...shapes) as z.ZodRawShape);
}

/** The metadata to save for a connection of the integration, checked; throws InvalidInputError naming every problem. */
export async function parseConnectionMetadata(integration: string, value: unknown): Promise<Record<string, unknown>> {
    return parseInput(await connectionMetadataSchema(integration), value, HINT) as Record<string, unknown>;
}
