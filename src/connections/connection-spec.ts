import type { TokenAuthMethod } from '../oauth/index.js';

export type { TokenAuthMethod };

export type { ConnectionSecrets } from '../store/index.js';
import type { ConnectionSecrets } from '../store/index.js';

/** Everything needed to save a connection, after the connector has validated its config. */
export interface ConnectionSpec {
    name: string;
    /** The provider key: `pingone-cc` or `pingone`. */
    provider: string;
    /** The validated connection config: `environmentId`, `tld`. */
    config: Record<string, string>;
    secrets: ConnectionSecrets;
    authMethod?: TokenAuthMethod | undefined;
    /** The loopback emulator origin this connection's PingOne traffic goes to, if any. */
    emulatorUrl?: string | undefined;
}
