// Claim rows to refund claims: a claims file mapped in the wizard, or the buyer claims among the
// cases of PayPal's case report. One claim per case reference; a case listed on several rows takes
// its latest row's status, the first filled value of every other field.
import type { ClaimKind, RefundClaim } from '../../disputes/claims';
import type { DisputeStatus } from '../../domain/dispute';
import { claimKindOf, CLAIM_KIND_EXAMPLES } from '../claimKinds';
import { hashFields } from '../contentHash';
import { CLAIM_HASH_FIELDS, scopeOf } from '../records';
import { disputeStatusOf, stateCell } from '../vocabulary';
import { amountAt, recordCurrency, dateCell, minorUnits, zoneCell } from './cells';
import type { BuildContext, RowGroup } from './context';

const WHAT = 'claim';
/** The reason is a label, not a story: kept as long as the hand-entry form allows. */
const MAX_REASON = 500;

export class ClaimBuilder {
  private readonly scope = scopeOf('claim', CLAIM_HASH_FIELDS);

  constructor(
    private readonly ctx: BuildContext,
    /** The field holding the buyer's reason: `reason` in a claims file, `reasonCode` in a dispute report. */
    private readonly reasonField = 'reason',
  ) {}

  keyField(): number {
    return this.ctx.f('id');
  }

  /** A claims file's group: its kind from the kind column, else the format's. */
  build(g: RowGroup): void {
    const kind = this.kindOf(g);
    if (kind) this.buildAs(g, kind);
  }

  /** Reads the group as a claim of `kind`; sets it aside with the cell at fault when a value cannot be read. */
  buildAs(g: RowGroup, kind: ClaimKind): void {
    const { ctx } = this;
    const f = (name: string) => ctx.f(name);
    const zone = zoneCell(ctx, g, f('timeZone'));
    const openedAt = dateCell(ctx, g, f('openedAt'), 'opened date', true, WHAT, zone);
    if (openedAt === null) return;
    // A deadline given as a date only is met by the end of that day in the file's zone, as a dispute's.
    const dueAt = dateCell(ctx, g, f('dueAt'), 'deadline', false, WHAT, zone, -1, true);
    if (dueAt === null) return;
    if (dueAt !== 0 && dueAt < openedAt) {
      const at = ctx.locate(g, f('dueAt'));
      ctx.fail(g, at.row, at.column, 'invalid-value', `${ctx.columnLabel(at.column)} is before the claim was opened`, WHAT);
      return;
    }
    const currency = recordCurrency(ctx, g, f('currency'), [f('amount')], WHAT);
    if (currency === null) return;
    const amountCell = ctx.locate(g, f('amount'));
    if (amountCell.value === '') {
      ctx.fail(g, amountCell.row, amountCell.column, 'missing-value', `${ctx.fieldLabel(f('amount'))} is empty; a claim has an amount`, WHAT);
      return;
    }
    const a = amountAt(ctx, g, amountCell.row, amountCell.column, WHAT);
    if (Number.isNaN(a)) return;
    const amountMinor = minorUnits(ctx, g, Math.abs(a), currency, amountCell.row, amountCell.column, WHAT);
    if (Number.isNaN(amountMinor)) return;
    const claim: RefundClaim = {
      id: g.key,
      kind,
      orderRef: ctx.identifier(g, f('orderRef')),
      amountMinor,
      currency,
      openedAt,
      noticeDueAt: dueAt === 0 ? null : dueAt,
      status: this.statusOf(g),
      reason: ctx.text(g, f(this.reasonField)).slice(0, MAX_REASON),
      // Who entered it and when: the writer sets them for a new claim and keeps them on an update.
      createdAt: 0,
      analyst: '',
    };
    const idAt = ctx.locate(g, f('id'));
    ctx.out.records.push({
      kind: 'claim',
      keyColumn: { column: idAt.column + 1, name: ctx.resolved.header.names[idAt.column] ?? '' },
      key: claim.id,
      value: claim,
      hash: hashFields(claim, CLAIM_HASH_FIELDS),
      scope: this.scope,
      provided: CLAIM_HASH_FIELDS,
      line: g.lines[0]!,
      lines: g.lines.length > 1 ? g.lines.slice() : null,
      rows: g.lines.length,
    });
  }

  private kindOf(g: RowGroup): ClaimKind | null {
    const { ctx } = this;
    const f = ctx.f('claimKind');
    const at = ctx.locate(g, f);
    if (at.value !== '') {
      const kind = claimKindOf(at.value);
      if (!kind) ctx.fail(g, at.row, at.column, 'invalid-value', `${ctx.columnLabel(at.column)} names no kind of claim; it reads ${CLAIM_KIND_EXAMPLES}`, WHAT);
      return kind;
    }
    const fallback = ctx.preset.options.claimKind;
    if (fallback) return fallback;
    ctx.fail(
      g,
      at.row,
      at.column,
      'missing-value',
      ctx.mapped(f)
        ? `${ctx.fieldLabel(f)} is empty and the format names no kind of claim`
        : 'the kind of claim is unknown: map a kind column or choose the kind for the whole file',
      WHAT,
    );
    return null;
  }

  /** The latest row's status; a status the import does not know reads as new, with a warning. */
  private statusOf(g: RowGroup): DisputeStatus {
    const { ctx } = this;
    const f = ctx.f('status');
    let text = '';
    for (let r = g.rows.length - 1; r >= 0 && text === ''; r--)
      text = stateCell(ctx.resolved.columns[f]!.map((c) => g.rows[r]![c]!.trim()).filter((v) => v !== ''));
    const status = disputeStatusOf(text);
    if (status === null && text !== '')
      ctx.messages.warn('unknown-dispute-status', `${ctx.fieldLabel(f)} has claim states the import does not know; they were read as new`, g.lines[0]);
    return status ?? 'new';
  }
}
