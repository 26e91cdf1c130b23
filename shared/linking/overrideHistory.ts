// Link overrides are append-only: taking one back appends a row that revokes it. Which overrides
// still apply, and when each was taken back, folded here once for the Rings screen and for the
// log entry of a cleared cache.

/** What the fold needs of a stored override or revocation. */
export interface OverrideRow {
  id: number;
  createdAt: number;
  /** Set on a revocation: the id of the override it takes back. */
  revokes?: number;
}

/** Every override (not the revocations) in the order given, with whether it still applies and when it was taken back. */
export function overrideStatuses<R extends OverrideRow>(rows: readonly R[]): (R & { active: boolean; revokedAt: number | null })[] {
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const revoked = new Map(sorted.filter((r) => r.revokes !== undefined).map((r) => [r.revokes!, r.createdAt]));
  return sorted.filter((r) => r.revokes === undefined).map((r) => ({ ...r, active: !revoked.has(r.id), revokedAt: revoked.get(r.id) ?? null }));
}
