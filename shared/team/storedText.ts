// Text the team server keeps in a PostgreSQL text or jsonb column. Neither can hold U+0000, so a
// string with one is malformed where it enters (400), not a failed insert (500).
import { z } from 'zod';

/** Whether PostgreSQL can store the string (https://www.postgresql.org/docs/15/datatype-character.html). */
export const storable = (s: string): boolean => !s.includes('\u0000');

export const NUL_REFUSED = 'no NUL character (U+0000)';

/** A string the server stores as it came: any text without a NUL. */
export const storedText = () => z.string().refine(storable, NUL_REFUSED);
