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

/** Lower case ASCII letters, digits and single spaces; other punctuation becomes a space. */
export function foldText(s: string): string {
  // Most text is plain ASCII: skip the Unicode decomposition, the slow part.
  if (/^[\x20-\x7e]*$/.test(s))
    return s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const lower = s.toLowerCase().replace(/[ßẞäöüæœøłđðþı]/g, (ch) => SPECIAL[ch] ?? ch);
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
