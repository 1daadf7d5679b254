import { NangoActionBase, type ProxyConfiguration } from '@nangohq/runner-sdk';
import type { Nango } from '@nangohq/node';
import { ConnectorError, ScriptError } from '../errors/index.js';
import { proxyRequest, type ProxyRequest } from './proxy.js';
import type { LogLevel, RunContext } from './run-context.js';
import { LockTable } from './lock-table.js';

export type NangoProps = ConstructorParameters<typeof NangoActionBase>[0];
type AxiosResponseOf<T> = Awaited<ReturnType<NangoActionBase['proxy']>> & { data: T };
type PublicConnection = Awaited<ReturnType<NangoActionBase['getConnection']>>;
type MetadataResult = Awaited<ReturnType<NangoActionBase['setMetadata']>>;

// Mixins need a constructor signature with a rest parameter of type any[] (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NangoBaseClass = abstract new (...args: any[]) => NangoActionBase;

const levels: Record<string, LogLevel> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error' };

/**
 * Adds the local implementations of Nango's abstract script API to one of runner-sdk's base
 * classes. Everything Nango implements itself (paginate, get/post/..., getMetadata, ActionError,
 * zodValidateInput) is inherited unchanged; what Nango would ask its server for is answered here
 * from the run's context: the connection's dispatcher and token source, and the SQLite store.
 *
 * @internal Its class type (runner-sdk's protected members) cannot be written in a declaration
 * file (TS4094), so the build leaves it out of them.
 */
export function withLocalRuntime<TBase extends NangoBaseClass>(Base: TBase) {
    abstract class LocalRuntime extends Base {
        /** Set right after construction by the run (mixin constructors cannot take typed arguments). */
        declare run: RunContext;
        private readonly locks = new LockTable();

        // Nango's base classes reach a Nango server through `this.nango`; every method that would
        // is overridden below, so any other use is a method the harness does not offer.
        get nango(): Nango {
            throw new ScriptError('invalid_call', 'This script used a Nango server API the local harness does not offer.', {
                hint: 'Scripts run locally may use proxy, paginate, records, checkpoints, metadata, getConnection and log.',
            });
        }

        protected override getProxyConfig(config: ProxyConfiguration): ReturnType<NangoActionBase['getProxyConfig']> {
            return {
                method: 'GET',
                ...config,
                providerConfigKey: config.providerConfigKey || this.providerConfigKey,
                headers: { ...config.headers },
            } as ReturnType<NangoActionBase['getProxyConfig']>;
        }

        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        override async proxy<T = any>(config: ProxyConfiguration): Promise<AxiosResponseOf<T>> {
            this.throwIfAbortedOrKilled();
            this.telemetryBag.proxyCalls += 1;
            this.run.progress({ kind: 'request', requests: this.telemetryBag.proxyCalls });
            const response = await proxyRequest<T>(this.run.proxy, config as ProxyRequest);
            // The AxiosResponse type wants axios' own config and request objects; scripts read
            // data, status and headers, which are real.
            return response as unknown as AxiosResponseOf<T>;
        }

        override log(...args: unknown[]): void {
            const last = args.at(-1);
            let level: LogLevel = 'info';
            if (args.length > 1 && typeof last === 'object' && last !== null && 'level' in last) {
                level = levels[String((last as { level: unknown }).level)] ?? 'info';
                args = args.slice(0, -1);
            }
            if (!this.shouldLog(level)) return;
            this.telemetryBag.customLogs += 1;
            const message = args.map((arg) => (typeof arg === 'string' ? this.run.redactor.redact(arg) : this.run.redactor.redactValue(arg))).join(' ');
            this.run.log({ level, message });
        }

        override async getToken(): Promise<string> {
            this.throwIfAbortedOrKilled();
            return this.run.proxy.tokens.getAccessToken(this.run.signal);
        }

        override async getConnection(): Promise<PublicConnection> {
            this.throwIfAbortedOrKilled();
            const view = this.run.connection;
            const token = await this.getToken();
            const connection = {
                id: 0,
                connection_id: view.name,
                provider_config_key: view.integration,
                provider: view.provider,
                connection_config: { ...view.connectionConfig },
                metadata: this.run.metadata.get(),
                errors: [],
                end_user: null,
                tags: {},
                created_at: view.createdAt,
                updated_at: view.updatedAt,
                last_fetched_at: new Date().toISOString(),
                // The client secret and refresh token stay in the harness: a script needs only the
                // access token, and what a script is never given it cannot log.
                credentials:
                    view.provider === 'pingone'
                        ? { type: 'OAUTH2', access_token: token, raw: {} }
                        : { type: 'OAUTH2_CC', token, client_id: view.clientId ?? '', raw: {} },
            };
            return connection as unknown as PublicConnection;
        }

        override async getIntegration(): Promise<Awaited<ReturnType<NangoActionBase['getIntegration']>>> {
            const view = this.run.connection;
            return { unique_key: view.integration, provider: view.provider, display_name: view.provider, webhook_url: null } as unknown as Awaited<
                ReturnType<NangoActionBase['getIntegration']>
            >;
        }

        override async setMetadata(metadata: unknown): Promise<MetadataResult> {
            this.throwIfAbortedOrKilled();
            this.run.metadata.set(asObject(metadata));
            return metadataResult(this.run.connection);
        }

        override async updateMetadata(metadata: unknown): Promise<MetadataResult> {
            this.throwIfAbortedOrKilled();
            this.run.metadata.update(asObject(metadata));
            return metadataResult(this.run.connection);
        }

        override async getEnvironmentVariables(): Promise<null> {
            return null;
        }

        override async triggerAction(): Promise<never> {
            throw unsupported('triggerAction');
        }

        async triggerSync(): Promise<void> {
            throw unsupported('triggerSync');
        }

        async startSync(): Promise<void> {
            throw unsupported('startSync');
        }

        async uncontrolledFetch(): Promise<Response> {
            // Credentials never leave for an arbitrary URL from here, and the harness makes no
            // other network calls: offline by construction.
            throw unsupported('uncontrolledFetch');
        }

        async tryAcquireLock({ key, ttlMs }: { key: string; ttlMs: number }): Promise<boolean> {
            return this.locks.tryAcquire(key, ttlMs);
        }

        async releaseLock({ key }: { key: string }): Promise<boolean> {
            return this.locks.release(key);
        }

        async releaseAllLocks(): Promise<void> {
            this.locks.releaseAll();
        }

        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        async getCheckpoint(): Promise<any> {
            return this.run.store.getCheckpoint();
        }

        async clearCheckpoint(): Promise<void> {
            this.run.store.commit({ saves: [], updates: [], deletes: [], checkpoint: null });
        }
    }
    return LocalRuntime;
}

function asObject(value: unknown): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ConnectorError('invalid_metadata', 'Connection metadata must be an object.', { hint: 'Pass an object such as { "populationId": "..." }.' });
    }
    return value as Record<string, unknown>;
}

function metadataResult(view: { name: string; integration: string }): MetadataResult {
    const data = { connection_id: view.name, provider_config_key: view.integration };
    return { data, status: 200, statusText: 'OK', headers: {}, config: {} } as unknown as MetadataResult;
}

function unsupported(method: string): ScriptError {
    return new ScriptError('invalid_call', `nango.${method}() needs a Nango server; the local harness does not offer it.`, {
        hint: 'Run the other script yourself with `npx pingone-connector sync` or `action`.',
    });
}

/** The NangoProps a local run gives runner-sdk's constructors: only what its base classes read. */
export function localNangoProps(run: RunContext, scriptType: 'sync' | 'action' | 'on-event', debug: boolean): NangoProps {
    const props = {
        scriptType,
        secretKey: '',
        team: { id: 0, name: 'local' },
        connectionId: run.connection.name,
        environmentId: 0,
        environmentName: 'local',
        activityLogId: `local-${run.scriptName}`,
        providerConfigKey: run.connection.integration,
        provider: run.connection.provider,
        nangoConnectionId: 0,
        abortSignal: run.signal,
        // Nango's server fills syncConfig from the deployed definitions; its base classes read
        // only `models_json_schema` (for validateRecords, which the harness replaces with zod).
        syncConfig: { sync_name: run.scriptName, models_json_schema: null },
        runnerFlags: { validateActionInput: true, validateActionOutput: true, validateSyncRecords: true, validateSyncMetadata: true },
        logger: { level: debug ? 'debug' : 'info' },
        debug,
        startedAt: new Date(),
        endUser: null,
        isCLI: true,
    };
    // The full NangoProps type describes Nango's server records (DBSyncConfig, DBTeam); a local run has none.
    return props as unknown as NangoProps;
}
