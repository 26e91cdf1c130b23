// How the known-outcome column's values would be read (the value map), in the wizard's check: each
// value seen, what it reads as and on how many records; a value the map cannot read is said so.
import { OUTCOME_MAP_TEXT } from '../../../../shared/domain/knownOutcome';
import type { MappingCheck } from '../../core/contract';

const READS = { fraud: 'fraud', legit: 'legitimate' } as const;

export function OutcomeMapList({ outcomes }: { outcomes: MappingCheck['knownOutcomes'] }) {
  if (!outcomes) return null;
  return (
    <div data-testid="check-outcome-map">
      <p>
        Known outcomes in “{outcomes.column}” (reads {OUTCOME_MAP_TEXT}; an empty cell is not known)
        {outcomes.values.length === 0 ? ': no values in these rows.' : ':'}
      </p>
      {outcomes.values.length > 0 && (
        <ul className="outcome-map">
          {outcomes.values.map((v) => (
            <li key={v.value.toLowerCase()} className={v.reads ? undefined : 'error'}>
              “{v.value}” → {v.reads ? READS[v.reads] : 'not an outcome: quarantined'} ({v.records} {v.records === 1 ? 'record' : 'records'})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
