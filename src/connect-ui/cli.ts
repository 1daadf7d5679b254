import type { CommandContext } from '../cli/command.js';
import { untilAborted } from '../cli/until-aborted.js';
import { ConnectorError, UsageError } from '../errors/index.js';
import { resolveStorePath } from '../store/index.js';
import { createConnectionBackend } from './connection-backend.js';
import { openInBrowser } from './open-in-browser.js';
import { startConnectUi } from './server.js';

// `pingone-connector connect <name> --provider <key> --ui [--port N] [--open]`: the `connect`
// command parses the flags and hands over here (loaded lazily, so other commands never load the
// page bundler). The page is served until the command is stopped.

export interface ConnectUiCommandOptions {
    /** The provider key: `pingone-cc`, `pingone`, ... */
    provider: string;
    /** The name the connection is saved under. */
    connectionName: string;
    /** `--port`; undefined or 0 picks a free port. */
    port?: number | undefined;
    /** `--open`: also hand the address to the desktop's browser. */
    open?: boolean | undefined;
    /** `--emulator` or PINGONE_EMULATOR_URL, already checked to be a loopback origin. */
    emulatorUrl?: string | undefined;
    /** `--db`; else PINGONE_CONNECTOR_DB, else .pingone/pingone.db in the working directory. */
    db?: string | undefined;
}

async function started(start: () => ReturnType<typeof startConnectUi>, port: number | undefined): ReturnType<typeof startConnectUi> {
    try {
        return await start();
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') {
            throw new UsageError(
                `--port ${port}: ${code === 'EADDRINUSE' ? 'another program is listening on that port' : 'not allowed to listen on that port'}.`,
                {
                    flag: '--port',
                    hint: 'Choose another port (1024-65535), or leave out --port to use a free one.',
                    cause: error,
                },
            );
        }
        throw error;
    }
}

/** Serves the credential form on 127.0.0.1 until `context.signal` aborts; resolves to the exit code. */
export async function runConnectUiCommand(options: ConnectUiCommandOptions, context: CommandContext): Promise<number> {
    const { getConnector } = await import('../../connectors/registry.generated.js');
    const connector = getConnector(options.provider);
    const storePath = resolveStorePath({ flag: options.db, env: context.env, cwd: context.cwd });
    const backend = createConnectionBackend({
        connector,
        storePath,
        emulatorUrl: options.emulatorUrl,
        env: context.env,
        onSaved: (saved) =>
            context.stdout.write(
                `${saved.replaced ? 'Replaced' : 'Saved'} the connection "${saved.name}" in ${saved.storePath}.` +
                    (saved.firstSync === undefined ? '' : ` Next: pingone-connector sync ${saved.firstSync} --connection ${saved.name}`) +
                    '\n',
            ),
    });
    const onError = (error: unknown): void => {
        const text = error instanceof ConnectorError ? error.describe() : error instanceof Error ? (error.stack ?? error.message) : String(error);
        context.stderr.write(`The Connect UI failed on a request: ${text}\n`);
    };
    const ui = await started(() => startConnectUi({ connector, connectionName: options.connectionName, backend, port: options.port, onError }), options.port);
    try {
        context.stdout.write(
            [
                `Connect UI for ${connector.displayName}. Open this address in a browser on this machine:`,
                '',
                `  ${ui.url}`,
                '',
                `The connection is saved as "${options.connectionName}" once ${connector.authMode === 'OAUTH2' ? 'the sign-on' : 'the connection test'} succeeds.` +
                    (options.emulatorUrl === undefined ? '' : ` PingOne is served by the emulator at ${options.emulatorUrl}.`),
                ...(connector.authMode === 'OAUTH2'
                    ? [`PingOne sends the browser back to ${ui.redirectUri}: add it to the application's Redirect URIs (--port keeps it the same).`]
                    : []),
                'Press Ctrl+C to stop.',
                '',
            ].join('\n'),
        );
        if (options.open === true) {
            await openInBrowser(ui.url).catch((error: unknown) =>
                context.stderr.write(`Could not open a browser (${(error as Error).message}); open the address above yourself.\n`),
            );
        }
        await untilAborted(context.signal);
        return 0;
    } finally {
        await ui.close();
    }
}
