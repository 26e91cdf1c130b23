// Review settings: the decision target (SLA), the review window (older orders are history, not
// work) and the reason codes offered for hold / cancel and release.
import { useState } from 'react';
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
    const s = await settings.run(() =>
      cache.saveReviewSettings({ slaHours: Number(sla), windowDays: Number(windowDays), holdReasons: hold.split('\n'), releaseReasons: release.split('\n') }),
    );
    if (!s) return;
    show(s);
    setSaved(true);
  };
  return (
    <section className="panel" aria-labelledby="review-settings-title">
      <h2 id="review-settings-title">Review</h2>
      <SubmitForm className="inline-form" onSubmit={() => void save()}>
        <label>
          Decide within (hours)
          <input type="number" min={1} aria-label="Decision target in hours" value={sla} onChange={(e) => setSla(e.target.value)} style={{ width: 80 }} />
        </label>
        <label>
          Review orders from the last (days)
          <input type="number" aria-label="Review window in days" value={windowDays} onChange={(e) => setWindowDays(e.target.value)} style={{ width: 80 }} />
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
