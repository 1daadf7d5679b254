import { getConnector, providerKeys, type ProviderConnector } from '../../connectors/registry.generated.js';
import type { Connector } from '../connector/connector.js';
import { NotFoundError, UsageError } from '../errors/index.js';

/** The compiled connector module of a provider key; an unknown key is a usage error (exit 2) listing the known ones. */
export function connectorFor(provider: string): ProviderConnector & Connector {
    try {
        return getConnector(provider);
    } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        throw new UsageError(`Unknown provider "${provider}".`, { flag: '--provider', hint: `Use one of: ${providerKeys.join(', ')}.` });
    }
}
