// What the paging tests that stand in for `nango.proxy` share: a connection context and an
// ActionError class of the shape the scripts throw.
import type { PingOneContext } from '../../connectors/shared/connection.js';

export const context: PingOneContext = {
    environmentId: '0c5a3b5e-1d2f-4a6b-9c8d-7e6f5a4b3c2d',
    tld: 'com',
    apiOrigin: 'https://api.pingone.com',
    environmentPath: '/v1/environments/0c5a3b5e-1d2f-4a6b-9c8d-7e6f5a4b3c2d',
};

export class ActionError extends Error {
    constructor(readonly payload: unknown) {
        super('action error');
    }
}
