import { consoleName, type TokenAuthMethod } from '../oauth/index.js';

/**
 * The token endpoint authentication methods a new connection tries, in order: the one the person
 * chose, alone (no retry dance: it is what the application is set to); else the provider's
 * (providers.extensions.yaml's `token_auth_methods`, Client Secret Post first, as Nango sends).
 */
export function authMethodsToTry(provided: readonly TokenAuthMethod[], chosen: TokenAuthMethod | undefined): readonly TokenAuthMethod[] {
    return chosen === undefined ? provided : [chosen];
}

export interface MethodOutcome<T> {
    /** The method of `outcome`: the accepted one, or the first tried when every one was refused. */
    method: TokenAuthMethod;
    outcome: T;
    accepted: boolean;
}

/**
 * Runs `attempt` with each method until PingOne accepts the client. PingOne answers the same
 * `invalid_client` for a wrong secret and for a method the application is not set to (RFC 6749
 * section 5.2 gives one code for every client authentication failure), so that refusal, and only
 * that one, moves on to the next method. When every method is refused, the first refusal stands.
 */
export async function firstAcceptedMethod<T>(
    methods: readonly TokenAuthMethod[],
    attempt: (method: TokenAuthMethod) => Promise<T>,
    clientRefused: (outcome: T) => boolean,
): Promise<MethodOutcome<T>> {
    let first: MethodOutcome<T> | undefined;
    for (const method of methods) {
        const outcome = await attempt(method);
        if (!clientRefused(outcome)) return { method, outcome, accepted: true };
        first ??= { method, outcome, accepted: false };
    }
    if (first === undefined) throw new TypeError('firstAcceptedMethod needs at least one method.');
    return first;
}

/** "Client Secret Post and Client Secret Basic", for a message about every method tried. */
export function methodNames(methods: readonly TokenAuthMethod[]): string {
    return methods.map(consoleName).join(' and ');
}
