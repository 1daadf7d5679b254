import { randomToken } from '../random.js';

export interface CodeGrant {
    clientId: string;
    environmentId: string;
    userId: string;
    redirectUri: string;
    scope: string;
    codeChallenge?: string;
    codeChallengeMethod?: 'plain' | 'S256';
    nonce?: string;
    expiresAt: number;
}

export interface RefreshGrant {
    familyId: string;
    clientId: string;
    environmentId: string;
    userId: string;
    scope: string;
    expiresAt: number;
    used: boolean;
}

/** Authorization codes (ten minutes, single use) and refresh-token families (rotated on every use). */
export class GrantStore {
    private readonly codes = new Map<string, CodeGrant>();
    private readonly refreshTokens = new Map<string, RefreshGrant>();
    private readonly revokedFamilies = new Set<string>();

    constructor(private readonly now: () => number) {}

    issueCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
        const code = randomToken(24);
        this.codes.set(code, { ...grant, expiresAt: this.now() + 600_000 });
        return code;
    }

    /** The grant of a code, removing it: a code works once. */
    takeCode(code: string): CodeGrant | undefined {
        const grant = this.codes.get(code);
        this.codes.delete(code);
        return grant && grant.expiresAt > this.now() ? grant : undefined;
    }

    issueRefreshToken(grant: Omit<RefreshGrant, 'used' | 'familyId' | 'expiresAt'> & { familyId?: string; lifetimeSeconds: number }): string {
        const token = randomToken(32);
        const { lifetimeSeconds, familyId, ...rest } = grant;
        this.refreshTokens.set(token, { ...rest, familyId: familyId ?? randomToken(12), expiresAt: this.now() + lifetimeSeconds * 1000, used: false });
        return token;
    }

    /** The grant of a refresh token that is neither expired nor revoked, used or not; looking does not spend it. */
    liveRefreshGrant(token: string): RefreshGrant | undefined {
        const grant = this.refreshTokens.get(token);
        return grant && !this.revokedFamilies.has(grant.familyId) && grant.expiresAt > this.now() ? grant : undefined;
    }

    /**
     * Marks a refresh grant used; false when it was used already, which revokes its whole family:
     * the rotated successor stops working too (replay protection). Spend only once the presenter owns it.
     */
    spendRefreshGrant(grant: RefreshGrant): boolean {
        if (grant.used) {
            this.revokedFamilies.add(grant.familyId);
            return false;
        }
        grant.used = true;
        return true;
    }

    revokeRefreshToken(token: string): void {
        const grant = this.refreshTokens.get(token);
        if (grant) this.revokedFamilies.add(grant.familyId);
    }
}
