// The analysts' word on a ring: a verdict (needs review, confirmed fraud, benign) with a note, and
// free notes for the team, each kept with who and when.
import { useState } from 'react';
import { showDateTime } from '../../../../shared/domain/money';
import type { RingDetail, RingVerdict } from '../../core/contract';
import { Choice } from '../../ui/Choice';
import { SubmitForm } from '../../ui/SubmitForm';

const VERDICTS = [
  ['needs-review', 'Needs review'],
  ['confirmed-fraud', 'Confirmed fraud'],
  ['benign', 'Benign'],
] as const;

/** `onMark` resolves true once the verdict or note is kept. */
export function RingVerdictForm({ ring, onMark }: { ring: RingDetail; onMark(status: RingVerdict, note: string): Promise<boolean> }) {
  // The verdict that stands until the analyst picks another: a teammate's, arriving while the ring
  // is open, shows here too.
  const [chosen, setChosen] = useState<RingVerdict | null>(null);
  const verdict = chosen ?? ring.mark?.status ?? 'needs-review';
  const [note, setNote] = useState('');
  const [newNote, setNewNote] = useState('');
  const verdicts = ring.marks.filter((m) => m.status !== 'note');
  const notes = ring.marks.filter((m) => m.status === 'note');
  return (
    <>
      <SubmitForm
        className="toolbar verdict"
        aria-label="Ring verdict"
        onSubmit={async () => {
          if (await onMark(verdict, note)) {
            setNote('');
            setChosen(null);
          }
        }}
      >
        <Choice<RingVerdict> label="Verdict" value={verdict} options={VERDICTS} onChange={setChosen} />
        <input aria-label="Ring note" placeholder="Note" value={note} onChange={(e) => setNote(e.target.value)} size={50} />
        <button type="submit">Save verdict</button>
        {verdicts.length > 0 && (
          <span className="muted" data-testid="ring-marks">
            {verdicts
              .map((m) => `${VERDICTS.find(([v]) => v === m.status)?.[1]} by ${m.analyst}, ${showDateTime(m.createdAt)} UTC${m.note ? `: ${m.note}` : ''}`)
              .join(' · ')}
          </span>
        )}
      </SubmitForm>
      <section className="ring-notes" aria-label="Notes on this ring">
        <SubmitForm
          className="toolbar"
          onSubmit={async () => {
            if (await onMark('note', newNote)) setNewNote('');
          }}
        >
          <textarea
            aria-label="New note"
            rows={2}
            cols={70}
            placeholder="A note for the team: what you checked, who you called, what is pending"
            value={newNote}
            onChange={(e) => setNewNote(e.target.value)}
          />
          <button type="submit" disabled={!newNote.trim()}>
            Add note
          </button>
        </SubmitForm>
        {notes.length > 0 && (
          <ul data-testid="ring-notes">
            {notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {n.analyst}, {showDateTime(n.createdAt)} UTC:
                </span>{' '}
                {n.note}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
