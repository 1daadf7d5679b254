export type { ConnectBackend } from './connect-backend.js';
export type { ConnectRequest, ConnectResponse } from './protocol.js';
export { startConnectUi, type ConnectUi, type ConnectUiOptions } from './server.js';
