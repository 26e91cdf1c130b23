// A whole number typed into a settings field (months, hours, days), read as typed: "12,5" is a
// decimal to refuse with a word, never 125 or 12, and an empty box is not 0.

export type WholeNumberReading = { ok: true; value: number } | { ok: false; problem: string };

/**
 * Reads `text` as a whole number from `min` to `max` of `unit` (plural, "months"). Digits only,
 * spaces around them allowed; a decimal with a comma or a point, a sign, letters or nothing at all
 * are refused with a sentence that says what to type instead.
 */
export function readWholeNumber(text: string, { min, max, unit }: { min: number; max: number; unit: string }): WholeNumberReading {
  const typed = text.trim();
  const range = `from ${min} to ${max}`;
  if (typed === '') return { ok: false, problem: `Type the number of ${unit}, ${range}.` };
  const decimal = /^(\d*)[.,](\d+)$/.exec(typed);
  if (decimal) {
    // 1.000 is a thousand in German: no guess at what was meant.
    if (/^[1-9]\d{0,2}$/.test(decimal[1]!) && decimal[2]!.length === 3)
      return { ok: false, problem: `${typed} is not a plain number of ${unit}: type digits only, ${range}.` };
    const below = Number(decimal[1] || '0');
    return { ok: false, problem: `${typed} is not a whole number of ${unit}: type ${below} or ${below + 1}.` };
  }
  if (!/^[+-]?\d+$/.test(typed)) return { ok: false, problem: `${typed} is not a number of ${unit}: type one ${range}.` };
  const value = Number(typed) || 0; // "-0" is 0
  if (value < min || value > max) return { ok: false, problem: `The number of ${unit} is ${range}, not ${typed}.` };
  return { ok: true, value };
}
