// Review settings: the decision target (SLA), the review window (older orders are history, not
// work) and the reason codes offered for hold / cancel and release.
import { useState } from 'react';
import { readWholeNumber } from '../../../../shared/domain/wholeNumber';
import type { ReviewSettings } from '../../core/contract';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { useAsync } from '../../ui/useAsync';
import { SubmitForm } from '../../ui/SubmitForm';

export function ReviewSettingsPanel() {
  const [sla, setSla] = useState('');
  const [windowDays, setWindowDays] = useState('');
  const [hold, setHold] = useState('');
  const [release, setRelease] = useState('');
  const [saved, setSaved] = useState(false);
  /** The codes as the service kept them (trimmed, upper case, without repeats). */
  const show = (s: ReviewSettings) => {
    setHold(s.holdReasons.join('\n'));
    setRelease(s.releaseReasons.join('\n'));
  };
  const settings = useAsync(async () => {
    const s = await cache.reviewSettings();
    setSla(String(s.slaHours));
    setWindowDays(String(s.windowDays ?? ''));
    show(s);
    return s;
  }, []);
  const save = async () => {
    setSaved(false);
    const s = await settings.run(() => {
      // Read as typed: a number field made 24,5 hours 245 (it drops the comma).
      const hours = readWholeNumber(sla, { min: 1, max: 720, unit: 'hours' });
      if (!hours.ok) throw new Error(hours.problem);
      const days = readWholeNumber(windowDays, { min: 1, max: 365, unit: 'days' });
      if (!days.ok) throw new Error(days.problem);
      return cache.saveReviewSettings({ slaHours: hours.value, windowDays: days.value, holdReasons: hold.split('\n'), releaseReasons: release.split('\n') });
    });
    if (!s) return;
    show(s);
    setSla(String(s.slaHours));
    setWindowDays(String(s.windowDays));
    setSaved(true);
  };
  return (
    <section className="panel" aria-labelledby="review-settings-title">
      <h2 id="review-settings-title">Review</h2>
      <SubmitForm className="inline-form" onSubmit={() => void save()}>
        <label>
          Decide within (hours)
          <input inputMode="numeric" aria-label="Decision target in hours" value={sla} onChange={(e) => setSla(e.target.value)} style={{ width: 80 }} />
        </label>
        <label>
          Review orders from the last (days)
          <input
            inputMode="numeric"
            aria-label="Review window in days"
            value={windowDays}
            onChange={(e) => setWindowDays(e.target.value)}
            style={{ width: 80 }}
          />
        </label>
        <p className="muted">Older orders are stored, linked and reported as history, but not queued (a held one stays).</p>
        <div className="row">
          <label>
            Hold and cancel reason codes, one per line
            <textarea aria-label="Hold reason codes" rows={6} cols={28} value={hold} onChange={(e) => setHold(e.target.value)} />
          </label>
          <label>
            Release reason codes, one per line
            <textarea aria-label="Release reason codes" rows={6} cols={28} value={release} onChange={(e) => setRelease(e.target.value)} />
          </label>
        </div>
        <button type="submit">Update review settings</button>
        {saved && (
          <p role="status" className="ok">
            Saved.
          </p>
        )}
        <ErrorAlert message={settings.error} />
      </SubmitForm>
    </section>
  );
}
