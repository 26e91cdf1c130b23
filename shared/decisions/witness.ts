// Witnesses of the decision log kept outside the database: checkpoint files, backups, report
// PDFs and decisions CSVs each record the log head (or every entry's hash) they were made from.
// A log rewritten so that its own chain verifies still differs from what its witnesses saw.
import { EMPTY_HEAD, type DecisionEntry, type LogHead } from './chain';
import { readCellsOf, type DecisionsCsvColumn } from './decisionsCsv';

export interface Witness {
  /** What saw the log, in the analyst's words: "the checkpoint file", "report-2026-W47.pdf". */
  source: string;
  /** When it was made, if it says (epoch ms). */
  at: number | null;
  /** Heads it saw, oldest first: one for a backup or a PDF, every entry for a checkpoint file or a decisions CSV. */
  heads: LogHead[];
  /** Entries it saw that a logged restore then set aside (a checkpoint file): they belong in the log's archive. */
  setAside?: LogHead[];
  /** The same, restore by restore: each a run of one line, as it went on before the restore replaced it. */
  setAsideLines?: LogHead[][];
  /**
   * What it says each entry held, when it says (a decisions CSV: each row's cells as read, by
   * column): a file whose hashes are the log's can still have had a note edited or a row taken
   * out, and "Matches" must not be said of it.
   */
  contents?: readonly WitnessedEntry[];
}

/** A row of a decisions CSV: its entry's seq and its cells as a reader sees them, by column name. */
export interface WitnessedEntry {
  seq: number;
  cells: Partial<Record<DecisionsCsvColumn, string>>;
}

export type WitnessVerdict =
  | { ok: true; source: string; checked: number; upTo: number; /** Entries whose contents were compared too (a decisions CSV). */ contents?: number }
  | { ok: false; source: string; seq: number; kind: 'shorter' | 'changed' | 'head' | 'set-aside' | 'file-changed' | 'file-gap'; reason: string };

const shortHash = (h: string) => h.slice(0, 12);

/**
 * Compares a log with one witness and names the first difference: a shorter log (entries the
 * witness saw are gone), a changed entry (its hash differs from the one witnessed), or a
 * different head (a log of the same length that is not the one witnessed). Given the log's
 * archive, witnessed entries a restore set aside are named so when the archive holds them
 * unchanged, and those a checkpoint file saw set aside must be there: a restore entry forged
 * beneath the app would otherwise let witnessed entries vanish without a trace.
 */
export function compareWithWitness(
  entries: readonly (Pick<DecisionEntry, 'seq' | 'hash'> & Partial<DecisionEntry>)[],
  witness: Witness,
  archived?: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
): WitnessVerdict {
  const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
  const last = entries.at(-1)?.seq ?? 0;
  const when = witness.at !== null ? ` (${new Date(witness.at).toISOString().slice(0, 16).replace('T', ' ')} UTC)` : '';
  const heads = [...witness.heads].filter((h) => h.seq > 0).sort((a, b) => a.seq - b.seq);
  const kept = new Set((archived ?? []).map((e) => `${e.seq}:${e.hash}`));
  const inArchive = (h: LogHead) => kept.has(`${h.seq}:${h.hash}`);
  for (const h of heads) {
    const mine = bySeq.get(h.seq);
    // Not in the log but in its archive: a logged restore set it aside (a witness made before a
    // genuine restore of an older backup), which is said as such, not as a rewrite; every later
    // entry the witness saw must be in one or the other.
    if (mine !== h.hash && inArchive(h)) {
      const later = heads.filter((x) => x.seq >= h.seq);
      const lost = later.find((x) => bySeq.get(x.seq) !== x.hash && !inArchive(x));
      if (lost)
        return {
          ok: false,
          source: witness.source,
          seq: lost.seq,
          kind: 'changed',
          reason: `entry ${lost.seq} that ${witness.source}${when} saw is neither in the log nor in its archive: it was removed or changed`,
        };
      const newest = later.at(-1)!.seq;
      return {
        ok: false,
        source: witness.source,
        seq: h.seq,
        kind: 'set-aside',
        reason:
          newest === h.seq
            ? `entry ${h.seq} that ${witness.source}${when} saw is not in the log: a restore set it aside, and the log's archive holds it unchanged`
            : `entries ${h.seq} to ${newest} that ${witness.source}${when} saw are not in the log: a restore set them aside, and the log's archive holds them unchanged`,
      };
    }
    if (mine === undefined) {
      const newest = heads.at(-1)!;
      return {
        ok: false,
        source: witness.source,
        seq: last + 1,
        kind: 'shorter',
        reason: `the log ends at entry ${last}, but ${witness.source}${when} saw entry ${newest.seq}: entries were removed`,
      };
    }
    if (mine !== h.hash) {
      const isHead = h.seq === last;
      return {
        ok: false,
        source: witness.source,
        seq: h.seq,
        kind: isHead ? 'head' : 'changed',
        reason: isHead
          ? `the log's head (entry ${h.seq}, ${shortHash(mine)}…) is not the head ${witness.source}${when} saw (${shortHash(h.hash)}…): the log was rewritten`
          : `entry ${h.seq} differs from what ${witness.source}${when} saw (${shortHash(mine)}… instead of ${shortHash(h.hash)}…): it, or an entry before it, was changed`,
      };
    }
  }
  if (archived) {
    const gone = (witness.setAside ?? []).find((h) => !inArchive(h));
    if (gone)
      return {
        ok: false,
        source: witness.source,
        seq: gone.seq,
        kind: 'set-aside',
        reason: `entry ${gone.seq}, which ${witness.source}${when} saw before a restore set it aside, is not in the log's archive as it saw it: it was removed or changed`,
      };
  }
  if (witness.contents) {
    const differs = contentDifference(entries, witness.contents, witness.source);
    if (differs) return differs;
  }
  return {
    ok: true,
    source: witness.source,
    checked: heads.length,
    upTo: heads.at(-1)?.seq ?? EMPTY_HEAD.seq,
    ...(witness.contents ? { contents: witness.contents.length } : {}),
  };
}

/** The columns compared, in the words a difference is named by (seq and hash are compared as heads). */
const CONTENT_WORDS: Partial<Record<DecisionsCsvColumn, string>> = {
  time_utc: 'time',
  source: 'order',
  order_id: 'order',
  decision: 'decision',
  reason_code: 'reason code',
  note: 'note',
  analyst: 'analyst',
  score: 'score',
  matrix_version: 'matrix version',
  undoes: 'undone entry',
  settles: 'settled entries',
  rules: 'rules that fired',
};

/**
 * Where a file that witnessed the log's hashes says something else than the log: a row missing
 * between the first and the last it holds (or before its first: an export starts at entry 1), or
 * a cell of a column the file has that is not what the export wrote for the log's entry (its time,
 * order, decision, code, note, analyst, score, matrix, the entry an undo reverses, what a
 * resolution settles, the rules that fired), compared as a reader of the file sees both. The log's
 * own chain is verified apart, so when it holds, the file is what was changed. A note erased on
 * request since the file was written is not compared (the file still holds it; the log no longer does).
 */
function contentDifference(
  entries: readonly (Pick<DecisionEntry, 'seq' | 'hash'> & Partial<DecisionEntry>)[],
  contents: readonly WitnessedEntry[],
  source: string,
): WitnessVerdict | null {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const rows = [...contents].sort((a, b) => a.seq - b.seq);
  let expected = 1;
  for (const row of rows) {
    if (row.seq > expected && bySeq.has(expected)) {
      const last = row.seq - 1;
      return {
        ok: false,
        source,
        seq: expected,
        kind: 'file-gap',
        reason:
          last === expected
            ? `${source} has no entry ${expected}, which the log holds: a row was taken out of the file`
            : `${source} has no entries ${expected} to ${last}, which the log holds: rows were taken out of the file`,
      };
    }
    expected = row.seq + 1;
    const mine = bySeq.get(row.seq);
    if (!mine || mine.decision === undefined) continue;
    const written = readCellsOf(mine as DecisionEntry);
    const changed = [
      ...new Set(
        (Object.keys(row.cells) as DecisionsCsvColumn[]).flatMap((column) => {
          const word = CONTENT_WORDS[column];
          if (!word || (column === 'note' && mine.noteErased)) return [];
          return row.cells[column] === written[column] ? [] : [word];
        }),
      ),
    ];
    if (changed.length)
      return {
        ok: false,
        source,
        seq: row.seq,
        kind: 'file-changed',
        reason: `entry ${row.seq} in ${source} is not the log's entry ${row.seq}: its ${changed.join(', ')} ${changed.length === 1 ? 'differs' : 'differ'} (the file carries the entry's hash, so the file was changed after it was written)`,
      };
  }
  return null;
}

/**
 * Where a log stands against a witness that saw an older state: the witness's entries must be
 * a prefix of the log. Used by restore to tell a genuine older backup (fewer entries, the same
 * hashes) from a forged or foreign one (other hashes).
 */
export function relateLogs(
  current: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
  incoming: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
): { relation: 'same' | 'older' | 'newer' | 'diverged'; commonUpTo: number; firstDifference: number | null } {
  const n = Math.min(current.length, incoming.length);
  for (let i = 0; i < n; i++) {
    if (current[i]!.hash !== incoming[i]!.hash) return { relation: 'diverged', commonUpTo: i, firstDifference: current[i]!.seq };
  }
  const relation = current.length === incoming.length ? 'same' : incoming.length < current.length ? 'older' : 'newer';
  return { relation, commonUpTo: n, firstDifference: null };
}

export type KnownRelation = ReturnType<typeof relateLogs> | { relation: 'revives'; commonUpTo: number; firstDifference: number; revivedUpTo: number };

/**
 * relateLogs, knowing the entries restores here set aside (the log's archive, each checked
 * against its own hash). A backup that parts from this log at some entry and goes on with
 * entries the archive holds unchanged is a copy of the log as it stood before a restore here
 * (the newer backup, restored after an older one by mistake): it 'revives' that line, entries
 * `commonUpTo + 1` to `revivedUpTo`, and may go on past it with entries nobody here saw. One that
 * parts from the archived line too, where the archive knows how that line went on, is no copy.
 */
export function relateToLogAndArchive(
  current: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
  archived: readonly Pick<DecisionEntry, 'seq' | 'hash' | 'prevHash'>[],
  incoming: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
): KnownRelation {
  const rel = relateLogs(current, incoming);
  return rel.relation === 'diverged' ? relateToArchive(rel, archived, incoming) : rel;
}

/** relateToLogAndArchive past relateLogs: a backup that parted from the log, against the archive. */
export function relateToArchive(
  rel: ReturnType<typeof relateLogs>,
  archived: readonly Pick<DecisionEntry, 'seq' | 'hash' | 'prevHash'>[],
  incoming: readonly Pick<DecisionEntry, 'seq' | 'hash'>[],
): KnownRelation {
  if (rel.relation !== 'diverged') return rel;
  const known = new Set(archived.map((e) => `${e.seq}:${e.hash}`));
  let j = rel.commonUpTo;
  while (j < incoming.length && known.has(`${incoming[j]!.seq}:${incoming[j]!.hash}`)) j++;
  if (j === rel.commonUpTo) return rel;
  const next = incoming[j];
  if (next && archived.some((e) => e.seq === next.seq && e.prevHash === incoming[j - 1]!.hash && e.hash !== next.hash))
    return { relation: 'diverged', commonUpTo: j, firstDifference: next.seq };
  return { relation: 'revives', commonUpTo: rel.commonUpTo, firstDifference: rel.firstDifference!, revivedUpTo: j };
}
