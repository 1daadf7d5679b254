import { ConnectorError } from '../errors/index.js';

// What the page and the Connect UI server say to each other. Nothing in a response ever carries a
// client secret or a token: the page learns only whether it worked and what to do next.

export interface ConnectRequest {
    connectionConfig: Record<string, string>;
    credentials: Record<string, string>;
}

export type ConnectResponse =
    | {
          ok: true;
          message: string;
          detail?: string;
          /** Where the browser goes next (the authorization-code flow's sign-on page). */
          redirect?: string;
          /** The non-secret values of the saved connection, to show them again after a redirect. */
          connectionConfig?: Record<string, string>;
      }
    | {
          ok: false;
          message: string;
          hint?: string;
          /** The field at fault, when one is. */
          field?: string;
      };

/** A typed error as the page shows it: its message and hint, which never carry a secret. Anything else is a bug and is thrown on. */
export function failureOf(error: unknown): ConnectResponse {
    if (!(error instanceof ConnectorError)) throw error;
    return { ok: false, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }) };
}
