// The emulator's internal records. A record's `body` is what the API returns (minus `_links`);
// the other fields are state PingOne keeps but does not return in that body.

export type Json = Record<string, unknown>;

export type PasswordStatus = 'OK' | 'NO_PASSWORD' | 'PASSWORD_EXPIRED' | 'PASSWORD_LOCKED_OUT' | 'MUST_CHANGE_PASSWORD' | 'EXTERNAL';

export interface PasswordState {
    value?: string;
    status: PasswordStatus;
    lastChangedAt?: string;
}

export interface UserRecord {
    body: Json;
    groupIds: string[];
    password: PasswordState;
    devices: Json[];
}

export interface ApplicationRecord {
    body: Json;
    secret: string;
    /** Resource scopes granted on the app's Resources tab (PingOne keeps them as resource grants, not in this body). */
    grantedScopes: string[];
    previousSecret?: { secret: string; expiresAt: string };
}

export interface TokenAuthMethod {
    wire: 'client_secret_basic' | 'client_secret_post' | 'none';
    setting: 'CLIENT_SECRET_BASIC' | 'CLIENT_SECRET_POST' | 'NONE';
}

export const tokenAuthMethods: readonly TokenAuthMethod[] = [
    { wire: 'client_secret_basic', setting: 'CLIENT_SECRET_BASIC' },
    { wire: 'client_secret_post', setting: 'CLIENT_SECRET_POST' },
    { wire: 'none', setting: 'NONE' },
];

export function ref(id: string): { id: string } {
    return { id };
}

export function nowIso(): string {
    return new Date().toISOString();
}
