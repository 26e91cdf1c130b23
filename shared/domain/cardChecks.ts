// What the issuer said about a card payment's checks: CVC, the address (AVS: postcode and first
// line) and 3-D Secure. Providers spell them differently; these are the words the app keeps.

/** One check's outcome. `unchecked`: not asked; `unavailable`: asked, no answer (issuer or card). */
export const CARD_CHECK_RESULTS = ['pass', 'fail', 'unavailable', 'unchecked'] as const;
export type CardCheckResult = (typeof CARD_CHECK_RESULTS)[number];

/** 3-D Secure: the cardholder authenticated, the attempt was recorded without it, or it failed. */
export const THREE_DS_RESULTS = ['authenticated', 'attempted', 'failed', 'not-enrolled', 'unavailable'] as const;
export type ThreeDsResult = (typeof THREE_DS_RESULTS)[number];

/** As stored on payments and orders: a CardCheckResult (a ThreeDsResult for 3-D Secure), or absent. */
export interface CardChecks {
  cvcCheck?: string;
  avsPostcodeCheck?: string;
  avsLine1Check?: string;
  threeDs?: string;
}

export const CARD_CHECK_FIELDS = ['cvcCheck', 'avsPostcodeCheck', 'avsLine1Check', 'threeDs'] as const;
export type CardCheckField = (typeof CARD_CHECK_FIELDS)[number];

const CHECK_WORDS: Record<string, CardCheckResult> = {
  pass: 'pass',
  passed: 'pass',
  match: 'pass',
  matched: 'pass',
  matches: 'pass',
  y: 'pass',
  yes: 'pass',
  ok: 'pass',
  fail: 'fail',
  failed: 'fail',
  failure: 'fail',
  'no match': 'fail',
  mismatch: 'fail',
  n: 'fail',
  no: 'fail',
  unavailable: 'unavailable',
  'not available': 'unavailable',
  'not supported': 'unavailable',
  u: 'unavailable',
  unknown: 'unavailable',
  unchecked: 'unchecked',
  'not checked': 'unchecked',
  'not provided': 'unchecked',
};

/**
 * Stripe's `pass`/`fail`/`unavailable`/`unchecked` and the usual yes/no spellings; Adyen's CVC2
 * codes (`1 Matches`, `2 No Match`, `0 Unknown`…) by their words. '' for anything else.
 */
export function cardCheckOf(raw: string): CardCheckResult | '' {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^\d+\s+/, '')
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return '';
  if (s in CHECK_WORDS) return CHECK_WORDS[s]!;
  if (s.startsWith('match')) return 'pass';
  if (s.startsWith('no match') || s.includes('does not match')) return 'fail';
  if (s.startsWith('not ')) return s.includes('check') || s.includes('provided') ? 'unchecked' : 'unavailable';
  return '';
}

/** 3-D Secure outcome from a result word or an ECI (05/02 authenticated, 06/01 attempted, 07/00 none). */
export function threeDsOf(raw: string): ThreeDsResult | '' {
  const s = raw.trim().toLowerCase();
  if (s === '') return '';
  if (/^0?[52]$/.test(s) || s === 'y' || s.startsWith('authenticat') || s === 'succeeded' || s === 'success') return 'authenticated';
  if (/^0?[61]$/.test(s) || s === 'a' || s.startsWith('attempt')) return 'attempted';
  if (s === 'n' || s.startsWith('fail') || s.startsWith('reject') || s === 'r') return 'failed';
  if (s.includes('not enrolled') || s === 'not_enrolled' || s === 'not-enrolled') return 'not-enrolled';
  if (/^0?[70]$/.test(s) || s === 'u' || s.startsWith('unavailable') || s === 'error') return 'unavailable';
  return '';
}

/** "CVC failed · AVS postcode passed, line 1 failed · 3-D Secure authenticated" for the order panel; '' if none is known. */
export function describeCardChecks(c: CardChecks): string {
  const word = (r: string | undefined) =>
    r === 'pass' ? 'passed' : r === 'fail' ? 'failed' : r === 'unavailable' ? 'unavailable' : r === 'unchecked' ? 'not checked' : '';
  const parts: string[] = [];
  if (word(c.cvcCheck)) parts.push(`CVC ${word(c.cvcCheck)}`);
  const avs = [word(c.avsPostcodeCheck) && `postcode ${word(c.avsPostcodeCheck)}`, word(c.avsLine1Check) && `line 1 ${word(c.avsLine1Check)}`].filter(Boolean);
  if (avs.length) parts.push(`AVS ${avs.join(', ')}`);
  if (c.threeDs) parts.push(`3-D Secure ${c.threeDs.replace('-', ' ')}`);
  return parts.join(' · ');
}

type Avs = { postcode: CardCheckResult | ''; line1: CardCheckResult | '' };

/** The card networks' one-letter AVS codes (Visa, Mastercard, Amex), as postcode and line-1 results. */
const AVS_LETTERS: Record<string, Avs> = {
  Y: { postcode: 'pass', line1: 'pass' },
  X: { postcode: 'pass', line1: 'pass' },
  D: { postcode: 'pass', line1: 'pass' },
  M: { postcode: 'pass', line1: 'pass' },
  F: { postcode: 'pass', line1: 'pass' },
  A: { postcode: 'fail', line1: 'pass' },
  B: { postcode: 'unchecked', line1: 'pass' },
  Z: { postcode: 'pass', line1: 'fail' },
  W: { postcode: 'pass', line1: 'fail' },
  P: { postcode: 'pass', line1: 'unchecked' },
  N: { postcode: 'fail', line1: 'fail' },
  C: { postcode: 'unchecked', line1: 'unchecked' },
  I: { postcode: 'unchecked', line1: 'unchecked' },
  U: { postcode: 'unavailable', line1: 'unavailable' },
  R: { postcode: 'unavailable', line1: 'unavailable' },
  S: { postcode: 'unavailable', line1: 'unavailable' },
  G: { postcode: 'unavailable', line1: 'unavailable' },
  E: { postcode: 'unavailable', line1: 'unavailable' },
};

function clauseVerdict(c: string): CardCheckResult | '' {
  if (/(doesn'?t|does not|don'?t|do not|not) match/.test(c) || c.includes('mismatch')) return 'fail';
  if (c.includes('not checked') || c.includes('not verified') || c.includes('not provided')) return 'unchecked';
  if (c.includes('unknown') || c.includes('unavailable')) return 'unavailable';
  if (/match(es|ed)?\b/.test(c)) return 'pass';
  return '';
}

/**
 * One AVS column (a network letter, or a code with words such as Adyen's `1 Address matches,
 * postal code doesn't`) as postcode and line-1 results; '' where it says nothing.
 */
export function avsOf(raw: string): Avs {
  const s = raw.trim();
  if (s === '') return { postcode: '', line1: '' };
  if (/^[A-Za-z]$/.test(s)) return AVS_LETTERS[s.toUpperCase()] ?? { postcode: '', line1: '' };
  const text = s.toLowerCase().replace(/^\d+\s*/, '');
  if (text.startsWith('neither')) return { postcode: 'fail', line1: 'fail' };
  if (text.startsWith('both') && clauseVerdict(text) === 'pass') return { postcode: 'pass', line1: 'pass' };
  if (/^(unknown|avs unavailable|avs not supported|no avs)/.test(text)) return { postcode: 'unavailable', line1: 'unavailable' };
  const out: Avs = { postcode: '', line1: '' };
  for (const clause of text.split(/,|;| but | and /)) {
    const verdict = clauseVerdict(clause) || (clause.includes("doesn't") || clause.includes('does not') ? 'fail' : '');
    if (!verdict) continue;
    if (/postal|zip|postcode/.test(clause)) out.postcode = verdict;
    if (/address|street/.test(clause)) out.line1 = verdict;
  }
  return out;
}
