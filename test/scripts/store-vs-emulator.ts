// What the no-data-loss tests share: a sync run in a child process that a test may SIGKILL at a
// step boundary, a reference read of the emulator's data, and the comparison of a store with it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { openHarness, type Harness } from '../../src/harness/index.js';
import type { EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator, type TestEmulator } from '../support/emulator.js';
import { temporaryDatabase } from '../support/harness.js';

// The built CLI (the suite's global set-up makes sure dist/ is up to date).
const cli = fileURLToPath(new URL('../../bin/pingone-connector.js', import.meta.url));

/** The syncs whose records mirror PingOne's data, with their model. */
export const MIRROR_SYNCS = [
    { sync: 'users', model: 'User' },
    { sync: 'groups', model: 'Group' },
    { sync: 'populations', model: 'Population' },
    { sync: 'group-memberships', model: 'GroupMembership' },
    { sync: 'user-role-assignments', model: 'UserRoleAssignment' },
    { sync: 'mfa-devices', model: 'MfaDevice' },
    { sync: 'applications', model: 'Application' },
    { sync: 'user-schema-attributes', model: 'UserSchemaAttribute' },
    { sync: 'group-nesting', model: 'GroupNesting' },
    { sync: 'sign-on-policies', model: 'SignOnPolicy' },
    { sync: 'identity-providers', model: 'IdentityProvider' },
    { sync: 'custom-roles', model: 'CustomRole' },
] as const;

export type MirrorSync = (typeof MIRROR_SYNCS)[number];

/** The `part`-th of `count` near-equal slices of the mirror syncs, for proofs split into files that run side by side. */
export function mirrorSyncsPart(part: number, count: number): readonly MirrorSync[] {
    const size = Math.ceil(MIRROR_SYNCS.length / count);
    return MIRROR_SYNCS.slice((part - 1) * size, part * size);
}

export interface ChildRun {
    /** `SIGKILL` when the step hook killed it. */
    signal: NodeJS.Signals | null;
    code: number | null;
    /** The step boundaries it passed, by name. */
    steps: string[];
    /** The run's status, when it ended by itself. */
    status: string | undefined;
}

/** PINGONE_* settings of the caller's must not reach the child's connection. */
function childEnvironment(killAt: number | string): NodeJS.ProcessEnv {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PINGONE_')));
    return { ...env, PINGONE_CONNECTOR_TEST_KILL_AT_STEP: String(killAt) };
}

/**
 * Runs a full sync in a child process: the built CLI (`pingone-connector sync … --full --json`), as a
 * user runs it. `killAt` > 0 SIGKILLs it at that step boundary, `<name>#<n>` at the n-th boundary of
 * that name (0: counts them only).
 */
export function runSyncInChild(dbPath: string, sync: string, killAt: number | string): Promise<ChildRun> {
    return new Promise((resolve, reject) => {
        const args = [cli, 'sync', sync, '--connection', 'cc', '--db', dbPath, '--full', '--json'];
        const child = spawn(process.execPath, args, { env: childEnvironment(killAt), cwd: path.dirname(dbPath), stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => {
            const steps = [...stderr.matchAll(/^step \d+ (.+)$/gm)].map((match) => match[1] ?? '');
            if (signal !== null) {
                resolve({ signal, code, steps, status: undefined });
                return;
            }
            try {
                resolve({ signal, code, steps, status: (JSON.parse(stdout) as { status: string }).status });
            } catch {
                reject(new Error(`The sync child exited with ${code} and no JSON report:\n${stderr}`));
            }
        });
    });
}

/** A harness on a fresh database with a `cc` connection (the Worker app) to the emulator, and the package's own scripts. */
export async function syncSide(emulator: TestEmulator): Promise<{ harness: Harness; dbPath: string }> {
    const dbPath = temporaryDatabase();
    const harness = openHarness({ dbPath, env: {} });
    await harness.connections.create({
        name: 'cc',
        provider: 'pingone-cc',
        config: { environmentId: emulator.environmentId, tld: emulator.tld },
        secrets: { clientId: emulator.worker.clientId, clientSecret: emulator.worker.clientSecret },
        authMethod: 'client_secret_post',
        emulatorUrl: emulator.url,
    });
    return { harness, dbPath };
}

export interface ComparedWorld {
    emulator: TestEmulator;
    /** The store under test. */
    synced: { harness: Harness; dbPath: string };
    /** Another database, for the reference reads of `emulatorData`. */
    reference: Harness;
    close(): Promise<void>;
}

/** An emulator with the store under test and a reference store, each with its `cc` connection. */
export async function openComparedWorld(options: EmulatorOptions): Promise<ComparedWorld> {
    const emulator = await startTestEmulator(options);
    const synced = await syncSide(emulator);
    const reference = (await syncSide(emulator)).harness;
    return {
        emulator,
        synced,
        reference,
        async close() {
            await synced.harness.close();
            await reference.close();
            await emulator.close();
        },
    };
}

type Stored = Record<string, unknown>;

/** A model's stored records: the live ones (with the cursor each last moved to), the ids marked deleted, and the row count. */
export interface StoredState {
    live: Map<string, { record: Stored; cursor: string }>;
    deleted: Set<string>;
    rows: number;
}

export function storedState(harness: Harness, model: string): StoredState {
    const live = new Map<string, { record: Stored; cursor: string }>();
    const deleted = new Set<string>();
    let rows = 0;
    for (const { _nango_metadata: meta, ...record } of harness.store.records.iterate('cc', model)) {
        rows++;
        if (meta.deleted_at === null) live.set(String(record['id']), { record, cursor: meta.cursor });
        else deleted.add(String(record['id']));
    }
    return { live, deleted, rows };
}

/**
 * The emulator's data as the sync's records: a complete run with no faults on a database of its own.
 * The emulator does not change while the compared runs read it, so a store that equals this holds
 * exactly what PingOne (the emulator) has.
 */
export async function emulatorData(reference: Harness, emulator: TestEmulator, sync: string, model: string): Promise<Map<string, Stored>> {
    const faults = emulator.admin.faults();
    emulator.admin.setFaults({});
    try {
        const report = await reference.runSync('cc', sync, { full: true });
        if (report.status !== 'success') throw new Error(`The reference run of ${sync} failed: ${report.error?.message}`);
    } finally {
        emulator.admin.setFaults(faults);
    }
    return new Map([...storedState(reference, model).live].map(([id, { record }]) => [id, record]));
}

export interface Comparison {
    expected: number;
    live: number;
    /** In PingOne, not live in the store. */
    lost: number;
    /** In PingOne, marked deleted in the store. */
    wronglyDeleted: number;
    /**
     * In PingOne and unchanged since `before`, yet their cursor moved: the record was changed and
     * changed back, i.e. marked deleted and restored at some point between (an identical save keeps the cursor).
     */
    deletedForAWhile: number;
    /** Live in the store, not in PingOne. */
    extra: number;
    /** Live in both, with other content. */
    stale: number;
    /** Rows beyond one per id. */
    duplicated: number;
}

export function compare(harness: Harness, model: string, expected: Map<string, Stored>, before?: StoredState): Comparison {
    const { live, deleted, rows } = storedState(harness, model);
    const ids = [...expected.keys()];
    const same = (a: Stored | undefined, b: Stored | undefined) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
    return {
        expected: expected.size,
        live: live.size,
        lost: ids.filter((id) => !live.has(id)).length,
        wronglyDeleted: ids.filter((id) => deleted.has(id)).length,
        deletedForAWhile: ids.filter((id) => {
            const was = before?.live.get(id);
            const now = live.get(id);
            return was !== undefined && now !== undefined && same(was.record, expected.get(id)) && was.cursor !== now.cursor;
        }).length,
        extra: [...live.keys()].filter((id) => !expected.has(id)).length,
        stale: ids.filter((id) => !same(live.get(id)?.record, expected.get(id))).length - ids.filter((id) => !live.has(id)).length,
        duplicated: rows - new Set([...live.keys(), ...deleted]).size,
    };
}

function sorted(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sorted);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
        Object.keys(value)
            .sort()
            .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
}

/** Changes the emulator's data a little, so that a following run has users, groups and memberships to add and delete. */
export async function changeData(emulator: TestEmulator, round: number): Promise<void> {
    const { admin } = emulator;
    const victim = admin.users.at((round * 7) % admin.users.count());
    if (victim) admin.users.delete(String(victim['id']));
    const groups = admin.directory().groups;
    const created = admin.users.create({ username: `round-${round}`, email: `round-${round}@example.com` });
    const group = groups[round % Math.max(1, groups.length)];
    if (group) admin.users.setGroups(String(created['id']), [String(group['id'])]);
    const token = await emulator.workerToken();
    const api = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
        const response = await fetch(`${emulator.url}/v1/environments/${emulator.environmentId}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        if (!response.ok) throw new Error(`The emulator refused ${method} ${path}: ${response.status} ${await response.text()}`);
        const text = await response.text();
        return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    // A group, nested in a seeded one (group-nesting), and a sign-on policy come each round; the last round's go.
    const made = await api('POST', '/groups', { name: `Round ${round}` });
    const seeded = groups.find((candidate) => !String(candidate['name']).startsWith('Round '));
    if (seeded) await api('POST', `/groups/${String(made['id'])}/memberOfGroups`, { id: String(seeded['id']) });
    const old = groups.find((candidate) => String(candidate['name']).startsWith('Round '));
    if (old) await api('DELETE', `/groups/${String(old['id'])}`);
    const policies = (await api('GET', '/signOnPolicies'))['_embedded'] as { signOnPolicies: Array<{ id: string; name: string }> };
    await api('POST', '/signOnPolicies', { name: `Round ${round}` });
    const oldPolicy = policies.signOnPolicies.find((policy) => policy.name.startsWith('Round '));
    if (oldPolicy) await api('DELETE', `/signOnPolicies/${oldPolicy.id}`);
}
