// What a cache or a backup holds, in the analyst's words: orders (current versions), payments,
// disputes, decisions... The same counts are written into a backup's header and recomputed from
// its rows before a restore, so a file whose header and content disagree is refused.
import type { PaymentBlockRecord, WorkbenchDb } from '../storage/schema';
import { PaymentStore } from '../storage/paymentStore';

export type SummaryCounts = Record<(typeof SUMMARY_ORDER)[number], number>;

/** The order the confirm dialog names them in. */
export const SUMMARY_ORDER = [
  'orders',
  'payments',
  'disputes',
  'claims',
  'decisions',
  'disputeChanges',
  'attachments',
  'ringVerdicts',
  'linkOverrides',
  'snapshots',
  'imports',
  'exports',
] as const;

export const SUMMARY_LABEL: Record<keyof SummaryCounts, [one: string, many: string]> = {
  orders: ['order', 'orders'],
  payments: ['payment', 'payments'],
  disputes: ['dispute', 'disputes'],
  claims: ['refund claim', 'refund claims'],
  decisions: ['decision', 'decisions'],
  disputeChanges: ['dispute change', 'dispute changes'],
  attachments: ['attached file', 'attached files'],
  ringVerdicts: ['ring verdict or note', 'ring verdicts and notes'],
  linkOverrides: ['link override', 'link overrides'],
  snapshots: ['report snapshot', 'report snapshots'],
  imports: ['import', 'imports'],
  exports: ['logged export', 'logged exports'],
};

/** Counts from rows as a backup holds them (table name → rows). */
export function countRows(tables: ReadonlyMap<string, readonly unknown[]>): SummaryCounts {
  const rows = (name: string) => tables.get(name) ?? [];
  let orders = 0;
  for (const b of rows('orderBlocks') as { live: Uint8Array }[]) for (const v of b.live) orders += v;
  let payments = 0;
  for (const b of rows('paymentBlocks') as PaymentBlockRecord[]) payments += b.rows.length;
  return {
    orders,
    payments,
    disputes: rows('disputes').length,
    claims: rows('refundClaims').length,
    decisions: rows('decisions').length,
    disputeChanges: rows('disputeEvents').length,
    attachments: rows('disputeAttachments').length,
    ringVerdicts: rows('ringMarks').length,
    linkOverrides: rows('linkOverrides').length,
    snapshots: rows('reportSnapshots').length,
    imports: rows('imports').length,
    exports: rows('exportLog').length,
  };
}

/** The same counts from the live cache. */
export async function summaryCounts(db: WorkbenchDb): Promise<SummaryCounts> {
  let orders = 0;
  await db.orderBlocks.each((b) => {
    for (const v of b.live) orders += v;
  });
  const [payments, disputes, claims, decisions, disputeChanges, attachments, ringVerdicts, linkOverrides, snapshots, imports, exports] = await Promise.all([
    new PaymentStore(db).count(),
    db.disputes.count(),
    db.refundClaims.count(),
    db.decisions.count(),
    db.disputeEvents.count(),
    db.disputeAttachments.count(),
    db.ringMarks.count(),
    db.linkOverrides.count(),
    db.reportSnapshots.count(),
    db.imports.count(),
    db.exportLog.count(),
  ]);
  return { orders, payments, disputes, claims, decisions, disputeChanges, attachments, ringVerdicts, linkOverrides, snapshots, imports, exports };
}

/** "10,000 orders, 2,648 payments, 17 disputes, 11 decisions" (zero counts left out). */
export function describeCounts(c: Partial<SummaryCounts>, format: (n: number) => string = (n) => n.toLocaleString('en-GB')): string {
  const parts = SUMMARY_ORDER.filter((k) => (c[k] ?? 0) > 0).map((k) => `${format(c[k]!)} ${SUMMARY_LABEL[k][c[k] === 1 ? 0 : 1]}`);
  return parts.length ? parts.join(', ') : 'nothing';
}
