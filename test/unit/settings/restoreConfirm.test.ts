// The restore dialog says what the plan says: a log here that does not verify is named, with why
// and how many of its entries go to the archive, instead of the usual "after entry N" loss.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RestorePlan } from '../../../renderer/src/core/contract';
import { SUMMARY_ORDER, type SummaryCounts } from '../../../renderer/src/core/backup/summary';
import { RestoreConfirm } from '../../../renderer/src/features/settings/BackupForms';

const plan: RestorePlan = {
  fileName: 'fraud-workbench-2026-11-17.fwbackup',
  format: 'container',
  createdAt: Date.UTC(2026, 10, 17, 18),
  createdBy: 'K. Weber',
  schemaVersion: 14,
  counts: { ...(Object.fromEntries(SUMMARY_ORDER.map((k) => [k, 0])) as SummaryCounts), orders: 300, decisions: 4 },
  summary: '300 orders, 4 decisions',
  verifiedTo: 4,
  relation: 'same',
  localLogBroken: null,
  lostDecisions: 0,
  lostErasures: { erasures: 0, purges: 0 },
  lostClears: 0,
  lostRestores: 0,
  keptTo: 4,
  revived: null,
  addedDecisions: null,
  lostOther: 0,
  lostOtherByTable: {},
  keptOther: 0,
  needsReason: false,
  witnessedBy: [],
  supersedes: { seq: 4, hash: 'a'.repeat(64) },
  erasedAgain: null,
};

const dialog = (p: RestorePlan) =>
  renderToStaticMarkup(
    createElement(RestoreConfirm, {
      step: { kind: 'confirm', file: new File([], p.fileName), token: 1, plan: p },
      reason: '',
      setReason: () => undefined,
      busy: false,
      onRestore: () => undefined,
      onCancel: () => undefined,
    }),
  ).replace(/<!-- -->/g, '');

describe('the restore dialog', () => {
  it('names a log here that does not verify, and that all its entries will be set aside, with a reason asked for', () => {
    const html = dialog({
      ...plan,
      relation: 'broken-here',
      localLogBroken: { seq: 1, reason: 'the log has entries but no recorded head: it was replaced' },
      lostDecisions: 4,
      needsReason: true,
    });
    expect(html).toContain(
      'The decision log on this laptop does not verify: the log has entries but no recorded head: it was replaced (entry 1). It cannot vouch for this backup, and no checkpoint was brought to check it against. All 4 of its entries will be set aside',
    );
    expect(html).not.toContain('restore-loss');
    expect(html).toContain('aria-label="Why restore over the log here"');
  });

  it('names the decisions a newer backup puts in force that this laptop never saw: which entries, by whom, when', () => {
    const html = dialog({
      ...plan,
      relation: 'newer',
      verifiedTo: 6,
      addedDecisions: {
        count: 2,
        restores: 0,
        from: 5,
        to: 6,
        analysts: ['M. Novak'],
        firstAt: Date.UTC(2026, 10, 10, 9),
        lastAt: Date.UTC(2026, 10, 12, 17, 30),
      },
    });
    expect(html).toContain(
      'It puts in force 2 decisions this laptop has not seen (entries 5–6, by M. Novak, 2026-11-10 09:00 to 2026-11-12 17:30 UTC): they continue this laptop&#x27;s log',
    );
    expect(dialog(plan)).not.toContain('restore-added');
  });

  it('into an empty log, the decisions a backup puts in force are not said to continue a log that vouches for them', () => {
    const html = dialog({
      ...plan,
      relation: 'empty-here',
      verifiedTo: 4,
      keptTo: 0,
      supersedes: { seq: 0, hash: '0'.repeat(64) },
      addedDecisions: {
        count: 4,
        restores: 0,
        from: 1,
        to: 4,
        analysts: ['M. Novak'],
        firstAt: Date.UTC(2026, 10, 10, 9),
        lastAt: Date.UTC(2026, 10, 12, 17, 30),
      },
    });
    expect(html).toContain(
      'It puts in force 4 decisions this laptop has not seen (entries 1–4, by M. Novak, 2026-11-10 09:00 to 2026-11-12 17:30 UTC): this laptop&#x27;s log is empty, so nothing here vouches for them',
    );
    expect(html).not.toContain('continue this laptop');
    expect(html).not.toContain('vouches for their order');
  });

  it('an erasure logged here since the backup stays in force: its entry is not called a decision set aside', () => {
    // Erased after the backup was written, which holds no decisions: the one entry here is the erasure's.
    const html = dialog({
      ...plan,
      relation: 'older',
      verifiedTo: 0,
      keptTo: 0,
      lostDecisions: 1,
      lostErasures: { erasures: 1, purges: 0 },
      needsReason: true,
    });
    expect(html).not.toContain('decision here');
    expect(html).not.toContain('no longer in force');
    expect(html).not.toContain('restore-loss');
    expect(html).toContain(
      'The 1 erasure on request logged here stays in force: its log entry moves to the archive, but the erasure register survives the restore and applies it again to the backup&#x27;s data before it is written, so nothing erased comes back.',
    );
  });

  it('decisions and erasures after the backup: the decisions are set aside, the erasure and the purge stay in force', () => {
    const html = dialog({ ...plan, relation: 'older', keptTo: 4, lostDecisions: 5, lostErasures: { erasures: 1, purges: 1 }, needsReason: true });
    expect(html).toContain('3 decisions after entry 4 will be set aside: kept in the archive, no longer in force.');
    expect(html).toContain('The 1 erasure on request and 1 retention purge logged here stay in force: their log entries move to the archive');
  });

  it('a clearing of the cache logged since the backup is named as such, not as a decision set aside, and the restore still asks why', () => {
    const html = dialog({ ...plan, relation: 'older', keptTo: 3, lostDecisions: 1, lostClears: 1, needsReason: true });
    expect(html).not.toContain('restore-loss');
    expect(html).not.toContain('no longer in force');
    expect(html).toContain('The clearing of the cache logged here moves to the archive: the backup brings back the data it removed.');
    expect(html).toContain('Why restore this older backup');
    // With decisions made after it, those are set aside as ever.
    const more = dialog({ ...plan, relation: 'older', keptTo: 3, lostDecisions: 4, lostClears: 2, needsReason: true });
    expect(more).toContain('2 decisions after entry 3 will be set aside: kept in the archive, no longer in force.');
    expect(more).toContain('The 2 clearings of the cache logged here move to the archive: the backup brings back the data they removed.');
  });

  it('an intact log here shows neither', () => {
    const html = dialog(plan);
    expect(html).not.toContain('does not verify');
    expect(html).not.toContain('Why restore');
  });

  it('a backup with no decisions says the decisions here will be set aside, not "after entry 0"', () => {
    const html = dialog({ ...plan, verifiedTo: 0, keptTo: 0, lostDecisions: 1, needsReason: true, relation: 'older' });
    expect(html).toContain('The 1 decision here (the backup holds none) will be set aside: kept in');
    expect(html).not.toContain('entry 0');
  });

  it('a newer backup restored after an older one: the decisions it brings back, and those here set aside after the entry both share', () => {
    const html = dialog({
      ...plan,
      relation: 'revives',
      verifiedTo: 10,
      keptTo: 5,
      lostDecisions: 1,
      needsReason: true,
      revived: { count: 5, from: 6, to: 10 },
    });
    expect(html).toContain('1 decision after entry 5 will be set aside');
    expect(html).toContain(
      'It brings back the 5 decisions a restore here set aside (entries 6–10): this laptop&#x27;s archive holds them unchanged, so the backup is this log as it stood before that restore.',
    );
    expect(dialog(plan)).not.toContain('restore-revived');
  });

  it('says which erasures it applies again and what they reach', () => {
    const html = dialog({ ...plan, erasedAgain: { requests: 'request GDPR-2026-130', what: 'personal data of 2 orders and 1 payment; 1 note', notes: [1] } });
    expect(html).toContain(
      'Erasures recorded on this laptop or in the backup (request GDPR-2026-130) reach data it holds: they are applied to it again before it is written (personal data of 2 orders and 1 payment; 1 note)',
    );
    expect(dialog(plan)).not.toContain('restore-erased-again');
  });

  it('one other logged change stays, or clashes, in the singular', () => {
    const html = dialog({ ...plan, keptOther: 1, lostOther: 1, lostOtherByTable: { refundClaims: 1 } });
    expect(html).toContain('1 other logged change made here since (exports, snapshots, dispute changes, claims, attached files) stays, after the backup');
    expect(html).toContain('1 other logged change clashes with the backup');
    const two = dialog({ ...plan, keptOther: 2, lostOther: 2, lostOtherByTable: { refundClaims: 2 } });
    expect(two).toContain('2 other logged changes made here since (exports, snapshots, dispute changes, claims, attached files) stay, after the backup');
    expect(two).toContain('2 other logged changes clash with the backup');
  });
});
