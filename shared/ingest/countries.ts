// Countries to ISO 3166-1 alpha-2, from codes (`DE`, `DEU`) or names in English and German, as
// marketplace and shop exports write them.

const ALPHA2 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
  ).split(' '),
);

// Alpha-3 codes and names for the countries orders of a German seller actually come from.
const NAMED: Record<string, string> = {
  deu: 'DE',
  germany: 'DE',
  deutschland: 'DE',
  aut: 'AT',
  austria: 'AT',
  osterreich: 'AT',
  oesterreich: 'AT',
  che: 'CH',
  switzerland: 'CH',
  schweiz: 'CH',
  nld: 'NL',
  netherlands: 'NL',
  'the netherlands': 'NL',
  niederlande: 'NL',
  holland: 'NL',
  bel: 'BE',
  belgium: 'BE',
  belgien: 'BE',
  lux: 'LU',
  luxembourg: 'LU',
  luxemburg: 'LU',
  fra: 'FR',
  france: 'FR',
  frankreich: 'FR',
  ita: 'IT',
  italy: 'IT',
  italien: 'IT',
  esp: 'ES',
  spain: 'ES',
  spanien: 'ES',
  prt: 'PT',
  portugal: 'PT',
  pol: 'PL',
  poland: 'PL',
  polen: 'PL',
  cze: 'CZ',
  czechia: 'CZ',
  'czech republic': 'CZ',
  tschechien: 'CZ',
  dnk: 'DK',
  denmark: 'DK',
  danemark: 'DK',
  daenemark: 'DK',
  swe: 'SE',
  sweden: 'SE',
  schweden: 'SE',
  nor: 'NO',
  norway: 'NO',
  norwegen: 'NO',
  fin: 'FI',
  finland: 'FI',
  finnland: 'FI',
  irl: 'IE',
  ireland: 'IE',
  irland: 'IE',
  gbr: 'GB',
  uk: 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  grossbritannien: 'GB',
  'vereinigtes konigreich': 'GB',
  england: 'GB',
  usa: 'US',
  'united states': 'US',
  'united states of america': 'US',
  'vereinigte staaten': 'US',
  hun: 'HU',
  hungary: 'HU',
  ungarn: 'HU',
  svk: 'SK',
  slovakia: 'SK',
  slowakei: 'SK',
  svn: 'SI',
  slovenia: 'SI',
  slowenien: 'SI',
  hrv: 'HR',
  croatia: 'HR',
  kroatien: 'HR',
  rou: 'RO',
  romania: 'RO',
  rumanien: 'RO',
  bgr: 'BG',
  bulgaria: 'BG',
  bulgarien: 'BG',
  grc: 'GR',
  greece: 'GR',
  griechenland: 'GR',
  est: 'EE',
  estonia: 'EE',
  estland: 'EE',
  lva: 'LV',
  latvia: 'LV',
  lettland: 'LV',
  ltu: 'LT',
  lithuania: 'LT',
  litauen: 'LT',
  cyp: 'CY',
  cyprus: 'CY',
  zypern: 'CY',
  mlt: 'MT',
  malta: 'MT',
  tur: 'TR',
  turkey: 'TR',
  turkei: 'TR',
  ukr: 'UA',
  ukraine: 'UA',
  rus: 'RU',
  russia: 'RU',
  russland: 'RU',
  chn: 'CN',
  china: 'CN',
  can: 'CA',
  canada: 'CA',
  kanada: 'CA',
  aus: 'AU',
  australia: 'AU',
  australien: 'AU',
  jpn: 'JP',
  japan: 'JP',
  lie: 'LI',
  liechtenstein: 'LI',
  isl: 'IS',
  iceland: 'IS',
  island: 'IS',
};

function foldName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z ]/g, '')
    .replace(/\s+/g, ' ');
}

/** ISO alpha-2 code for `raw`, '' for empty input, null when it is not recognised. */
export function countryCode(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return '';
  if (s.length === 2) {
    const up = s.toUpperCase();
    if (up === 'UK') return 'GB';
    return ALPHA2.has(up) ? up : null;
  }
  return NAMED[foldName(s)] ?? null;
}
