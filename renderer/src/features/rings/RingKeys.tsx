// The key values that link a ring, coloured by key type, each with "never link…": the analyst
// gives a reason and the value no longer links orders (which may split or dissolve the ring).
import { describeLinkValue } from '../../../../shared/normalize';
import { useState } from 'react';
import type { KeyType } from '../../../../shared/normalize';
import type { RingDetail } from '../../core/contract';
import { ReasonForm } from '../../ui/ReasonForm';
import { KEY_COLOUR } from './RingGraph';

export function RingKeys({ keys, onNeverLink }: { keys: RingDetail['keys']; onNeverLink(type: KeyType, value: string, reason: string): Promise<boolean> }) {
  const [splitting, setSplitting] = useState<{ type: KeyType; value: string } | null>(null);
  const [reason, setReason] = useState('');
  return (
    <>
      <div className="ring-keys" data-testid="ring-keys">
        {(Object.entries(keys) as [KeyType, string[]][]).map(([type, values]) => (
          <div key={type}>
            <span className="key-type" style={{ background: KEY_COLOUR[type] }}>
              {type}
            </span>
            {values.slice(0, 6).map((v) => (
              <span key={v} className="key-value" title={v}>
                {describeLinkValue(type, v)}
                <button className="link" aria-label={`Never link ${type} ${v}`} onClick={() => setSplitting({ type, value: v })}>
                  never link…
                </button>
              </span>
            ))}
            {values.length > 6 && ` · +${values.length - 6}`}
          </div>
        ))}
      </div>
      {splitting && (
        <ReasonForm
          label="Never link a value"
          reason={reason}
          setReason={setReason}
          reasonLabel="Reason"
          placeholder="Why (e.g. our warehouse address, shared office IP)"
          confirm="Never link"
          onConfirm={() => onNeverLink(splitting.type, splitting.value, reason)}
          onClose={() => setSplitting(null)}
        >
          Never link on {splitting.type} <strong>{describeLinkValue(splitting.type, splitting.value)}</strong>: orders that share only this value are no longer
          linked, which may split or dissolve this ring. The override is kept with your reason and can be undone.
        </ReasonForm>
      )}
    </>
  );
}
