// The A-to-z claims sheet's format as the wizard saves it (test/fixtures/imports/amazon-a-to-z-claims.csv).
import type { FormatPreset } from '../../shared/ingest/formats/preset';

/** What the wizard saves for the A-to-z sheet: every row an A-to-z claim, no kind column. */
export const A_TO_Z: FormatPreset = {
  id: 'custom-a-to-z-claims',
  label: 'A-to-z claims',
  kind: 'claims',
  markerColumns: ['Claim ID', 'Claim Amount', 'Claim Date'],
  mapping: {
    id: 'Claim ID',
    orderRef: 'Order ID',
    amount: 'Claim Amount',
    currency: 'Currency',
    openedAt: 'Claim Date',
    dueAt: 'Respond By',
    reason: 'Claim Reason',
    status: 'Claim Status',
  },
  options: { source: 'amazon-claims', timeZone: 'UTC', claimKind: 'amazon-a-to-z' },
};
