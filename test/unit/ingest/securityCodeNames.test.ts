// Security-code columns under the names web shops and gateways write them in (security_code,
// SecurityCode, CardCVV, cvvCode, Authorize.Net's cardCode): never read, and emptied in rows to fix.
import { describe, expect, it } from 'vitest';
import { isSecurityCodeColumn } from '../../../shared/ingest';
import { headerKey } from '../../../shared/ingest/headers';
import { rowsToFix } from '../../../shared/ingest/rowsToFix';
import { mappedWooOrders, runImport, utf8 } from './support';

const CODES = [
  'security_code',
  'SecurityCode',
  'card-security-code',
  'CardCVV',
  'cvvCode',
  'cc_cvv2',
  'CVV_Number',
  'card_verification_value',
  'CardVerificationValue',
  'cardCode',
  'card_code',
];

describe('security-code columns written with underscores, dashes or in camel case', () => {
  it('are security-code columns; their check results are not', () => {
    expect(CODES.filter((name) => !isSecurityCodeColumn(headerKey(name)))).toEqual([]);
    const results = ['cvc_check', 'CvvResult', 'security_code_match', 'card_code_type', 'cvv2_response', 'cardCodeResponse', 'discount_code', 'postcode'];
    expect(results.filter((name) => isSecurityCodeColumn(headerKey(name)))).toEqual([]);
  });

  it('are never read, even when the wizard maps one', async () => {
    for (const name of CODES) {
      const text = ['Order Number,Order Date,Order Total,Currency,' + name, '1001,2026-03-01 10:00,25.00,EUR,7373'].join('\n');
      const run = await runImport(utf8(text), { preset: mappedWooOrders({ currency: 'Currency', customerId: name }) });
      expect(run.summary.created, name).toBe(1);
      expect(JSON.stringify(run.written), name).not.toContain('7373');
      expect(
        run.summary.warnings.map((w) => w.code),
        name,
      ).toContain('security-code-column');
    }
  });

  it('are emptied in the rows to fix', () => {
    for (const name of CODES) {
      const text = ['Order Number,Order Date,Order Total,' + name, '1001,2026-03-01 10:00,,7373'].join('\n');
      const toFix = rowsToFix(text, 1, ',', [{ file: 'x.csv', line: 2, code: 'missing-value', reason: 'Order Total is empty' }]);
      expect(toFix, name).not.toContain('7373');
    }
  });
});
