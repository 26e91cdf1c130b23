// Which day/month order each date column is read in, and why, with the value that settled it:
// on the import card and in the wizard's check. A guess is shown as one, never made silently.
// Values and names are the file's own: card numbers in them are shown reduced (maskedForDisplay).
import { maskedForDisplay } from '../../../../shared/ingest/cardScreen';
import { DATE_ORDER_WORDS, dateOrderExample } from '../../../../shared/ingest/dateOrder';
import type { DateColumnOrder } from '../../../../shared/ingest/reader';

export function DateOrderList({ list, testId }: { list: readonly DateColumnOrder[]; testId: string }) {
  if (list.length === 0) return null;
  return (
    <ul className="date-orders" data-testid={testId}>
      {list.map((d) => (
        <li key={d.column} className={d.by === 'default' ? 'warn' : undefined}>
          Dates in “{maskedForDisplay(d.name)}” read as {DATE_ORDER_WORDS[d.order]}
          {d.by === 'values' && d.example && `: its values say so (${maskedForDisplay(dateOrderExample(d.example.value, d.order))}, line ${d.example.line})`}
          {d.by === 'file' &&
            `: its own values do not tell; the file’s “${maskedForDisplay(d.from ?? '')}” column says so${d.example ? ` (${maskedForDisplay(dateOrderExample(d.example.value, d.order))}, line ${d.example.line})` : ''}`}
          {d.by === 'zone' &&
            `: no value in the file tells, and its rows’ time zone is a US one (${maskedForDisplay(d.example?.value ?? '')}, line ${d.example?.line ?? 0}), where dates are written month first`}
          {d.by === 'format' && ': the format says so (no value in the file tells)'}
          {d.by === 'dots' && ' (dotted dates)'}
          {d.by === 'default' && ': no value in the file tells the order; check an order, or choose month-first for this format in the wizard'}
        </li>
      ))}
    </ul>
  );
}
