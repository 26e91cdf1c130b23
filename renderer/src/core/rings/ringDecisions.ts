// What analysts decided about linking and rings: key overrides (allow / never link) and ring
// verdicts, kept append-only with who, when and why, so nothing decided can vanish.
import { keptNote } from '../../../../shared/domain/cardNumbers';
import { systemClock, type Clock } from '../../../../shared/time/clock';
import { checkKeptLength, NOTE_MAX, OVERRIDE_REASON_MAX } from '../../../../shared/decisions/reasons';
import type { KeyOverride } from '../../../../shared/linking';
import { overrideStatuses } from '../../../../shared/linking/overrideHistory';
import type { KeyType } from '../../../../shared/normalize';
import { ringVerdictHistories, teammateRingVerdicts, verdictOrder, type TeamRingVerdict } from '../../../../shared/team/ringVerdicts';
import { analystName } from '../storage/metaRepository';
import type { LinkOverrideRecord, RingMarkRecord, WorkbenchDb } from '../storage/schema';

export type OverrideEntry = LinkOverrideRecord & { id: number; active: boolean; revokedAt: number | null };

export class RingDecisions {
  constructor(
    private readonly db: WorkbenchDb,
    private readonly clock: Clock = systemClock,
  ) {}

  /** Every override with whether it still applies, newest first (revocations folded in). */
  async overrides(): Promise<OverrideEntry[]> {
    const all = (await this.db.linkOverrides.orderBy('id').toArray()) as (LinkOverrideRecord & { id: number })[];
    return overrideStatuses(all).reverse();
  }

  async activeOverrides(): Promise<KeyOverride[]> {
    return (await this.overrides()).filter((o) => o.active).map((o) => ({ type: o.type as KeyType, value: o.value, action: o.action }));
  }

  async addOverride(type: KeyType, value: string, action: 'allow' | 'never-link', reason: string): Promise<number> {
    if (!reason.trim()) throw new Error('Say why: every override is kept with its reason');
    checkKeptLength('A reason', keptNote(reason), OVERRIDE_REASON_MAX);
    return (await this.db.linkOverrides.add({
      type,
      value,
      action,
      reason: keptNote(reason),
      analyst: await analystName(this.db, 'link-override'),
      createdAt: this.clock.now(),
    })) as number;
  }

  /** Takes an override back by appending a revocation; the original stays in the log. */
  async revokeOverride(id: number, reason: string): Promise<void> {
    const original = await this.db.linkOverrides.get(id);
    if (!original || original.revokes !== undefined) throw new Error(`There is no override ${id} to undo`);
    const current = (await this.overrides()).find((o) => o.id === id);
    if (!current?.active) throw new Error('This override was already undone');
    checkKeptLength('A reason', keptNote(reason), OVERRIDE_REASON_MAX);
    await this.db.linkOverrides.add({
      ...original,
      id: undefined,
      reason: keptNote(reason) || 'undone',
      analyst: await analystName(this.db, 'link-override'),
      createdAt: this.clock.now(),
      revokes: id,
    });
  }

  async markRing(ringId: string, status: RingMarkRecord['status'], note: string, orderKeys?: readonly string[]): Promise<void> {
    if (status === 'note' && !note.trim()) throw new Error('Write the note first');
    checkKeptLength('A note', keptNote(note), NOTE_MAX);
    await this.db.ringMarks.add({
      ringId,
      status,
      note: keptNote(note),
      analyst: await analystName(this.db, 'ring-verdict'),
      createdAt: this.clock.now(),
      ...(orderKeys && status !== 'note' ? { orderKeys: [...orderKeys] } : {}),
    });
  }

  /**
   * The verdict that stands per ring: the latest given, on this laptop or (signed in to a team) on a
   * teammate's, whose verdicts arrive through team sync (`teamEvents`). Reports, Review's scoring and
   * the Rings list all read it here, so the team's latest verdict counts everywhere.
   */
  async currentMarks(): Promise<Map<string, RingMarkRecord>> {
    const marks = (await this.db.ringMarks.orderBy('id').toArray()).filter((m) => m.status !== 'note');
    const own = new Map(marks.map((m) => [m.ringId, m]));
    const teammates = teammateRingVerdicts(await this.db.teamEvents.where('subject').startsWith('ring:').toArray());
    if (teammates.length === 0) return own;
    const out = new Map<string, RingMarkRecord>();
    for (const [ringId, history] of ringVerdictHistories([...marks.map(ownVerdict), ...teammates])) {
      const last = history.at(-1)!;
      out.set(ringId, last.deviceId === null ? own.get(ringId)! : teammateMark(last));
    }
    return out;
  }

  /** Verdicts and notes of a ring, newest first: this laptop's, and teammates' verdicts (notes stay on their laptop). */
  async marksOf(ringId: string): Promise<RingMarkRecord[]> {
    const own = await this.db.ringMarks.where('ringId').equals(ringId).sortBy('id');
    const teammates = teammateRingVerdicts(await this.db.teamEvents.where('subject').equals(`ring:${ringId}`).toArray());
    if (teammates.length === 0) return own.reverse();
    // Newest first, notes in their place, in the order the team's history has (verdictOrder), so the
    // panel's first verdict is the one that stands; this laptop's own at one moment by log id.
    const all = [
      ...own.map((mark) => ({ mark, at: mark.createdAt, deviceId: null })),
      ...teammates.map((v) => ({ mark: teammateMark(v), at: v.at, deviceId: v.deviceId })),
    ];
    return all.sort((a, b) => verdictOrder(b, a) || (b.mark.id ?? 0) - (a.mark.id ?? 0)).map((e) => e.mark);
  }
}

/**
 * The verdict that stands per current ring, its former names' included. A ring is named by its
 * alphabetically first order, so an import that links an order with an earlier key into it (an
 * Amazon order into a shop ring, #10000 beside #9999) renames it. A ring with no verdict under its
 * own name keeps the latest one given under the name of one of its orders, when it still holds
 * every order that verdict was given on (the same ring, grown; a ring split apart starts afresh).
 */
export function verdictsOfRings(
  marks: ReadonlyMap<string, RingMarkRecord>,
  rings: readonly { id: string; orderKeys: readonly string[] }[],
): Map<string, RingMarkRecord> {
  const out = new Map(marks);
  for (const ring of rings) {
    if (marks.has(ring.id)) continue;
    const holds = new Set(ring.orderKeys);
    let latest: RingMarkRecord | undefined;
    for (const key of ring.orderKeys) {
      const m = marks.get(`ring:${key}`);
      if (!m || (latest && latest.createdAt >= m.createdAt)) continue;
      if ((m.orderKeys ?? [key]).every((k) => holds.has(k))) latest = m;
    }
    if (latest) out.set(ring.id, latest);
  }
  return out;
}

const ownVerdict = (m: RingMarkRecord): TeamRingVerdict => ({
  ringId: m.ringId,
  status: m.status as TeamRingVerdict['status'],
  analyst: m.analyst,
  at: m.createdAt,
  deviceId: null,
});

/** A teammate's verdict as a mark: no id (it is not in this laptop's log) and no note (notes do not travel). */
const teammateMark = (v: TeamRingVerdict): RingMarkRecord => ({ ringId: v.ringId, status: v.status, note: '', analyst: v.analyst, createdAt: v.at });
