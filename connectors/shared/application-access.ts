// get-application-access and set-application-access: an application's `accessControl`, which says
// who may sign on to it (https://developer.pingidentity.com/pingone-api/platform/applications.html,
// "Application access control").
import { aResource } from './answers.js';
import type { PingOneContext } from './connection.js';
import type { PingOneCall } from './http.js';

/** The GET of one application (the ID already checked). */
export function applicationRead(context: PingOneContext, id: string, doing: string): PingOneCall {
    return { method: 'GET', endpoint: `${context.environmentPath}/applications/${id}`, idempotent: true, answer: aResource, doing, roles: 'applicationsRead' };
}
