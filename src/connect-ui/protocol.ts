import { AuthFailedError, ConnectorError, InvalidConfigError } from '../errors/index.js';

// What the page and the Connect UI server say to each other. Nothing in a response ever carries a
// client secret or a token: the page learns only whether it worked and what to do next.

export interface ConnectRequest {
    connectionConfig: Record<string, string>;
    credentials: Record<string, string>;
}

export type ConnectResponse = (
    | {
          ok: true;
          message: string;
          detail?: string;
          /** Where the browser goes next (the authorization-code flow's sign-on page). */
          redirect?: string;
      }
    | {
          ok: false;
          message: string;
          hint?: string;
          /** The field at fault, when one is. */
          field?: string;
      }
) & {
    /** After a sign-on the page was reloaded: what the user had typed, every secret left out, to fill the form again. */
    values?: ConnectRequest;
};

/** A typed error as the page shows it: its message, hint and the field at fault, which never carry a secret. Anything else is a bug and is thrown on. */
export function failureOf(error: unknown): ConnectResponse {
    if (!(error instanceof ConnectorError)) throw error;
    const field = error instanceof AuthFailedError || error instanceof InvalidConfigError ? error.field : undefined;
    return { ok: false, message: error.message, ...(error.hint === undefined ? {} : { hint: error.hint }), ...(field === undefined ? {} : { field }) };
}
