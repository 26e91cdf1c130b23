// A number typed and shown as the display setting writes numbers (1,5 in German), instead of the
// browser's number field, which drops a comma it does not expect (a German 1,5 became 15 without a
// word) and hands an emptied field on as 0. Takes a number as soon as the text reads as one within
// the field's limits; says why when it cannot, on Enter or on leaving the field, and keeps the last
// good number meanwhile. ↑ and ↓ step by `step`.
import { useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { decimalMark, numberFieldText, readNumberField, typingOn, type NumberRules } from '../../../shared/domain/numberField';
import { usePrefs } from '../state/prefs';
import { useTellPending } from './usePendingFields';

export function NumberField({
  label,
  id,
  value,
  onChange,
  min,
  max,
  integer = false,
  required = true,
  step = 1,
  placeholder,
  title,
  style,
  onPending,
}: {
  /** The accessible name, when no <label htmlFor> names the field. */
  label?: string;
  id?: string;
  /** The number the field holds; null for none (only where `required` is false). */
  value: number | null;
  onChange(value: number | null): void;
  min?: number;
  max?: number;
  /** Whole numbers only. */
  integer?: boolean;
  /** An emptied field is refused and the last number kept; false: empty means none (null). */
  required?: boolean;
  /** What ↑ and ↓ add and take away. */
  step?: number;
  placeholder?: string;
  title?: string;
  style?: CSSProperties;
  /** Told whether the text differs from the number the field holds (see DateField). Told false on unmount. */
  onPending?(pending: boolean): void;
}) {
  const locale = usePrefs((s) => s.shownLocale);
  const rules: NumberRules = { integer, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
  const [text, setText] = useState(() => numberFieldText(value, locale));
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  // A number set from elsewhere (a reset, another version loaded) or another display setting shows;
  // text that already means it (typed, then taken) stays as typed.
  const shownIn = useRef(locale);
  useEffect(() => {
    const reading = readNumberField(text, locale, rules);
    if (shownIn.current !== locale || !reading.ok || !sameNumber(reading.value, value)) {
      setText(numberFieldText(value, locale));
      setProblem(null);
    }
    shownIn.current = locale;
    // Only a new value or setting rewrites the text, never the typing itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, locale]);

  const shownReading = readNumberField(text, locale, rules);
  const pending = !(shownReading.ok && sameNumber(shownReading.value, value));
  useTellPending(pending, onPending);

  /** Takes the text's number (while typing, only once it is not half a number); false when it cannot. */
  const take = (t: string, finished: boolean): boolean => {
    if (!finished && typingOn(t)) return false;
    const reading = readNumberField(t, locale, rules);
    if (reading.ok && reading.value === null && required) {
      if (finished) setProblem(`Enter a ${integer ? 'whole number' : 'number'}`);
      return false;
    }
    if (!reading.ok) {
      if (finished) setProblem(reading.problem);
      return false;
    }
    setProblem(null);
    if (finished) setText(numberFieldText(reading.value, locale));
    if (!sameNumber(reading.value, value)) onChange(reading.value);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // A number it cannot read does not submit the form it is in.
      if (!take(text, true)) e.preventDefault();
      return;
    }
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const reading = readNumberField(text, locale, rules);
    const from = reading.ok && reading.value !== null ? reading.value : value;
    if (from === null) return;
    e.preventDefault();
    let next = Number((from + (e.key === 'ArrowUp' ? step : -step)).toPrecision(12));
    if (min !== undefined) next = Math.max(min, next);
    if (max !== undefined) next = Math.min(max, next);
    setText(numberFieldText(next, locale));
    setProblem(null);
    if (!sameNumber(next, value)) onChange(next);
  };

  return (
    <span className="number-field">
      <input
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        id={id}
        aria-label={label}
        value={text}
        placeholder={placeholder}
        title={title ?? (integer ? 'A whole number; ↑ ↓ step' : `A number, decimals after "${decimalMark(locale)}"; ↑ ↓ step`)}
        spellCheck={false}
        autoComplete="off"
        style={style}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (problem !== null) setProblem(null);
          take(e.target.value, false);
        }}
        onBlur={() => take(text, true)}
        onKeyDown={onKeyDown}
      />
      {problem !== null && (
        <span id={problemId} className="error small field-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/**
 * The same number as far as a field can show it: a value kept as a share (0.001) shown as a
 * percentage (0.1) comes back as 0.10000000000000002, which is the 0.1 typed.
 */
function sameNumber(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Number(a.toPrecision(12)) === Number(b.toPrecision(12)));
}
