// Folds free text typed by customers to a comparable ASCII form: case, German sharp s and umlauts
// (ä -> ae, so "Müller" and "Mueller" agree), accents, Polish/Nordic letters and punctuation.

const SPECIAL: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * Characters no one sees (zero-width spaces and joiners, soft hyphens, word joiners, BOMs, bidi
 * controls: Unicode's default-ignorable code points). Inside a value they make two values that read
 * alike on screen and in reports differ, so link keys are compared without them.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/** Whether `s` holds a character no one sees (see INVISIBLE). */
export function hasInvisible(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      INVISIBLE.lastIndex = 0;
      return INVISIBLE.test(s);
    }
  }
  return false;
}

/** `s` without the characters no one sees; plain ASCII is returned as it is. */
export function withoutInvisible(s: string): string {
  return hasInvisible(s) ? s.replace(INVISIBLE, '') : s;
}

/**
 * What a system writes for an id it does not have: "unknown", "null", "N/A", "-", zeros or all-F
 * ("00000000-0000-0000-0000-000000000000", "ffffffff-…"), and what a script writes when it prints
 * a value it could not read ("(null)", "[object Object]", "not_available", "NaN"). Shared by
 * strangers, it must never link them.
 */
const PLACEHOLDER_ID = /^(unknown|\(?null\)?|\(?undefined\)?|none|nan|n\/a|not[ _-]?(available|set|found)|\[object object\]|-|[0-]+|[f-]+)$/;

/** Whether an id (device, card fingerprint), trimmed, is a placeholder in any case. */
export function isPlaceholderId(s: string): boolean {
  return PLACEHOLDER_ID.test(s.toLowerCase());
}

/** Lower case ASCII letters, digits and single spaces; other punctuation becomes a space. */
export function foldText(raw: string): string {
  // Most text is plain ASCII, which holds no invisible character: skip the Unicode work, the slow part.
  if (/^[\x20-\x7e]*$/.test(raw))
    return raw
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const lower = withoutInvisible(raw)
    .toLowerCase()
    .replace(/[ßẞäöüæœøłđðþı]/g, (ch) => SPECIAL[ch] ?? ch);
  // NFKD splits "é" into "e" + combining accent and "º" into "o"; the marks are then dropped.
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A spelling skeleton for names: "ae/oe/ue" -> "a/o/u", so "Müller", "Mueller" and the
 * umlaut-stripped "Muller" that some forms force agree. Costs a few collisions ("Bauer"/"Baur").
 */
export function umlautSkeleton(folded: string): string {
  return folded.replace(/([aou])e/g, '$1');
}
