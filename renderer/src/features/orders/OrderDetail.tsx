// Side panel with every stored fact of one order, grouped as an analyst reads them.
import { usePanelFocus } from '../../ui/usePanelFocus';
import { channelLabel, orderKey } from '../../../../shared/domain/order';
import { useUi } from '../../state/uiStore';
import { formatMoney, showDateTime } from '../../../../shared/domain/money';
import type { OrderRow } from '../../core/contract';
import { cardSummary } from '../../../../shared/domain/order';
import { describeCardChecks } from '../../../../shared/domain/cardChecks';
import { describeKnownOutcome } from '../../../../shared/domain/knownOutcome';
import { caseOf } from '../../../../shared/team/caseKeys';
import { CaseClaimBar } from '../team';
import { cache } from '../../core/client';
import { useAsync } from '../../ui/useAsync';
import { DECIDED } from '../../../../shared/decisions/standing';
import type { OrderDecision } from '../../../../shared/decisions/chain';
import { erasureMarkSentence, erasureMarkWord } from '../../../../shared/orders/erasureMarks';
import { useErasureMarks } from '../../state/useErasedOrders';
import { ASSUMED_SHOP_WHY, JOINED_BY_ASSUMED_SHOP } from '../../../../shared/orders/paymentFit';

/** The fields an erasure blanks, as this panel labels them. */
const PERSONAL_ROWS = new Set([
  'Customer id',
  'Email',
  'Phone',
  'Name',
  'Street',
  'Postcode / city',
  'Card',
  'BIN',
  'Fingerprint',
  'IP',
  'Device',
  'Checkout session',
]);

export function OrderDetail({ order, onClose }: { order: OrderRow; onClose(): void }) {
  const showRingOf = useUi((s) => s.showRingOf);
  // The shop's status says what the shop did; the analyst's decision is the log's, shown beside it.
  const key = orderKey(order);
  const decision = useAsync(() => cache.decisionOn(key), [key]).value ?? null;
  const payments =
    useAsync(
      () =>
        cache.paymentsOfOrder({
          marketplace: order.marketplace,
          source: order.source,
          externalId: order.externalId,
          totalMinor: order.totalMinor,
          currency: order.currency,
          createdAt: order.createdAt,
        }),
      [key],
    ).value ?? null;
  const mark = useErasureMarks()(key, order.createdAt);
  const decided = decision
    ? `${DECIDED[decision.decision as OrderDecision] ?? decision.decision} by ${decision.analyst}, ${showDateTime(decision.at)} UTC${decision.reasonCode ? ` (${decision.reasonCode})` : ''}`
    : '';
  const groups: [string, [string, string][]][] = [
    [
      'Order',
      [
        ['Order no.', order.externalId],
        ['Channel', `${channelLabel(order)} (${order.source})`],
        ['Placed', `${showDateTime(order.createdAt)} UTC`],
        ['Status', order.status],
        ['Decision', decided],
        ['Total', formatMoney(order.totalMinor, order.currency)],
        ['Known outcome', describeKnownOutcome(order.knownOutcome)],
      ],
    ],
    [
      'Customer',
      [
        ['Customer id', order.customerId],
        ['Email', order.email],
        ['Phone', order.phone],
      ],
    ],
    [
      'Shipping',
      [
        ['Name', order.shipName],
        ['Street', order.shipStreet],
        ['Postcode / city', `${order.shipPostcode} ${order.shipCity}`.trim()],
        ['Country', order.shipCountry],
        ['Billing country', order.billCountry],
      ],
    ],
    [
      'Payment & device',
      [
        ['Method', order.paymentMethod],
        ['Card', cardSummary(order)],
        ['BIN', order.cardBin],
        ['Fingerprint', order.cardFingerprint],
        ['Card checks', describeCardChecks(order)],
        ['IP', order.ip],
        ['Device', order.deviceId],
        ['Checkout session', order.sessionId ?? ''],
      ],
    ],
  ];
  const { headingRef, onPanelKeyDown } = usePanelFocus(order.row, onClose);
  return (
    <aside className="detail" aria-label={`Order ${order.externalId}`} onKeyDown={onPanelKeyDown}>
      <header>
        <h2 ref={headingRef} tabIndex={-1}>
          {order.externalId}
        </h2>
        <button className="link" onClick={onClose} aria-label="Close order detail">
          ✕
        </button>
      </header>
      {mark && (
        <p className="erased-note" role="note" data-testid="erasure-mark">
          {erasureMarkSentence(mark)}
        </p>
      )}
      <CaseClaimBar of={caseOf.order(orderKey(order))} what="order" />
      <button className="link" onClick={() => showRingOf(orderKey(order))}>
        Show its ring
      </button>
      {groups.map(([title, fields]) => (
        <section key={title}>
          <h3>{title}</h3>
          <dl>
            {fields.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v || (mark && PERSONAL_ROWS.has(k) ? <span className="erased-mark">{erasureMarkWord(mark)}</span> : <span className="muted">—</span>)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      {order.marketplace === 'shop' && payments && (
        <section data-testid="order-payments">
          <h3>Payments naming it</h3>
          {payments.length === 0 ? (
            <p className="muted">No imported payments file names this order.</p>
          ) : (
            <ul>
              {payments.map((p) => (
                <li key={p.id} data-join={p.join.kind}>
                  {p.id} · {p.provider} · {p.status} · {formatMoney(p.amountMinor, p.currency)} · {showDateTime(p.createdAt)} UTC
                  {p.join.kind === 'assumed-shop' && (
                    <>
                      {' · '}
                      <span className="warn">{JOINED_BY_ASSUMED_SHOP}</span>
                      <span className="muted">: {ASSUMED_SHOP_WHY}</span>
                    </>
                  )}
                  {/* Listed so the analyst sees it exists; it lends the order nothing and counts for no rule. */}
                  {p.join.kind === 'misfit' && (
                    <>
                      {' · '}
                      <span className="warn">did not fit, not joined</span> ({p.join.why})
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </aside>
  );
}
