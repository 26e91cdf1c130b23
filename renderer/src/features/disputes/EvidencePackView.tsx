// The printed evidence pack, the file the issuer reads: the dispute and what the merchant argues (only
// what the pack's facts show), then the order, payment, IP and device, CE 3.0 priors, refunds or
// duplicates as the dispute's reason asks, the customer's timeline and the attached files. The pack's
// checks, its gaps and what to upload by hand are the analyst's, shown on screen (EvidenceActions.tsx),
// never printed. Print only: it sits outside the app's root, which print hides.
import { createPortal } from 'react-dom';
import { formatMoney, showDate, showDateTime } from '../../../../shared/domain/money';
import type { EvidencePack } from '../../core/contract';
import { ATTACHMENT_PURPOSE_LABEL, ATTACHMENT_TYPE_LABEL, formatBytes } from '../../../../shared/disputes/attachments';
import type { PackImages } from './useEvidencePack';

function Facts({ rows, label }: { rows: [string, string][]; label: string }) {
  return (
    <table className="pack-facts" aria-label={label}>
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k}>
            <th scope="row">{k}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidencePackPrint({ pack, images }: { pack: EvidencePack; images: PackImages }) {
  return createPortal(
    <article className="evidence-pack print-only" data-testid="evidence-pack" aria-label={`Evidence pack ${pack.dispute.id}`}>
      <section className="pack-head">
        <p className="title-brand">Evidence pack</p>
        <h1>Dispute {pack.dispute.id}</h1>
        <Facts rows={pack.cover} label="Dispute" />
        {pack.argument.sentences.length > 0 && (
          <>
            <h2>The merchant's response</h2>
            <p className="pack-argument" data-testid="pack-argument">
              {pack.argument.sentences.join(' ')}
            </p>
          </>
        )}
        <p className="muted">Prepared {showDateTime(pack.preparedAt)} UTC from the shop's order and payment records. Card data: BIN and last 4 only.</p>
      </section>
      <PackBody pack={pack} images={images} />
    </article>,
    document.body,
  );
}

function PackBody({ pack, images }: { pack: EvidencePack; images: PackImages }) {
  const parts = new Set(pack.contents.parts);
  return (
    <>
      <h2>Order, customer, shipping and billing</h2>
      {pack.order.length ? <Facts rows={pack.order} label="Order" /> : <p>The disputed order is not in the cache.</p>}
      {parts.has('payment-checks') && pack.payment.length > 0 && (
        <>
          <h2>Payment and card checks</h2>
          <Facts rows={pack.payment} label="Payment" />
        </>
      )}
      {parts.has('ip-device') && pack.ipDevice.length > 0 && (
        <>
          <h2>IP address and device</h2>
          <Facts rows={pack.ipDevice} label="IP and device" />
        </>
      )}
      {parts.has('ce3') && pack.ce3?.result.qualifies && <Ce3Part ce3={pack.ce3} />}
      {parts.has('shipping') && <Delivery pack={pack} />}
      {parts.has('refunds') && (
        <>
          <h2>Refunds</h2>
          {pack.refunds.length ? (
            <ul>
              {pack.refunds.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p>No refund of this customer's orders in the cache.</p>
          )}
        </>
      )}
      {parts.has('duplicates') && (
        <>
          <h2>The other charge</h2>
          {pack.duplicates.length ? (
            <ul>
              {pack.duplicates.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p>No other order of the same amount within 7 days in the cache.</p>
          )}
        </>
      )}
      <h2>Timeline of the customer's orders, refunds and disputes</h2>
      {pack.timelineOmitted > 0 && <p className="muted">{pack.timelineOmitted} older entries are left out.</p>}
      <table className="pack-table" aria-label="Timeline">
        <thead>
          <tr>
            <th>Date (UTC)</th>
            <th>What</th>
          </tr>
        </thead>
        <tbody>
          {pack.timeline.map((t, i) => (
            <tr key={i} className={t.current ? 'pack-current' : undefined}>
              <td className="nowrap">{showDateTime(t.at)}</td>
              <td>{t.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AttachedFiles pack={pack} images={images} />
    </>
  );
}

/** The attached proof of delivery, when there is one; carrier and tracking the cache does not hold are the screen's gap, not the issuer's reading. */
function Delivery({ pack }: { pack: EvidencePack }) {
  const proofs = pack.attachments.filter((a) => a.purpose === 'proof-of-delivery');
  if (!proofs.length) return null;
  return (
    <>
      <h2>Delivery</h2>
      <p>Proof of delivery attached: {proofs.map((a) => a.name).join(', ')} (listed with the attached files below).</p>
    </>
  );
}

/** The dispute's attached files: each with its size and SHA-256 (so the uploaded copy can be matched), images printed. */
function AttachedFiles({ pack, images }: { pack: EvidencePack; images: PackImages }) {
  if (!pack.attachments.length) return null;
  return (
    <>
      <h2>Attached files</h2>
      <table className="pack-table" aria-label="Attached files">
        <thead>
          <tr>
            <th>File</th>
            <th>What it shows</th>
            <th>Type</th>
            <th>Size</th>
            <th>SHA-256</th>
          </tr>
        </thead>
        <tbody>
          {pack.attachments.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{ATTACHMENT_PURPOSE_LABEL[a.purpose]}</td>
              <td className="nowrap">{ATTACHMENT_TYPE_LABEL[a.type]}</td>
              <td className="nowrap">{formatBytes(a.size)}</td>
              <td className="pack-hash">{a.sha256}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pack.attachments.map((a) => {
        const url = images.get(a.id);
        return url ? (
          <figure key={a.id} className="pack-image">
            <img src={url} alt={`Attached ${a.name}`} />
            <figcaption>
              {a.name} · {formatBytes(a.size)} · SHA-256 {a.sha256}
            </figcaption>
          </figure>
        ) : null;
      })}
    </>
  );
}

function Ce3Part({ ce3 }: { ce3: NonNullable<EvidencePack['ce3']> }) {
  return (
    <>
      <h2>Visa Compelling Evidence 3.0: {ce3.result.qualifies ? 'eligible' : 'not eligible'}</h2>
      <p>{ce3.result.why}.</p>
      {ce3.priors.length > 0 && (
        <table className="pack-table" aria-label="CE 3.0 prior transactions">
          <thead>
            <tr>
              <th>Date (UTC)</th>
              <th>Order</th>
              <th>Total</th>
              <th>Charge</th>
              <th>Shares with the disputed order</th>
            </tr>
          </thead>
          <tbody>
            {ce3.priors.map((p) => (
              <tr key={p.order.externalId + p.order.createdAt}>
                <td className="nowrap">{showDate(p.order.createdAt)}</td>
                <td className="nowrap">{p.order.externalId}</td>
                <td className="nowrap">{formatMoney(p.order.totalMinor, p.order.currency)}</td>
                <td className="nowrap">{p.payment?.id ?? '—'}</td>
                <td>{p.shared.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
