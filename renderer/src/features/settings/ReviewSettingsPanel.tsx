// Review settings: the decision target (SLA), the review window (older orders are history, not
// work) and the reason codes offered for hold / cancel and release.
import { useEffect, useState } from 'react';
import { cache } from '../../core/client';

export function ReviewSettingsPanel() {
  const [sla, setSla] = useState('');
  const [windowDays, setWindowDays] = useState('');
  const [hold, setHold] = useState('');
  const [release, setRelease] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void cache.reviewSettings().then((s) => {
      setSla(String(s.slaHours));
      setWindowDays(String(s.windowDays ?? ''));
      setHold(s.holdReasons.join('\n'));
      setRelease(s.releaseReasons.join('\n'));
    });
  }, []);
  return (
    <section className="panel" aria-labelledby="review-settings-title">
      <h2 id="review-settings-title">Review</h2>
      <form
        className="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const s = await cache.saveReviewSettings({ slaHours: Number(sla), windowDays: Number(windowDays), holdReasons: hold.split('\n'), releaseReasons: release.split('\n') });
            setHold(s.holdReasons.join('\n'));
            setRelease(s.releaseReasons.join('\n'));
            setMessage({ ok: true, text: 'Saved.' });
          } catch (err) {
            setMessage({ ok: false, text: (err as Error).message });
          }
        }}
      >
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
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
            {message.text}
          </p>
        )}
      </form>
    </section>
  );
}
