// Street-type words and their abbreviations in de/en/fr/it/nl/pl/es, mapped to one canonical
// token so "Königstraße", "Königstr." and "koenigstrasse" read alike. Input is already folded.

/** Whole-token synonyms. Ambiguous short forms ("st", "r", "v", "c") are handled by position. */
const WORDS: Record<string, string> = {
  strasse: 'str',
  str: 'str',
  straat: 'str',
  weg: 'weg',
  wg: 'weg',
  platz: 'pl',
  pl: 'pl',
  plein: 'pl',
  place: 'pl',
  plac: 'pl',
  plaza: 'pl',
  pza: 'pl',
  piazza: 'pl',
  pzza: 'pl',
  allee: 'allee',
  aleja: 'allee',
  al: 'allee',
  laan: 'allee',
  gasse: 'gasse',
  street: 'st',
  avenue: 'ave',
  ave: 'ave',
  av: 'ave',
  avda: 'ave',
  avenida: 'ave',
  viale: 'ave',
  road: 'rd',
  rd: 'rd',
  lane: 'ln',
  ln: 'ln',
  drive: 'dr',
  rue: 'rue',
  boulevard: 'bd',
  bd: 'bd',
  blvd: 'bd',
  chemin: 'ch',
  via: 'via',
  ulica: 'ul',
  ul: 'ul',
  osiedle: 'os',
  os: 'os',
  calle: 'calle',
  carrer: 'calle',
  cl: 'calle',
  paseo: 'paseo',
  po: 'paseo',
  // "Sankt-Pauli-Straße", "St.-Pauli-Str." and "Saint Pauli" are one street (see "st" below).
  sankt: 'saint',
  saint: 'saint',
};

/** Types customers write or leave out as they like: nearly every Polish street is an ulica ("ul. Długa" = "Długa"). */
const DROPPED_LEADING: ReadonlySet<string> = new Set(['ul', 'ulica']);

/** Short forms that only mean a street type as the first token ("r. de la Paix", "c/ Mayor", "v. Roma"). */
const LEADING: Record<string, string> = { r: 'rue', v: 'via', c: 'calle' };

/** German and Dutch glue the type to the name: "Königstraße", "Kerkstraat", "Birkenweg". */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['strasse', 'str'],
  ['straat', 'str'],
  ['str', 'str'],
  ['platz', 'pl'],
  ['plein', 'pl'],
  ['allee', 'allee'],
  ['laan', 'allee'],
  ['gasse', 'gasse'],
  ['weg', 'weg'],
];

/** Folded street name tokens -> canonical tokens (the type split off and renamed). */
export function canonicalStreetTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (i === 0 && tokens.length > 1 && DROPPED_LEADING.has(t)) return;
    const leading = i === 0 && tokens.length > 1 ? LEADING[t] : undefined;
    if (leading) return void out.push(leading);
    // "St" is "Street" only at the end ("Main St"); in front it is "Sankt"/"Saint" ("St. Pauli").
    if (t === 'st') return void out.push(i === tokens.length - 1 && i > 0 ? 'st' : 'saint');
    const word = WORDS[t];
    if (word) return void out.push(word);
    for (const [suffix, canonical] of SUFFIXES) {
      if (t.length > suffix.length + 2 && t.endsWith(suffix)) return void out.push(t.slice(0, -suffix.length), canonical);
    }
    out.push(t);
  });
  return out;
}

export function isStreetType(token: string): boolean {
  return Object.values(WORDS).includes(token) || Object.values(LEADING).includes(token) || token === 'saint';
}
