// Claim amounts in a currency without minor units (JPY) or with three (KWD).
import { describe, expect, it } from 'vitest';
import { A_TO_Z } from '../../support/aToZClaimsPreset';
import * as claims from '../../../shared/disputes/claims';
import type { RefundClaim } from '../../../shared/disputes/claims';
import { formatMoney } from '../../../shared/domain/money';
import { runImport, values } from '../ingest/support';

// ISO 4217: JPY has 0 decimals, KWD 3; amountMinor is in those minor units (shared/ingest/amounts.ts
// currencyDecimals / toMinorUnits), so ¥1,200 is 1200.
describe('review: a JPY claim', () => {
  it('an imported ¥1,200 A-to-z claim shows as ¥1,200 in the claim list and panel, not ¥12', async () => {
    const run = await runImport(
      [
        'Claim ID,Order ID,Claim Amount,Currency,Claim Date,Respond By,Claim Reason,Claim Status',
        'AZ-JP-1,503-1234567-1234567,1200,JPY,2026-11-28 10:00:00,,Item not received,Action required',
      ].join('\n'),
      { preset: A_TO_Z },
    );
    const [c] = values<RefundClaim>(run, 'claim');
    expect(c!.amountMinor).toBe(1200);
    // DisputesTable.tsx and ClaimDetail.tsx show formatMoney(amountMinor, currency).
    expect(formatMoney(c!.amountMinor, c!.currency)).toMatch(/1,200/);
    expect(formatMoney(1234, 'KWD')).toMatch(/1\.234/);
  });

  it('a ¥1,200 claim entered by hand is stored as the import stores it (1200), so a later import does not change its amount 100-fold', () => {
    // ClaimEntryForm.tsx minorOf("1200") is 1200 * 100 whatever the currency; the parse must follow the currency.
    const parse = (claims as Record<string, unknown>).claimAmountMinor as ((text: string, currency: string) => number) | undefined;
    expect(typeof parse).toBe('function');
    expect(parse!('1200', 'JPY')).toBe(1200);
    expect(parse!('1200.50', 'JPY')).toBeNaN();
    expect(parse!('49,99', 'EUR')).toBe(4999);
    expect(parse!('1.234', 'KWD')).toBe(1234);
  });
});
