// Rings: when a value shared by many identities is held back as a hub, per key type. Steady use
// by more than N identities over more than D days is a hub (a locker, a warehouse, an office
// proxy); a share of them within a few days is a burst and links whatever the count.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_HUB_RULES, type HubRule } from '../../../../shared/linking/hubs';
import { KEY_TYPES, type KeyType } from '../../../../shared/normalize';
import { cache } from '../../core/client';
import { ErrorAlert } from '../../app/Alerts';
import { numberFieldText, readNumberField } from '../../../../shared/domain/numberField';
import type { DisplayLocale } from '../../../../shared/domain/money';
import { usePrefs } from '../../state/prefs';
import { SubmitForm } from '../../ui/SubmitForm';
import { useAsync } from '../../ui/useAsync';
import { useAskedAction } from '../../ui/useAskedAction';

/** The form's text per field; burst share in per cent, as the analyst types it. */
type Draft = Record<KeyType, { identities: string; steadyDays: string; burstPercent: string; burstDays: string; fraudPercent: string }>;

/** The rules as the form shows them: numbers as the display setting writes them (12,5 % in German). */
function draftOf(rules: Record<KeyType, HubRule>, locale: DisplayLocale): Draft {
  const out = {} as Draft;
  const text = (n: number) => numberFieldText(n, locale);
  for (const t of KEY_TYPES) {
    const r = rules[t];
    out[t] = {
      identities: text(r.identities),
      steadyDays: text(r.steadyDays),
      burstPercent: text(Math.round(r.burstShare * 1000) / 10),
      burstDays: text(r.burstDays),
      fraudPercent: text(Math.round(r.fraudShare * 1000) / 10),
    };
  }
  return out;
}

/**
 * The rules the form says, each number read as the display setting writes it (readNumberField: a
 * German 12,5 % is 12.5 %, which the browser's number field made 125 %, turning bursts off); one
 * it cannot read is NaN, which the save refuses with the rule's own words.
 */
function rulesOf(draft: Draft, locale: DisplayLocale): Record<KeyType, HubRule> {
  const out = {} as Record<KeyType, HubRule>;
  for (const t of KEY_TYPES) {
    const d = draft[t];
    const num = (s: string) => {
      const r = readNumberField(s, locale);
      return r.ok && r.value !== null ? r.value : Number.NaN;
    };
    out[t] = {
      identities: num(d.identities),
      steadyDays: num(d.steadyDays),
      burstShare: num(d.burstPercent) / 100,
      burstDays: num(d.burstDays),
      fraudShare: num(d.fraudPercent) / 100,
    };
  }
  return out;
}

const FIELDS = [
  { field: 'identities', label: 'more than … identities', width: 70 },
  { field: 'steadyDays', label: 'over more than … days', width: 70 },
  { field: 'burstPercent', label: 'unless … % of them', width: 60 },
  { field: 'burstDays', label: 'used it within … days', width: 60 },
  { field: 'fraudPercent', label: 'or … % were known fraud', width: 60 },
] as const;

export function HubRulesPanel() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const locale = usePrefs((s) => s.shownLocale);
  const rules = useAsync(async () => {
    const r = await cache.hubRules();
    setDraft(draftOf(r, locale));
    return r;
  }, []);
  const save = async (next: Record<KeyType, HubRule>) => {
    setSaved(false);
    const r = await rules.run(() => cache.saveHubRules(next));
    if (!r) return;
    setDraft(draftOf(r, locale));
    setSaved(true);
  };
  const edit = (t: KeyType, field: keyof Draft[KeyType], value: string) => {
    setSaved(false);
    setDraft((d) => (d ? { ...d, [t]: { ...d[t], [field]: value } } : d));
  };
  // "Edit the hub rules" in the command palette: the rules come into view with the focus in the first one.
  // The rules may still be loading: the focus goes in once their inputs are there.
  const panel = useRef<HTMLElement>(null);
  const [focusAsked, setFocusAsked] = useState(false);
  useAskedAction('hub-rules', () => setFocusAsked(true));
  useEffect(() => {
    const first = panel.current?.querySelector<HTMLInputElement>('input');
    if (!focusAsked || !first) return;
    setFocusAsked(false);
    panel.current!.scrollIntoView({ block: 'start' });
    first.focus();
  }, [focusAsked, draft]);
  return (
    <section className="panel" aria-labelledby="hub-rules-title" ref={panel}>
      <h2 id="hub-rules-title">Rings: hubs and bursts</h2>
      <p className="muted">
        A value shared by more identities than this, over more days than this, is a hub (a parcel locker, a warehouse, an office proxy) and is held back from
        linking, unless that share of its identities used it within that many days: then it is a burst and links as a ring, whatever the count. It also links
        when that share of its identities (two at least) is known fraud, by a fraud chargeback or a labelled export's outcome: steady use by a fraud operation
        is no parcel locker.
      </p>
      {draft && (
        <SubmitForm onSubmit={() => void save(rulesOf(draft, locale))}>
          <table className="history hub-rules" aria-label="Hub rules">
            <thead>
              <tr>
                <th scope="col">Key</th>
                {FIELDS.map((f) => (
                  <th key={f.field} scope="col">
                    {f.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {KEY_TYPES.map((t) => (
                <tr key={t}>
                  <th scope="row">{t}</th>
                  {FIELDS.map((f) => (
                    <td key={f.field}>
                      {/* Text, not type="number": that drops a typed comma (12,5 became 125). */}
                      <input
                        inputMode="decimal"
                        aria-label={`${t}: ${f.label}`}
                        value={draft[t][f.field]}
                        onChange={(e) => edit(t, f.field, e.target.value)}
                        style={{ width: f.width }}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row">
            <button type="submit">Update hub rules</button>
            <button type="button" className="link" onClick={() => void save({ ...DEFAULT_HUB_RULES })}>
              Reset to defaults
            </button>
          </div>
          {saved && (
            <p role="status" className="ok">
              Saved. Rings are judged by these rules from the next visit.
            </p>
          )}
        </SubmitForm>
      )}
      <ErrorAlert message={rules.error} />
    </section>
  );
}
