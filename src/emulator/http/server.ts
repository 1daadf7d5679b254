import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticate, authorize } from '../api/access.js';
import { OAuthError } from '../auth/oauth-error.js';
import type { Emulation } from '../emulation.js';
import type { FaultDecision } from '../faults/fault-dice.js';
import { countStatus } from '../stats.js';
import { ApiError, apiErrors } from './api-error.js';
import { requestOrigin, type RequestContext } from './context.js';
import { JsonText, type Reply } from './reply.js';
import type { Router } from './router.js';

const maxBodyBytes = 1_048_576;

function readBody(request: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBodyBytes) {
                reject(new ApiError(413, 'INVALID_REQUEST', `The request body exceeds ${maxBodyBytes} bytes.`));
                request.destroy();
            } else {
                chunks.push(chunk);
            }
        });
        request.on('end', () => resolve(Buffer.concat(chunks)));
        request.on('error', reject);
    });
}

/** The environment a path addresses (`/v1/environments/{id}/…` or `/{id}/as/…`): the rate-limit key. */
function environmentOf(path: string): string {
    const api = /^\/v1\/environments\/([^/]+)/.exec(path);
    if (api?.[1]) return api[1];
    const auth = /^\/([^/]+)\/as(\/|$)/.exec(path);
    return auth?.[1] ?? 'organization';
}

function errorReply(error: unknown): Reply {
    if (error instanceof ApiError) return { status: error.status, body: error.body(), headers: error.headers };
    if (error instanceof OAuthError) return { status: error.status, body: error.body(), headers: { 'cache-control': 'no-store', ...error.headers } };
    process.stderr.write(`PingOne emulator: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return { status: 500, body: new ApiError(500, 'UNEXPECTED_ERROR').body() };
}

function faultReply(status: number): Reply {
    const code = status === 500 ? 'UNEXPECTED_ERROR' : status === 503 ? 'SERVICE_UNAVAILABLE' : 'BAD_GATEWAY';
    return { status, body: new ApiError(status, code).body(), headers: status === 503 ? { 'retry-after': '1' } : {} };
}

/** Serves the router: rate limit and faults first, then routing, the bearer-token and role checks, and the handler. */
export class EmulatorServer {
    readonly server: Server;
    private ownOrigin = '';

    constructor(
        private readonly emulation: Emulation,
        private readonly router: Router<Emulation>,
    ) {
        this.server = createServer((request, response) => {
            void this.handle(request, response);
        });
        this.server.keepAliveTimeout = 30_000;
    }

    async listen(port: number, host: string): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(port, host, () => {
                this.server.off('error', reject);
                resolve();
            });
        });
        const address = this.server.address() as AddressInfo;
        this.ownOrigin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
        return this.ownOrigin;
    }

    close(): Promise<void> {
        return new Promise((resolve) => {
            this.server.close(() => resolve());
            this.server.closeAllConnections();
        });
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const stats = this.emulation.stats;
        stats.requests++;
        const url = new URL(request.url ?? '/', 'http://emulator.invalid');
        const path = url.pathname;
        const isApi = path.startsWith('/v1/');
        if (/^\/[^/]+\/as\/token$/.test(path)) stats.tokenRequests++;
        let reply: Reply;
        let routeKey = 'unmatched';
        const decision = this.emulation.faults.roll(isApi);
        try {
            const body = await readBody(request);
            const limiter = /^\/v1\/environments\/[^/]+\/activities(\/|$)/.test(path) ? this.emulation.auditRateLimiter : this.emulation.rateLimiter;
            const retryAfter = limiter.take(environmentOf(path));
            const origin = requestOrigin(request.headers, this.ownOrigin);
            if (this.isOtherRegion(origin)) {
                reply = errorReply(new ApiError(404, 'NOT_FOUND', 'The requested resource was not found.'));
            } else if (retryAfter !== undefined) {
                reply = this.rateLimited(retryAfter);
            } else if (decision.drop) {
                stats.faults.drops++;
                request.socket.destroy();
                return;
            } else if (decision.errorStatus !== undefined) {
                stats.faults.errors++;
                reply = faultReply(decision.errorStatus);
            } else {
                const context: RequestContext = {
                    method: request.method ?? 'GET',
                    path,
                    search: url.search,
                    query: url.searchParams,
                    params: {},
                    headers: request.headers,
                    contentType: (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
                    body,
                    origin,
                };
                const match = this.router.match(context.method, path);
                if (match && 'route' in match) routeKey = `${match.route.method} ${match.route.pattern}`;
                reply = await this.dispatch(context, match, decision.expireToken);
            }
        } catch (error) {
            reply = errorReply(error);
        }
        stats.byRoute[routeKey] = (stats.byRoute[routeKey] ?? 0) + 1;
        if (decision.delayMs > 0) await sleep(decision.delayMs);
        if (decision.cutAfterAct && reply.status < 400) {
            // The handler has acted (created, deleted, changed); the client never learns it.
            stats.faults.cutsAfterAct++;
            request.socket.destroy();
            return;
        }
        countStatus(stats, reply.status);
        this.write(response, reply, decision);
    }

    // A client mapped here for another region's PingOne host reaches a region that holds none of this
    // emulator's environments: PingOne answers 404 there, to the token request too.
    private isOtherRegion(origin: string): boolean {
        const host = /^(?:auth|api)\.pingone\.(.+)$/.exec(new URL(origin).hostname);
        return host !== null && host[1] !== this.emulation.tld;
    }

    private rateLimited(retryAfter: number): Reply {
        const error = new ApiError(
            429,
            'REQUEST_LIMITED',
            'The request could not be completed. Too many requests were made.',
            [
                {
                    code: 'LIMIT_EXCEEDED',
                    message: 'The rate limit of this environment was exceeded.',
                    innerError: { retryAfter: new Date(Date.now() + retryAfter * 1000).toISOString() },
                },
            ],
            { 'retry-after': String(retryAfter) },
        );
        return errorReply(error);
    }

    private async dispatch(context: RequestContext, match: ReturnType<Router<Emulation>['match']>, expireToken: boolean): Promise<Reply> {
        try {
            if (!match) throw new ApiError(404, 'NOT_FOUND', 'The requested resource was not found.');
            if ('allowed' in match) throw apiErrors.methodNotAllowed(match.allowed);
            context.params = match.params;
            const { route } = match;
            if (route.access !== 'public') {
                const actor = authenticate(this.emulation, context);
                if (expireToken) {
                    this.emulation.stats.faults.earlyExpiries++;
                    this.emulation.revokedTokens.add(actor.tokenId);
                    throw apiErrors.invalidToken('The access token has expired.');
                }
                context.actor = actor;
                // An unknown environment is a 404 before any role check (PingOne may answer 403 here; the
                // emulator prefers the answer that tells a wrong environment ID from a missing role).
                const environmentId = context.params.environmentId;
                if (environmentId !== undefined && !this.emulation.world.tenant(environmentId))
                    throw apiErrors.notFound(`environment with ID ${environmentId}`);
                if (route.access !== 'token') authorize(this.emulation, actor, { ...route, access: route.access }, context);
            }
            return await route.handler(context, this.emulation);
        } catch (error) {
            return errorReply(error);
        }
    }

    private write(response: ServerResponse, reply: Reply, faults: Pick<FaultDecision, 'malformed' | 'emptyObject' | 'html'>): void {
        let headers: Record<string, string> = { ...reply.headers };
        let status = reply.status;
        let text: string | undefined;
        if (typeof reply.body === 'string') {
            text = reply.body;
        } else if (reply.body !== undefined) {
            headers['content-type'] ??= 'application/json';
            const fault = bodyFault(faults, status);
            if (fault === undefined && reply.body instanceof JsonText) {
                this.writeParts(response, status, headers, reply.body.parts);
                return;
            }
            text = reply.body instanceof JsonText ? reply.body.text : JSON.stringify(reply.body);
            if (fault === 'html') {
                this.emulation.stats.faults.htmlPages++;
                status = 200;
                headers = { 'content-type': 'text/html; charset=utf-8' };
                text = faultHtmlPage;
            } else if (fault === 'emptyObject') {
                this.emulation.stats.faults.emptyObjects++;
                text = '{}';
            } else if (fault === 'malformed') {
                this.emulation.stats.faults.malformed++;
                text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
            }
        }
        // One encoding pass: the buffer gives both the length and the bytes.
        const payload = text === undefined ? undefined : Buffer.from(text, 'utf8');
        if (payload !== undefined) headers['content-length'] = String(payload.length);
        response.writeHead(status, headers);
        response.end(payload);
    }

    /** A body in parts, encoded part by part and written in one go (one writev), with its length. */
    private writeParts(response: ServerResponse, status: number, headers: Record<string, string>, parts: readonly string[]): void {
        const payload = parts.map((part) => Buffer.from(part, 'utf8'));
        response.writeHead(status, { ...headers, 'content-length': String(payload.reduce((bytes, part) => bytes + part.length, 0)) });
        response.cork();
        for (const part of payload) response.write(part);
        response.end();
        response.uncork();
    }
}

/**
 * Which fault, if any, corrupts this answer's JSON body. The body faults of a 2xx (an HTML page, `{}`)
 * come after the request was handled (and any change applied): only its answer is lost.
 */
function bodyFault(faults: Pick<FaultDecision, 'malformed' | 'emptyObject' | 'html'>, status: number): 'html' | 'emptyObject' | 'malformed' | undefined {
    const succeeded = status >= 200 && status < 300;
    if (succeeded && faults.html) return 'html';
    if (succeeded && faults.emptyObject) return 'emptyObject';
    return faults.malformed ? 'malformed' : undefined;
}

/** What the `htmlRate` fault answers with: a page such as a proxy or captive portal sends with a 200. */
const faultHtmlPage = '<!DOCTYPE html><html><head><title>Please wait</title></head><body><p>Your request is being checked.</p></body></html>';
