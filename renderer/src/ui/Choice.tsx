// A labelled drop-down of fixed choices (period, split, encoding, verdict…), typed by its values
// so a screen gets back the value it listed, not a string to cast.

export function Choice<T extends string>({
  label,
  name = label,
  value,
  options,
  onChange,
}: {
  /** The text before the drop-down. */
  label: string;
  /** Its accessible name, when it differs from the label. */
  name?: string;
  value: T;
  /** Values and their labels, in order. */
  options: readonly (readonly [T, string])[];
  onChange(value: T): void;
}) {
  return (
    <label className="inline">
      {label}
      <select aria-label={name} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
