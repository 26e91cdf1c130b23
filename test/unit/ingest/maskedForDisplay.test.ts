// What the mapping wizard's preview, the import card's problems and the date-order list show of a
// raw cell: card numbers reduced to BIN + last 4 the way the import keeps free text, nothing else touched.
import { describe, expect, it } from 'vitest';
import { maskedForDisplay, reduceCardNumbers } from '../../../shared/ingest/cardScreen';

describe('maskedForDisplay', () => {
  it('reduces a grouped card number in free text to BIN and last 4', () => {
    const shown = maskedForDisplay('Karte 4111 1111 1111 1111 exp 04/28');
    expect(shown).toBe('Karte 41111111******1111 exp 04/28');
    expect(shown.replace(/\D/g, '')).not.toContain('4111111111111111');
  });

  it('reduces a bare card number and every card in a cell', () => {
    expect(maskedForDisplay('5555555555554444')).toBe('55555555******4444');
    expect(maskedForDisplay('a 4111111111111111 b 5555-5555-5555-4444')).toBe('a 41111111******1111 b 55555555******4444');
  });

  it('reduces a card a spreadsheet saved as a number, as the import does', () => {
    // 4111111111111111 with its check digit zeroed (Excel keeps 15 significant digits).
    expect(maskedForDisplay('4111111111111110')).toBe('41111111******1111');
    expect(reduceCardNumbers('4111111111111110')).toBe('41111111******1111');
  });

  it('leaves text without a card number as it is', () => {
    for (const v of ['', 'Bitte klingeln', '1.249,00 €', '02/11/2026 14:05', 'WS-7001', '192.0.2.10', '1234567890123456']) {
      expect(maskedForDisplay(v)).toBe(v);
      expect(reduceCardNumbers(v)).toBeNull();
    }
  });
});
