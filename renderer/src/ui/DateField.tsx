// A date (or date and time) typed and shown as the display setting writes dates, instead of the
// browser's native field, which shows mm/dd/yyyy whatever the setting: 03/04/2026 is 3 April to a
// European reader. Takes a date once it is typed to its end, on Enter or on leaving the field;
// says why when it cannot read one and keeps the last good date meanwhile. ↑ and ↓ move a day.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { dateFieldHint, dateFieldText, readDateField, stepDay, typedToTheEnd } from '../../../shared/time/dateField';
import { usePrefs } from '../state/prefs';
import { useTellPending } from './usePendingFields';

export function DateField({
  label,
  id,
  value,
  onChange,
  withTime = false,
  required = false,
  onPending,
}: {
  /** The accessible name, when no <label htmlFor> names the field. */
  label?: string;
  id?: string;
  /** Epoch ms (UTC), null for none. */
  value: number | null;
  onChange(at: number | null): void;
  withTime?: boolean;
  /** An empty field is refused (a report's range), not taken as "no date". */
  required?: boolean;
  /**
   * Told whether the text differs from the date the field holds (typed but not yet taken, or not a
   * date it can read): what the field shows is then not what was applied. Told false on unmount.
   */
  onPending?(pending: boolean): void;
}) {
  const locale = usePrefs((s) => s.shownLocale);
  const show = (at: number | null) => (at === null ? '' : dateFieldText(at, locale, withTime));
  const [text, setText] = useState(() => show(value));
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = useId();
  const problemId = useId();

  // A date set from elsewhere (Clear filters, a report's period start) or another display setting
  // shows; text that already means the new date (typed, then taken) stays as typed.
  const shownIn = useRef(locale);
  useEffect(() => {
    const reading = readDateField(text, locale, withTime);
    if (shownIn.current !== locale || !reading.ok || reading.at !== value) {
      setText(show(value));
      setProblem(null);
    }
    shownIn.current = locale;
    // Only a new value or setting rewrites the text, never the typing itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, locale]);

  // The text says another date than the one applied (or none it can read): the parent may not act on `value` as if shown.
  const shownReading = readDateField(text, locale, withTime);
  const pending = !(shownReading.ok && shownReading.at === value);
  useTellPending(pending, onPending);

  /** Takes the text's date (while typing only once typed to its end); false when it cannot. */
  const take = (t: string, finished: boolean): boolean => {
    const reading = readDateField(t, locale, withTime);
    if (reading.ok && reading.at === null && required) {
      if (finished) setProblem(`Enter a date as ${dateFieldHint(locale, withTime)}`);
      return false;
    }
    if (!reading.ok) {
      if (finished) setProblem(reading.problem);
      return false;
    }
    if (!finished && reading.at !== null && !typedToTheEnd(t, withTime)) return false;
    setProblem(null);
    if (finished) setText(show(reading.at));
    if (reading.at !== value) onChange(reading.at);
    return true;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      // A date it cannot read does not submit the form it is in.
      if (!take(text, true)) e.preventDefault();
      return;
    }
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const reading = readDateField(text, locale, withTime);
    const from = reading.ok ? reading.at : value;
    if (from === null) return;
    e.preventDefault();
    const next = stepDay(from, e.key === 'ArrowUp' ? 1 : -1);
    setText(show(next));
    setProblem(null);
    onChange(next);
  };

  const hint = dateFieldHint(locale, withTime);
  return (
    <span className="date-field">
      <input
        type="text"
        id={id}
        aria-label={label}
        value={text}
        placeholder={hint}
        title={`${hint} (UTC); ↑ ↓ move a day`}
        size={withTime ? 17 : 11}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? problemId : hintId}
        onChange={(e) => {
          setText(e.target.value);
          if (problem !== null) setProblem(null);
          take(e.target.value, false);
        }}
        onBlur={() => take(text, true)}
        onKeyDown={onKeyDown}
      />
      <span id={hintId} className="visually-hidden">
        {hint}, UTC; up and down arrow keys move a day
      </span>
      {problem !== null && (
        <span id={problemId} className="error small date-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
