// Personal text beside a team event: a note, a linked value, a file's name. The chained payload
// holds only a salted hash of each field (as the decision log does for notes), the text and its
// salt travel beside the event, so an erasure can blank them everywhere while every chain verifies.
import { z } from 'zod';
import { noteHashOf, randomSalt } from '../decisions/chain';

/** The personal fields an event may carry beside it; the payload names each one's hash `<field>Hash`. */
export const PERSONAL_FIELDS = ['note', 'value', 'reason', 'name', 'what'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** A note is at most this long on the wire (the review form's own limit is lower). */
export const MAX_PERSONAL_TEXT = 20_000;

const salt = z.string().regex(/^[0-9a-f]{16,64}$/, 'a salt in lower-case hex');
export const personalTextSchema = z.partialRecord(z.enum(PERSONAL_FIELDS), z.strictObject({ salt, text: z.string().max(MAX_PERSONAL_TEXT) }));
export type PersonalText = z.infer<typeof personalTextSchema>;

export const hashKeyOf = (field: PersonalField) => `${field}Hash` as const;

/** A field's salted hash for the payload and its text for beside it; '' stays out (nothing to erase). */
export async function personalField(
  text: string,
  useSalt: string = randomSalt(),
): Promise<{ hash: string | null; side: { salt: string; text: string } | null }> {
  if (!text) return { hash: null, side: null };
  return { hash: await noteHashOf(useSalt, text), side: { salt: useSalt, text } };
}

/**
 * Why the text beside an event does not belong to it (a field the payload has no hash for, or
 * a text whose salted hash differs), or null when every field matches.
 */
export async function personalTextProblem(payload: Readonly<Record<string, unknown>>, personal: PersonalText | undefined): Promise<string | null> {
  for (const [field, side] of Object.entries(personal ?? {})) {
    const expected = payload[hashKeyOf(field as PersonalField)];
    if (typeof expected !== 'string') return `its ${field} travels beside it but its payload has no ${hashKeyOf(field as PersonalField)}`;
    if ((await noteHashOf(side.salt, side.text)) !== expected) return `its ${field} does not match the salted hash in its payload`;
  }
  return null;
}

/** The text of one field, or '' when it never travelled or was erased. */
export function personalTextOf(personal: PersonalText | undefined, field: PersonalField): string {
  return personal?.[field]?.text ?? '';
}
