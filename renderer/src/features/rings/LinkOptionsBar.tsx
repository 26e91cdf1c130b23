// How rings are linked: which key types link, the weakest key that counts, and from how many
// customers a shared value is a hub held back from linking.
import { KEY_TYPES, STRENGTHS } from '../../../../shared/normalize';
import { Choice } from '../../ui/Choice';
import type { RingLinkOptions } from './useRings';

export function LinkOptionsBar({ options, onChange }: { options: RingLinkOptions; onChange(options: RingLinkOptions): void }) {
  return (
    <div className="toolbar" role="group" aria-label="Linking options">
      <span className="muted">Link on</span>
      {KEY_TYPES.map((t) => (
        <label key={t} className="inline">
          <input
            type="checkbox"
            checked={options.keyTypes.includes(t)}
            onChange={() =>
              onChange({ ...options, keyTypes: options.keyTypes.includes(t) ? options.keyTypes.filter((x) => x !== t) : [...options.keyTypes, t] })
            }
          />
          {t}
        </label>
      ))}
      <Choice
        label="weakest key"
        name="Weakest key"
        value={options.minStrength}
        options={STRENGTHS.map((x) => [x, x] as const)}
        onChange={(minStrength) => onChange({ ...options, minStrength })}
      />
      <label className="inline">
        hub above
        <input
          aria-label="Hub threshold"
          type="number"
          min={2}
          max={1000}
          value={options.hubThreshold}
          onChange={(e) => onChange({ ...options, hubThreshold: Math.max(2, Number(e.target.value) || 8) })}
          style={{ width: 64 }}
        />
        customers
      </label>
    </div>
  );
}
