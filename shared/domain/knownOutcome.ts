// What history says an order turned out to be, from a labelled export (`Class`, `is_fraud`, a
// chargeback flag): fraud or legitimate. The reports count it as confirmed fraud; the scoring
// matrix is measured against it.

export const KNOWN_OUTCOMES = ['fraud', 'legit'] as const;
export type KnownOutcome = (typeof KNOWN_OUTCOMES)[number];

/** How each way of writing an outcome reads (case and surrounding blanks ignored). */
export const OUTCOME_WORDS: Readonly<Record<string, KnownOutcome>> = {
  '1': 'fraud',
  '0': 'legit',
  true: 'fraud',
  false: 'legit',
  yes: 'fraud',
  no: 'legit',
  y: 'fraud',
  n: 'legit',
  ja: 'fraud',
  nein: 'legit',
  fraud: 'fraud',
  fraudulent: 'fraud',
  legit: 'legit',
  legitimate: 'legit',
  genuine: 'legit',
  ok: 'legit',
  chargeback: 'fraud',
  none: 'legit',
};

/** The value map as the wizard and the README say it. */
export const OUTCOME_MAP_TEXT = '1/0, true/false, yes/no, y/n, fraud/legit(imate)/genuine/ok, chargeback/none';

/**
 * One cell of an outcome column: 'fraud', 'legit', '' for an empty cell (not known), or null for a
 * value the map cannot read (the row is set aside, never guessed). `1.0` and `0.0` read as 1 and 0.
 */
export function knownOutcomeOf(raw: string): KnownOutcome | '' | null {
  const v = raw.trim().toLowerCase();
  if (v === '') return '';
  const word = /^[01]\.0+$/.test(v) ? v[0]! : v;
  return Object.prototype.hasOwnProperty.call(OUTCOME_WORDS, word) ? OUTCOME_WORDS[word]! : null;
}

/** Two sources on one order (its own row and its payment's): a known fraud stands over legit. */
export function combinedOutcome(a: string | undefined, b: string | undefined): KnownOutcome | '' {
  if (a === 'fraud' || b === 'fraud') return 'fraud';
  if (a === 'legit' || b === 'legit') return 'legit';
  return '';
}

/** For the order panel. */
export function describeKnownOutcome(o: string | undefined): string {
  return o === 'fraud' ? 'fraud (from the imported file)' : o === 'legit' ? 'legitimate (from the imported file)' : '';
}
