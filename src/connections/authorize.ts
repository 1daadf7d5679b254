import { ConnectorError } from '../errors/index.js';
import type { ConnectionSpec } from './connection-spec.js';

export interface AuthorizeOptions {
    port: number | undefined;
    signal: AbortSignal;
    say: (line: string) => void;
}

// INTERIM until src/oauth lands with the authorization-code + PKCE flow and its loopback receiver.
export async function authorizeInteractively(spec: ConnectionSpec, _options: AuthorizeOptions): Promise<ConnectionSpec> {
    throw new ConnectorError('not_ready', `The authorization-code flow for ${spec.provider} is not wired yet.`);
}
