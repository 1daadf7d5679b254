// Action inputs shared by several actions. Every input object is strict (an unknown key is refused,
// never forwarded) and every string is bounded. IDs are checked again (shape of a PingOne ID) before
// any path is built from them, because a platform may not validate input against these schemas.
//
// Bounds: PingOne's user schema (https://github.com/patrickcping/pingone-go-sdk-v2, management
// OpenAPI `User`: username 1..128; name parts, nickname, title, type and locale ≤ 256; phones ≤ 32;
// postalCode ≤ 40; externalId 1..1024) and its platform limits (a user profile is at most 16 KB:
// https://docs.pingidentity.com/pingone/getting_started_with_pingone/p1_platform_limits.html).
// Where PingOne documents no limit, the bounds below are ours: generous for a real value, small
// enough that nothing huge is ever sent.
import * as z from 'zod';

/** A bounded string: PingOne's limit where it documents one, else a sane one. */
const upTo = (max: number) => z.string().max(max);
const optionalUpTo = (max: number) => upTo(max).optional();

/** Names and short labels (ours where PingOne documents no limit). */
export const NAME_MAX = 1024;
/** Descriptions and SCIM filters (ours). */
export const TEXT_MAX = 4096;
/** An opaque cursor: a next link PingOne handed out (ours). */
const CURSOR_MAX = 8192;

/** A PingOne ID as input; its shape (a UUID) is checked by the script, which names the field. */
export const IdInput = upTo(128);
export const NameInput = z.string().min(1).max(NAME_MAX);
export const TextInput = upTo(TEXT_MAX);
export const CursorInput = upTo(CURSOR_MAX);
/** An admin-set password (ours: PingOne's password policies allow at most 255 characters by default). */
export const PasswordInput = z.string().min(1).max(1024);
export const ExternalIdInput = z.string().min(1).max(1024);

export const UserIdInput = z.strictObject({ id: IdInput.describe('The PingOne user ID.') });

const UserName = z.strictObject({
    formatted: optionalUpTo(256),
    given: optionalUpTo(256),
    middle: optionalUpTo(256),
    family: optionalUpTo(256),
    honorificPrefix: optionalUpTo(256),
    honorificSuffix: optionalUpTo(256),
});

const UserAddress = z.strictObject({
    streetAddress: optionalUpTo(NAME_MAX),
    locality: optionalUpTo(256),
    region: optionalUpTo(256),
    postalCode: optionalUpTo(40),
    countryCode: z
        .string()
        .regex(/^[A-Za-z]{2}$/, 'Expected an ISO 3166-1 alpha-2 country code, e.g. "US"')
        .optional(),
});

/** The user attributes an action may set: `population`, `enabled`, MFA and the password have their own calls. */
export const UserAttributes = z.strictObject({
    email: optionalUpTo(254),
    name: UserName.optional(),
    nickname: optionalUpTo(256),
    title: optionalUpTo(256),
    type: optionalUpTo(256),
    locale: optionalUpTo(256),
    preferredLanguage: optionalUpTo(256),
    timezone: optionalUpTo(256),
    mobilePhone: optionalUpTo(32),
    primaryPhone: optionalUpTo(32),
    address: UserAddress.optional(),
    externalId: ExternalIdInput.optional(),
    accountId: optionalUpTo(NAME_MAX),
});
export const Username = z.string().min(1).max(128);

/**
 * The fields of `value` that `schema` declares, nested objects included: only those reach a request
 * body, even when a platform hands the script an input it did not check against the schema.
 */
export function declaredOnly<T extends z.ZodObject>(schema: T, value: z.infer<T>): z.infer<T> {
    const source = value as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(schema.shape)) {
        const given = source[key];
        if (given === undefined) continue;
        const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
        picked[key] =
            inner instanceof z.ZodObject && typeof given === 'object' && given !== null ? declaredOnly(inner, given as Record<string, unknown>) : given;
    }
    return picked as z.infer<T>;
}

/** Set when an earlier attempt, whose answer was lost, had already done it (PingOne answered the repeat 404). */
const AlreadyGoneNote = z.string().optional().describe('Set when an earlier attempt, whose answer was lost, had already done it.');
export const Removed = z.object({ id: z.string(), removed: z.literal(true), note: AlreadyGoneNote });
export const Deleted = z.object({ id: z.string(), deleted: z.literal(true), note: AlreadyGoneNote });
export const PasswordOutcome = z.object({ id: z.string(), passwordStatus: z.string().optional() });
