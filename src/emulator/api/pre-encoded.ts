// Pre-encoded passwords on import (https://developer.pingidentity.com/pingone-api/platform/reference/password-encoding.html):
// the LDAP userPassword syntax, `{SCHEME}` then the encoded hash and salt. The emulator accepts the
// documented schemes only, and, as the import page says ("a pre-encoded password value and a
// forceChange value of false", https://developer.pingidentity.com/pingone-api/platform/users/users-1/create-user-import.html),
// refuses forceChange true with one.
import { apiErrors } from '../http/api-error.js';

const SCHEMES = ['PBKDF2', 'ARGON2', 'MSKCC_PBKDF2', 'SCRYPT', 'SCRYPT_RFC7914', 'BCRYPT', 'SSHA', 'SSHA256', 'SSHA384', 'SSHA512'];

/** The scheme of a value that looks pre-encoded (`{NAME}…`), else undefined: a cleartext password. */
function schemeOf(value: string): string | undefined {
    return /^\{([A-Za-z0-9_]+)\}./.exec(value)?.[1];
}

/** Whether the value is a pre-encoded password; refuses an undocumented scheme or forceChange with one. */
export function checkPreEncoded(value: string, forceChange: unknown): boolean {
    const scheme = schemeOf(value);
    if (scheme === undefined) return false;
    if (!SCHEMES.includes(scheme.toUpperCase())) {
        throw apiErrors.invalidValue(
            'password.value',
            `The password encoding {${scheme}} is not supported; use one of ${SCHEMES.map((s) => `{${s}}`).join(', ')}.`,
        );
    }
    if (forceChange === true) throw apiErrors.invalidValue('password.forceChange', 'A pre-encoded password can be imported with forceChange false only.');
    return true;
}
