// The cost of responding to a dispute, per currency, and the win rate assumed for a family with
// too few decided disputes: the analyst's figures behind every respond-or-accept hint.
import { useState } from 'react';
import { formatMoney, showDate } from '../../../../shared/domain/money';
import { claimAmountMinor } from '../../../../shared/disputes/claims';
import { currencyDecimals } from '../../../../shared/ingest/amounts';
import { cache } from '../../core/client';
import type { ResponseCostSettings } from '../../core/contract';
import { SaveStatus } from '../../app/Alerts';
import { useAsync } from '../../ui/useAsync';

/** `EUR 25.00` per line into costs in minor units, or the first line's problem. */
function parseCosts(text: string): ResponseCostSettings['costs'] | string {
  const out: ResponseCostSettings['costs'] = [];
  for (const [n, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const m = /^\s*([A-Za-z]{3})\s*[ =:]\s*(\d+(?:[.,]\d+)?)\s*$/.exec(line);
    if (!m) return `Line ${n + 1}: write a currency code and an amount, e.g. "EUR 25.00"`;
    const currency = m[1]!.toUpperCase();
    // In the currency's own minor units: JPY 3000 is ¥3,000, KWD 7.500 is 7,500 fils.
    const costMinor = claimAmountMinor(m[2]!, currency);
    if (Number.isNaN(costMinor)) return `Line ${n + 1}: ${currency} has ${currencyDecimals(currency)} decimal${currencyDecimals(currency) === 1 ? '' : 's'}`;
    out.push({ currency, costMinor });
  }
  return out;
}

const costLines = (s: ResponseCostSettings) =>
  s.costs.map((c) => `${c.currency} ${(c.costMinor / 10 ** currencyDecimals(c.currency)).toFixed(currencyDecimals(c.currency))}`).join('\n');

export function ResponseCostEditor({ onSaved }: { onSaved: () => Promise<void> }) {
  const setting = useAsync(() => cache.disputeResponseCost(), []);
  const { value, error, setError } = setting;
  const [draft, setDraft] = useState<{ costs: string; rate: string; source: string } | null>(null);
  const [saved, setSaved] = useState(false);
  if (!value) return <p className="muted">{error ?? 'Reading the cost of responding…'}</p>;
  const d = draft ?? { costs: costLines(value), rate: String(Math.round(value.defaultWinRate * 1000) / 10), source: value.source };
  const edit = (patch: Partial<typeof d>) => {
    setSaved(false);
    setDraft({ ...d, ...patch });
  };
  const save = async () => {
    setSaved(false);
    const costs = parseCosts(d.costs);
    if (typeof costs === 'string') return setError(costs);
    const rate = Number(d.rate.replace(',', '.'));
    if (!d.rate.trim() || !Number.isFinite(rate)) return setError('The default win rate is a percentage, e.g. 30');
    const kept = await setting.run(() => cache.saveDisputeResponseCost({ costs, defaultWinRate: rate / 100, source: d.source, savedAt: null }));
    if (!kept) return;
    setting.setValue(kept);
    setDraft(null);
    setSaved(true);
    await onSaved();
  };
  const first = value.costs[0]!;
  return (
    <details className="panel" data-testid="response-cost">
      <summary>
        Cost of responding: {formatMoney(first.costMinor, first.currency)} per dispute
        {value.costs.length > 1 ? ` (+${value.costs.length - 1} currencies)` : ''} · {value.savedAt ? `saved ${showDate(value.savedAt)}` : 'built-in default'}
      </summary>
      <p className="muted small">
        A dispute is worth answering when its family’s win rate × its amount is above this cost. A currency not listed takes the first line’s cost at the report
        rates (Reports → Settings).
      </p>
      <label className="block">
        Cost per dispute, one currency a line
        <textarea aria-label="Cost of responding" rows={3} cols={24} value={d.costs} onChange={(e) => edit({ costs: e.target.value })} />
      </label>
      <label className="block">
        Win rate assumed for a family with fewer than 5 decided disputes (%){' '}
        <input aria-label="Default win rate" value={d.rate} onChange={(e) => edit({ rate: e.target.value })} size={5} />
      </label>
      <label className="block">
        Where the cost comes from <input aria-label="Source of the cost" value={d.source} onChange={(e) => edit({ source: e.target.value })} size={60} />
      </label>
      <div className="actions">
        <button className="primary" onClick={() => void save()}>
          Save cost
        </button>
        <SaveStatus saved={saved} error={error} />
      </div>
    </details>
  );
}
