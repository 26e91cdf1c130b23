// A file held back until the analyst says which own shop it is from: because the cache holds more
// than one shop, or because its orders meet orders of the same numbers with other facts.
import { useState } from 'react';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import {
  OWN_SHOP_LABEL,
  shopLabel,
  shopKeyClash,
  shopNameProblem,
  shopQuestionText,
  type OrderFacts,
  type ShopChoice,
  type ShopClashQuestion,
  type WhichShopQuestion,
} from '../../../../shared/ingest/shops';
import type { ImportQuestion } from '../../core/contract';
import { SubmitForm } from '../../ui/SubmitForm';

/** An order's facts as the question shows them; its buyer too when the two versions' buyers differ. */
const facts = (o: OrderFacts, buyer: boolean) =>
  `${showDateTime(o.createdAt)} UTC, ${formatMoney(o.totalMinor, o.currency)}${buyer ? `, bought by ${o.email || o.shipName || o.customerId || 'nobody named'}` : ''}`;

type Answer = (choice: ShopChoice) => void;

export function ShopQuestionCard({ asked, busy, onAnswer }: { asked: ImportQuestion; busy: boolean; onAnswer: Answer }) {
  const q = asked.question;
  return (
    <section className="panel import-result" aria-label={`Import of ${asked.file}`}>
      <h2>
        {asked.file} <span className="status status-waiting">waiting for you</span>
      </h2>
      <p className="warn" data-testid="shop-question">
        {shopQuestionText(q)} Nothing from this file is imported until you say.
      </p>
      {q.kind === 'clash' ? <ClashAnswers q={q} busy={busy} onAnswer={onAnswer} /> : <WhichAnswers q={q} busy={busy} onAnswer={onAnswer} />}
    </section>
  );
}

function ClashAnswers({ q, busy, onAnswer }: { q: ShopClashQuestion; busy: boolean; onAnswer: Answer }) {
  return (
    <>
      <p className="muted">
        For example {q.example.incoming.externalId}: in this file {facts(q.example.incoming, q.example.differs.includes('buyer'))}; in the cache{' '}
        {facts(q.example.stored, q.example.differs.includes('buyer'))}.
      </p>
      <div className="toolbar">
        <button disabled={busy} onClick={() => onAnswer({ shop: q.shop, update: true })}>
          Same shop{q.shop ? ` (${q.shop})` : ''}: update them
        </button>
        <NamedShop shops={q.shops} busy={busy} onAnswer={onAnswer} />
      </div>
    </>
  );
}

function WhichAnswers({ q, busy, onAnswer }: { q: WhichShopQuestion; busy: boolean; onAnswer: Answer }) {
  const shops: (string | null)[] = [null, ...q.shops];
  return (
    <>
      {q.remembered !== undefined && (
        <p className="muted">
          Last time a {q.format.label} was from {shopLabel(q.remembered)}.
        </p>
      )}
      <div className="toolbar" role="group" aria-label="Which shop">
        {shops.map((s) => (
          <button key={s ?? ''} disabled={busy} autoFocus={q.remembered !== undefined && s === q.remembered} onClick={() => onAnswer({ shop: s })}>
            {s === null ? `${OWN_SHOP_LABEL} (unnamed)` : s}
            {q.remembered !== undefined && s === q.remembered ? ' — as last time' : ''}
          </button>
        ))}
        <NamedShop shops={q.shops} busy={busy} onAnswer={onAnswer} />
      </div>
    </>
  );
}

function NamedShop({ shops, busy, onAnswer }: { shops: readonly string[]; busy: boolean; onAnswer: Answer }) {
  const [name, setName] = useState('');
  const problem = name.trim() ? (shopNameProblem(name) ?? shopKeyClash(name, shops)) : null;
  return (
    <SubmitForm className="toolbar" onSubmit={() => !problem && name.trim() && onAnswer({ shop: name })}>
      <label className="inline">
        Another shop, named
        <input aria-label="Shop name" list="known-shops" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
      </label>
      <datalist id="known-shops">
        {shops.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <button type="submit" disabled={busy || !name.trim() || problem !== null}>
        Import as that shop
      </button>
      {problem && <span className="error">{problem}</span>}
    </SubmitForm>
  );
}
