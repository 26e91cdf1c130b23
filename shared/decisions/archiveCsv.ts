// The decision log archive as a CSV: the entries restores set aside, with the decisions CSV's
// columns (each entry's own number, time, order, decision, ... hash) and the restore that set it aside.
import { toCsv, type CsvCell } from '../export/csv';
import { archivingRestoreText, type ArchivedEntry } from './archive';
import { ARCHIVE_MARKER_COLUMN, cellsOf, DECISIONS_CSV_HEAD } from './decisionsCsv';

/**
 * `seq` is the archived entry's own number, in the log it was written in: the live log may have
 * given it to another entry since. The marker column keeps the file from being read as the log.
 */
export const ARCHIVE_CSV_HEAD = [
  ...DECISIONS_CSV_HEAD,
  ARCHIVE_MARKER_COLUMN,
  'set_aside_by_hash',
  'set_aside_at_utc',
  'set_aside_by_analyst',
  'set_aside_by',
  'back_in_force_as_entry',
] as const;

type ArchiveCsvColumn = (typeof ARCHIVE_CSV_HEAD)[number];

/** The file, oldest restore first and each restore's entries by number, each record ended by CRLF. */
export function writeArchiveCsv(archived: readonly ArchivedEntry[]): string {
  const oldestFirst = [...archived].sort(
    (a, b) => (a.setAsideBy.entry?.at ?? 0) - (b.setAsideBy.entry?.at ?? 0) || a.setAsideBy.seq - b.setAsideBy.seq || a.entry.seq - b.entry.seq,
  );
  return toCsv(
    ARCHIVE_CSV_HEAD,
    oldestFirst.map((a) => {
      const restore = a.setAsideBy.entry;
      const cells: Record<ArchiveCsvColumn, CsvCell> = {
        ...cellsOf(a.entry),
        [ARCHIVE_MARKER_COLUMN]: a.setAsideBy.seq,
        set_aside_by_hash: restore ? { sha256: restore.hash } : '',
        set_aside_at_utc: restore ? new Date(restore.at).toISOString() : '',
        set_aside_by_analyst: restore?.analyst ?? '',
        set_aside_by: archivingRestoreText(a.setAsideBy),
        back_in_force_as_entry: a.backInForce ?? '',
      };
      return ARCHIVE_CSV_HEAD.map((c) => cells[c]);
    }),
  );
}
