// A decisions CSV as a witness of the log: read by the one decisions CSV reader, every entry's seq
// and hash; a file that cannot witness says which entry or line is at fault.
import { describe, expect, it } from 'vitest';
import type { DecisionEntry } from '../../../shared/decisions/chain';
import { DECISIONS_CSV_HEAD_BEFORE_UNDOES, writeDecisionsCsv } from '../../../shared/decisions/decisionsCsv';
import { witnessFromFile } from '../../../shared/decisions/witnessFiles';
import { compareWithWitness } from '../../../shared/decisions/witness';

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
    expect(w).toMatchObject({
      source: 'decisions.csv',
      at: null,
      heads: [
        { seq: 1, hash: 'a'.repeat(64) },
        { seq: 2, hash: masked },
      ],
    });
    // What each entry held, to tell an edited file from the export.
    expect(w.contents?.map((c) => [c.seq, c.cells.note])).toEqual([
      [1, 'note 1'],
      [2, 'note 2'],
    ]);
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

  it('refuses a PDF whose title names no log head, saying what a report PDF of the app has', async () => {
    const pdf = new Blob(['%PDF-1.4\n1 0 obj << /Title (Monthly figures) >> endobj\n%%EOF\n']);
    await expect(witnessFromFile(pdf, 'figures.pdf')).rejects.toThrow(
      "figures.pdf is a PDF, but not a report this app printed: its title does not name the decision log's head, as every report PDF of the app does",
    );
  });

  it('refuses a file the reader cannot read, naming the line', async () => {
    const csv = `${writeDecisionsCsv([entry(1, 'a'.repeat(64))])}2,yesterday,shopify,#1,note,,,K. Weber,,,${'b'.repeat(64)},,,\r\n`;
    await expect(witnessFromFile(file(csv), 'decisions.csv')).rejects.toThrow('decisions.csv line 3: time_utc is not an ISO 8601 time: yesterday');
  });

  describe('checked against the log', () => {
    const log = [1, 2, 3, 4, 5].map((seq) => ({
      ...entry(seq, String(seq).repeat(64)),
      decision: 'hold' as const,
      reasonCode: 'FRAUD-RING',
      score: 55,
      matrixVersion: 2,
    }));
    const verdictOf = async (csv: string) => compareWithWitness(log, await witnessFromFile(file(csv), 'decisions.csv'));
    const lines = () => writeDecisionsCsv(log).split('\r\n');

    it('matches the export as written, and an earlier export (the log went on since)', async () => {
      expect(await verdictOf(writeDecisionsCsv(log))).toEqual({ ok: true, source: 'decisions.csv', checked: 5, upTo: 5, contents: 5 });
      expect(await verdictOf(writeDecisionsCsv(log.slice(0, 2)))).toMatchObject({ ok: true, upTo: 2 });
    });

    it('an edited note, or a row taken out, is the file changed, not "Matches"', async () => {
      const edited = lines();
      edited[3] = edited[3]!.replace('note 3', 'AGAIN edited');
      expect(await verdictOf(edited.join('\r\n'))).toEqual({
        ok: false,
        source: 'decisions.csv',
        seq: 3,
        kind: 'file-changed',
        reason:
          "entry 3 in decisions.csv is not the log's entry 3: its note differs (the file carries the entry's hash, so the file was changed after it was written)",
      });
      const dropped = lines().filter((_, i) => i !== 2);
      expect(await verdictOf(dropped.join('\r\n'))).toMatchObject({
        ok: false,
        seq: 2,
        kind: 'file-gap',
        reason: 'decisions.csv has no entry 2, which the log holds: a row was taken out of the file',
      });
      const topless = [lines()[0]!, ...lines().slice(3)];
      expect(await verdictOf(topless.join('\r\n'))).toMatchObject({
        ok: false,
        seq: 1,
        kind: 'file-gap',
        reason: expect.stringContaining('no entries 1 to 2'),
      });
      const recoded = lines();
      recoded[5] = recoded[5]!.replace('FRAUD-RING', 'OTHER').replace(',K. Weber,', ',L. Braun,');
      expect(await verdictOf(recoded.join('\r\n'))).toMatchObject({ ok: false, seq: 5, reason: expect.stringContaining('its reason code, analyst differ') });
    });

    it('an undo made to reverse another entry, a settlement or the rules that fired, edited, are the file changed too', async () => {
      const fired = [{ ruleId: 'ring-confirmed-fraud', points: 100, text: '+100 its ring was confirmed as fraud' }];
      const withUndo = [
        ...log.slice(0, 3).map((e) => ({ ...e, fired })),
        { ...entry(4, '4'.repeat(64)), decision: 'undo' as const, undoes: 1 },
        { ...entry(5, '5'.repeat(64)), decision: 'hold' as const, reasonCode: 'FRAUD-RING', settles: [{ deviceId: 'devA', seq: 7 }] },
      ];
      const of = async (csv: string) => compareWithWitness(withUndo, await witnessFromFile(file(csv), 'decisions.csv'));
      const rows = () => writeDecisionsCsv(withUndo).split('\r\n');
      expect(await of(writeDecisionsCsv(withUndo))).toMatchObject({ ok: true, contents: 5 });
      const undone = rows();
      undone[4] = undone[4]!.replace(/,1,,$/, ',2,,');
      expect(await of(undone.join('\r\n'))).toMatchObject({ ok: false, seq: 4, reason: expect.stringContaining('its undone entry differs') });
      const settled = rows();
      settled[5] = settled[5]!.replace('devA/7', 'devB/9');
      expect(await of(settled.join('\r\n'))).toMatchObject({ ok: false, seq: 5, reason: expect.stringContaining('its settled entries differ') });
      const ruled = rows();
      ruled[2] = ruled[2]!.replace('+100 its ring was confirmed as fraud', 'nothing fired');
      expect(await of(ruled.join('\r\n'))).toMatchObject({ ok: false, seq: 2, reason: expect.stringContaining('its rules that fired differ') });
      // A file written before the undoes column is compared on the columns it has.
      const older = writeDecisionsCsv(withUndo, DECISIONS_CSV_HEAD_BEFORE_UNDOES);
      expect(await of(older)).toMatchObject({ ok: true });
    });

    it('a card number in a note is compared as the export wrote it (reduced to BIN and last 4), so a genuine export matches', async () => {
      const restored = [{ ...entry(1, '1'.repeat(64)), decision: 'restore' as const, orderKey: '', note: 'card 4242 4242 4242 4242 used' }];
      expect(compareWithWitness(restored, await witnessFromFile(file(writeDecisionsCsv(restored)), 'decisions.csv'))).toMatchObject({ ok: true });
    });

    it('a note erased on request since the export is not a difference: the log no longer holds it', async () => {
      const erased = log.map((e) => (e.seq === 4 ? { ...e, note: '', noteErased: true } : e));
      expect(compareWithWitness(erased, await witnessFromFile(file(writeDecisionsCsv(log)), 'decisions.csv'))).toMatchObject({ ok: true, upTo: 5 });
    });
  });
});
