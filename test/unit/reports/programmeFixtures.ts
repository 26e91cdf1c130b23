// Programme thresholds small enough for a dozen hand-made orders to cross: ratio 10 % with 2 counts
// (Mastercard's HECM 50 % with 3).
import type { Threshold } from '../../../shared/reports/programmes';

export const SMALL: Threshold[] = [
  { programme: 'visa-vamp', level: 'excessive', ratio: 0.1, count: 2, effectiveFrom: '2026-01', source: 'test' },
  { programme: 'mastercard-ecm', level: 'ECM', ratio: 0.1, count: 2, effectiveFrom: '2026-01', source: 'test' },
  { programme: 'mastercard-ecm', level: 'HECM', ratio: 0.5, count: 3, effectiveFrom: '2026-01', source: 'test' },
];
