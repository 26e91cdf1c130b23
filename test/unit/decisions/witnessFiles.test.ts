// A decisions CSV as a witness of the log: read by the one decisions CSV reader, every entry's seq
// and hash; a file that cannot witness says which entry or line is at fault.
import { describe, expect, it } from 'vitest';
import type { DecisionEntry } from '../../../shared/decisions/chain';
import { writeDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { witnessFromFile } from '../../../shared/decisions/witnessFiles';

const entry = (seq: number, hash: string): DecisionEntry => ({
  seq,
  orderKey: 'shopify:#1',
  decision: 'note',
  reasonCode: '',
  note: `note ${seq}`,
  analyst: 'K. Weber',
  at: Date.UTC(2026, 10, 24, 9, seq),
  score: null,
  matrixVersion: null,
  undoes: null,
  prevHash: '',
  hash,
});
const file = (text: string) => new Blob([text]);

describe('a decisions CSV as a witness', () => {
  it("gives every entry's seq and hash, oldest first, including hashes the card check would have masked", async () => {
    const masked = '5d8f6cce532a7aeb57196be62344095936793400b3aeb3580d248b17d5518a86';
    const w = await witnessFromFile(file(`\uFEFF${writeDecisionsCsv([entry(2, masked), entry(1, 'a'.repeat(64))])}`), 'decisions.csv');
    expect(w).toEqual({
      source: 'decisions.csv',
      at: null,
      heads: [
        { seq: 1, hash: 'a'.repeat(64) },
        { seq: 2, hash: masked },
      ],
    });
  });

  it('reads a file whose rules column lists several rules (their `; ` is no delimiter)', async () => {
    const fired = [
      { ruleId: 'marketplace-risk-high', points: 30, text: '+30 marketplace flags it high risk' },
      { ruleId: 'ring-3', points: 25, text: '+25 in a ring of 9 orders' },
      { ruleId: 'new-customer', points: 5, text: "+5 customer's first order" },
    ];
    const entries = [1, 2, 3, 4].map((seq) => ({ ...entry(seq, String(seq).repeat(64)), decision: 'release' as const, fired }));
    const w = await witnessFromFile(file(writeDecisionsCsv(entries)), 'decisions.csv');
    expect(w.heads.map((h) => h.seq)).toEqual([1, 2, 3, 4]);
  });

  it('refuses an entry without a 64-character hash, naming it', async () => {
    await expect(witnessFromFile(file(writeDecisionsCsv([entry(1, 'a'.repeat(64)), entry(2, 'ab')])), 'decisions.csv')).rejects.toThrow(
      'decisions.csv: entry 2 has no 64-character hash, so the file cannot witness the log',
    );
  });

  it('refuses a file the reader cannot read, naming the line', async () => {
    const csv = `${writeDecisionsCsv([entry(1, 'a'.repeat(64))])}2,yesterday,shopify,#1,note,,,K. Weber,,,${'b'.repeat(64)},,,\r\n`;
    await expect(witnessFromFile(file(csv), 'decisions.csv')).rejects.toThrow('decisions.csv line 3: time_utc is not an ISO 8601 time: yesterday');
  });
});
