// A file held back because its own-shop orders meet orders of the same numbers with other facts:
// the analyst says whether it is the same shop (update them) or another shop (kept apart).
import { useState } from 'react';
import { formatDateTime, formatMoney } from '../../../../shared/domain/money';
import { describeShopQuestion, shopNameProblem, type OrderFacts, type ShopChoice } from '../../../../shared/ingest/shops';
import type { ImportQuestion } from '../../core/contract';
import { SubmitForm } from '../../ui/SubmitForm';

const facts = (o: OrderFacts) => `${formatDateTime(o.createdAt)} UTC, ${formatMoney(o.totalMinor, o.currency)}`;

export function ShopQuestionCard({ asked, busy, onAnswer }: { asked: ImportQuestion; busy: boolean; onAnswer(choice: ShopChoice): void }) {
  const q = asked.question;
  const [name, setName] = useState('');
  const problem = name.trim() ? shopNameProblem(name) : null;
  return (
    <section className="panel import-result" aria-label={`Import of ${asked.file}`}>
      <h2>
        {asked.file} <span className="status status-waiting">waiting for you</span>
      </h2>
      <p className="warn" data-testid="shop-question">
        {describeShopQuestion(q)}: the same shop, or another shop? Nothing from this file is imported until you say.
      </p>
      <p className="muted">
        For example {q.example.incoming.externalId}: in this file {facts(q.example.incoming)}; in the cache {facts(q.example.stored)}.
      </p>
      <div className="toolbar">
        <button disabled={busy} onClick={() => onAnswer({ sameShop: true })}>
          Same shop: update them
        </button>
        <SubmitForm className="toolbar" onSubmit={() => !problem && name.trim() && onAnswer({ shop: name })}>
          <label className="inline">
            Another shop, named
            <input aria-label="Shop name" list="known-shops" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
          </label>
          <datalist id="known-shops">
            {q.shops.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" disabled={busy || !name.trim() || problem !== null}>
            Import as that shop
          </button>
          {problem && <span className="error">{problem}</span>}
        </SubmitForm>
      </div>
    </section>
  );
}
