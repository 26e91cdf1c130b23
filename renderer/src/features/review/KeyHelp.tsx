// The Review screen's key help, listed from the same table the key handler uses.
import { HistoryTable, type Column } from '../../ui/HistoryTable';
import { keyLabel, REVIEW_KEYS, type KeyRow } from './reviewKeys';

const COLUMNS: Column<KeyRow>[] = [
  { header: 'Key', cell: (row) => <kbd>{Object.keys(row.keys).map(keyLabel).join(' / ')}</kbd> },
  { header: 'Does', cell: (row) => row.help },
];

export function KeyHelp() {
  return (
    <div className="panel" role="dialog" aria-label="Keyboard shortcuts">
      <HistoryTable rows={REVIEW_KEYS} columns={COLUMNS} rowKey={(row) => Object.keys(row.keys).join()} headless />
    </div>
  );
}
