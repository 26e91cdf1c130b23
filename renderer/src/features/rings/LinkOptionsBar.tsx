// How rings are linked: which key types link, the weakest key that counts, and (for this visit
// only) from how many identities a steadily shared value is a hub; empty uses Settings → Rings.
import { KEY_TYPES, STRENGTHS } from '../../../../shared/normalize';
import { Choice } from '../../ui/Choice';
import { NumberField } from '../../ui/NumberField';
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
        <NumberField
          label="Hub threshold"
          integer
          required={false}
          min={2}
          max={10000}
          placeholder="as in Settings"
          title="Empty: the hub rules in Settings → Rings"
          value={options.hubThreshold ?? null}
          onChange={(n) => {
            const { hubThreshold: _, ...rest } = options;
            onChange(n === null ? rest : { ...rest, hubThreshold: n });
          }}
          // Wide enough for its placeholder, which says what an empty box means.
          style={{ width: 124 }}
        />
        identities
      </label>
    </div>
  );
}
