import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../src/connections/connection-spec.js';
import { openHarness, type Harness } from '../../src/harness/index.js';
import { temporaryDatabase } from '../support/harness.js';

// The connections API on a real store, with no network: createValidated's judge is a function here.

const environmentId = 'f2aba07d-270c-42ba-8811-01af5f63d458';
const spec: ConnectionSpec = {
    name: 'prod',
    provider: 'pingone-cc',
    config: { environmentId, tld: 'eu' },
    secrets: { clientId: 'old-client', clientSecret: 'old-secret' },
};
const moved: ConnectionSpec = {
    ...spec,
    config: { environmentId: '11111111-1111-4111-8111-111111111111', tld: 'eu' },
    secrets: { clientId: 'new', clientSecret: 'new-secret' },
};

let harness: Harness;
afterEach(async () => {
    await harness.close();
});

function state(name: string) {
    return {
        connection: harness.connections.get(name),
        secrets: harness.store.secrets.get(name),
        records: harness.store.records.list(name, 'User').records,
        checkpoint: harness.store.checkpoints.get(name, 'users'),
    };
}

async function withData(): Promise<void> {
    await harness.connections.create(spec);
    harness.store.records.saveBatch('prod', 'User', [{ id: 'u1' }]);
    harness.store.checkpoints.save('prod', 'users', { nextPath: `/v1/environments/${environmentId}/users?cursor=1` });
}

describe('connections.createValidated', () => {
    it('puts the previous connection back when the judge throws (a script that could not run, an abort)', async () => {
        harness = openHarness({ dbPath: temporaryDatabase(), env: {} });
        await withData();
        const before = state('prod');
        await expect(
            harness.connections.createValidated(moved, async () => {
                throw new Error('the judge could not run');
            }),
        ).rejects.toThrow('the judge could not run');
        expect(state('prod')).toEqual(before);
    });

    it('leaves nothing of a new connection it refuses, and clears a replaced one only once it is kept', async () => {
        harness = openHarness({ dbPath: temporaryDatabase(), env: {} });
        expect(await harness.connections.createValidated(spec, async () => 'no')).toEqual({ refused: 'no' });
        expect(harness.connections.get('prod')).toBeUndefined();
        expect(harness.store.secrets.get('prod')).toBeUndefined();

        await withData();
        let seenDuringJudging: unknown;
        const kept = await harness.connections.createValidated(moved, async () => {
            seenDuringJudging = state('prod').records.length;
            return undefined;
        });
        expect(seenDuringJudging).toBe(1);
        expect(kept).toMatchObject({ refused: undefined, cleared: true, summary: { config: moved.config } });
        expect(state('prod')).toMatchObject({ records: [], checkpoint: null, secrets: moved.secrets });
    });
});

describe('connections.create', () => {
    it('clears the data of a connection it moves to another environment, and keeps it for the same one', async () => {
        harness = openHarness({ dbPath: temporaryDatabase(), env: {} });
        await withData();
        await harness.connections.create({ ...spec, secrets: { clientId: 'old-client', clientSecret: 'rotated-secret' } });
        expect(state('prod').records).toHaveLength(1);
        await harness.connections.create(moved);
        expect(state('prod')).toMatchObject({ records: [], checkpoint: null });
    });
});

describe('replacing a connection while a sync of it runs', () => {
    it('is refused before anything is written when the source would change, and allowed when it stays', async () => {
        harness = openHarness({ dbPath: temporaryDatabase(), env: {} });
        await withData();
        const run = harness.store.runs.start('prod', 'users', 'sync');
        const before = state('prod');
        for (const replace of [() => harness.connections.create(moved), () => harness.connections.createValidated(moved, async () => undefined)]) {
            await expect(replace()).rejects.toMatchObject({ reason: 'run_in_progress', message: expect.stringContaining(`run ${run}`) });
            expect(state('prod')).toEqual(before);
        }
        await harness.connections.create({ ...spec, secrets: { clientId: 'old-client', clientSecret: 'rotated-secret' } });
        expect(state('prod').records).toEqual(before.records);
        harness.store.runs.finish(run, { status: 'success' });
        await harness.connections.create(moved);
        expect(state('prod').records).toEqual([]);
    });
});
