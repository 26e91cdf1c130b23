// The built-in presets and format detection: a file is a format when it has all of that format's
// marker columns; among several, the one with the most markers (the most specific) wins.
import { headerKey, type Header } from '../headers';
import { ADYEN_RECEIVED_PAYMENTS } from './adyen';
import { AMAZON_ALL_ORDERS, AMAZON_UNSHIPPED } from './amazon';
import { ADYEN_DISPUTES, GENERIC_DISPUTES } from './disputes';
import {
  PAYPAL_ACTIVITY_DE,
  PAYPAL_ACTIVITY_EN,
  PAYPAL_ACTIVITY_ES,
  PAYPAL_ACTIVITY_FR,
  PAYPAL_ACTIVITY_IT,
  PAYPAL_ACTIVITY_NL,
  PAYPAL_ACTIVITY_PL,
  PAYPAL_CASE_REPORT,
} from './paypal';
import type { FormatPreset } from './preset';
import { SHOPIFY_ORDERS } from './shopify';
import { STRIPE_DISPUTES, STRIPE_PAYMENTS, STRIPE_PAYMENTS_CREATED_UTC } from './stripe';
import { ZALANDO_ORDERS } from './zalando';

export const BUILT_IN_PRESETS: readonly FormatPreset[] = [
  SHOPIFY_ORDERS,
  AMAZON_ALL_ORDERS,
  AMAZON_UNSHIPPED,
  ZALANDO_ORDERS,
  STRIPE_PAYMENTS,
  STRIPE_PAYMENTS_CREATED_UTC,
  STRIPE_DISPUTES,
  PAYPAL_ACTIVITY_EN,
  PAYPAL_ACTIVITY_DE,
  PAYPAL_ACTIVITY_FR,
  PAYPAL_ACTIVITY_IT,
  PAYPAL_ACTIVITY_ES,
  PAYPAL_ACTIVITY_NL,
  PAYPAL_ACTIVITY_PL,
  PAYPAL_CASE_REPORT,
  ADYEN_RECEIVED_PAYMENTS,
  ADYEN_DISPUTES,
  GENERIC_DISPUTES,
];

export interface FormatMatch {
  preset: FormatPreset;
  /** Marker columns the file lacks (empty for a full match). */
  missing: string[];
}

export function missingMarkers(header: Pick<Header, 'keys'>, preset: FormatPreset): string[] {
  return preset.markerColumns.filter((m) => !header.keys.includes(headerKey(m)));
}

/**
 * Column names many exports share (an Amazon report and a Stripe export both have a currency): a
 * file that shares only these with a format is not a near miss of it. Header keys, EN and DE.
 */
const GENERIC_COLUMNS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'email',
  'e-mail',
  'status',
  'type',
  'currency',
  'amount',
  'total',
  'date',
  'time',
  'created',
  'created at',
  'description',
  'reason',
  'note',
  'country',
  'quantity',
  'price',
  'fee',
  'net',
  'gross',
  'balance',
  'sku',
  'title',
  'transaction id',
  'order id',
  'datum',
  'uhrzeit',
  'typ',
  'währung',
  'betrag',
  'brutto',
  'netto',
  'gebühr',
  'beschreibung',
  'land',
  'menge',
  'preis',
  'summe',
  'guthaben',
  'bestellnummer',
]);

/** Whether a file that lacks some of `preset`'s markers still has one only that kind of export has. */
export function sharesSpecificMarker(header: Pick<Header, 'keys'>, preset: FormatPreset): boolean {
  return preset.markerColumns.some((m) => {
    const key = headerKey(m);
    return !GENERIC_COLUMNS.has(key) && header.keys.includes(key);
  });
}

/**
 * Presets the file fits, best first: full matches by number of markers, then near misses by the
 * share of markers present (for "looks like …, but lacks …" hints). A near miss must share a marker
 * specific to its format; generic columns alone (id, Status, Currency) suggest nothing.
 */
export function rankFormats(header: Pick<Header, 'keys'>, presets: readonly FormatPreset[] = BUILT_IN_PRESETS): FormatMatch[] {
  const matches: FormatMatch[] = [];
  for (const preset of presets) {
    if (preset.markerColumns.length === 0) continue;
    const missing = missingMarkers(header, preset);
    if (missing.length === 0 || (missing.length < preset.markerColumns.length && sharesSpecificMarker(header, preset))) matches.push({ preset, missing });
  }
  const share = (m: FormatMatch) => 1 - m.missing.length / m.preset.markerColumns.length;
  return matches.sort((a, b) => {
    const full = Number(b.missing.length === 0) - Number(a.missing.length === 0);
    if (full !== 0) return full;
    if (a.missing.length === 0) return b.preset.markerColumns.length - a.preset.markerColumns.length;
    return share(b) - share(a);
  });
}

/** A test for the header row: fields that hold all marker columns of one of `presets`. */
export function namesAFormat(presets: readonly FormatPreset[]): (fields: readonly string[]) => boolean {
  const markerSets = presets.filter((p) => p.markerColumns.length > 0).map((p) => p.markerColumns.map(headerKey));
  return (fields) => {
    const keys = new Set(fields.map(headerKey));
    return markerSets.some((markers) => markers.every((m) => keys.has(m)));
  };
}

export function detectFormat(header: Pick<Header, 'keys'>, presets: readonly FormatPreset[] = BUILT_IN_PRESETS): FormatPreset | null {
  const best = rankFormats(header, presets)[0];
  return best && best.missing.length === 0 ? best.preset : null;
}

export function presetById(id: string, presets: readonly FormatPreset[] = BUILT_IN_PRESETS): FormatPreset | undefined {
  return presets.find((p) => p.id === id);
}
