// The one-time codes PingOne would send a user by email: the account verification code
// (https://developer.pingidentity.com/pingone-api/platform/users/users-1/send-resend-user-verification-code.html,
// 8 alphanumeric characters), the password recovery code
// (https://developer.pingidentity.com/pingone-api/platform/users/user-passwords/password-resend-recovery-code.html,
// 8 alphanumeric characters, valid for five minutes), and the email verification code
// (https://developer.pingidentity.com/pingone-api/platform/users/user-email-verification/send-email-verification-code.html,
// only the last one valid). The emulator sends no mail: it keeps the last
// code of each kind per user, which is the only one PingOne accepts, and tests read it here.
import { randomBytes } from 'node:crypto';

export type CodePurpose = 'verification' | 'recovery' | 'email';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface SentCode {
    code: string;
    /** The email address it went to. */
    to: string;
}

export class Outbox {
    private readonly codes = new Map<string, SentCode>();

    /** Issues a new code to `to`, replacing the user's earlier one of that kind. */
    send(purpose: CodePurpose, userId: string, to: string): string {
        const code = [...randomBytes(8)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
        this.codes.set(`${purpose}:${userId}`, { code, to });
        return code;
    }

    /** The last code of that kind sent to the user, if any. */
    last(purpose: CodePurpose, userId: string): SentCode | undefined {
        return this.codes.get(`${purpose}:${userId}`);
    }

    /** Where the code went, and it is used up, when it is the user's last code of that kind (case-insensitive); else undefined. */
    redeem(purpose: CodePurpose, userId: string, code: string): string | undefined {
        const key = `${purpose}:${userId}`;
        const sent = this.codes.get(key);
        if (sent === undefined || sent.code !== code.toUpperCase()) return undefined;
        this.codes.delete(key);
        return sent.to;
    }
}
