// A parsed record as a team import's chunk carries it (shared/ingest/records.ts): checked field by
// field when a laptop pulls the chunk, since the server is not trusted to hand back what was sent.
import { z } from 'zod';
import { holdsCardNumber } from '../domain/cardNumbers';
import { disputeSchema, orderSchema, paymentSchema, recordText, refundClaimSchema } from '../domain/recordSchemas';
import { CLAIM_HASH_FIELDS, DISPUTE_HASH_FIELDS, ORDER_HASH_FIELDS, PAYMENT_HASH_FIELDS, type DomainKind, type ParsedRecord } from '../ingest/records';

/** Lines of one record: a Shopify order has a row per line item, a dispute one per event. */
const MAX_RECORD_LINES = 100_000;
/** Records read from the same rows: today at most the dispute on a payments row. */
const MAX_COMPANIONS = 16;

const lineNumber = z.int().min(0);

/** The fields a record of each kind shares, `provided` limited to what that kind's files can fill. */
function baseFields<K extends DomainKind>(kind: K, hashFields: readonly [string, ...string[]]) {
  return {
    kind: z.literal(kind),
    // `source:externalId` for an order: two texts of the domain's length and a colon.
    key: z.string().min(1).max(1001),
    hash: z.string().regex(/^[0-9a-f]{16}$/, 'a content hash of 16 hex digits'),
    scope: z.string().regex(new RegExp(`^${kind}/[0-9a-f]{12}$`), `a ${kind} scope`),
    provided: z.array(z.enum(hashFields)).max(hashFields.length),
    line: lineNumber,
    lines: z.array(lineNumber).max(MAX_RECORD_LINES).nullable(),
    rows: z.int().min(0),
    keyColumn: z.strictObject({ column: z.int().min(1), name: recordText }).optional(),
    updatesOnly: z.string().min(1).max(500).optional(),
  };
}

const orderRecord = z.strictObject({ ...baseFields('order', ORDER_HASH_FIELDS), value: orderSchema });
const paymentRecord = z.strictObject({ ...baseFields('payment', PAYMENT_HASH_FIELDS), value: paymentSchema });
const disputeRecord = z.strictObject({ ...baseFields('dispute', DISPUTE_HASH_FIELDS), value: disputeSchema, followsUp: z.literal(true).optional() });
const claimRecord = z.strictObject({ ...baseFields('claim', CLAIM_HASH_FIELDS), value: refundClaimSchema });

// Readers attach companions to a top-level record only (payments.ts): a companion has none.
const companionSchema = z.discriminatedUnion('kind', [orderRecord, paymentRecord, disputeRecord, claimRecord]);
const companions = z.array(companionSchema).max(MAX_COMPANIONS).optional();

export const parsedRecordSchema: z.ZodType<ParsedRecord> = z
  .discriminatedUnion('kind', [
    orderRecord.extend({ companions }),
    paymentRecord.extend({ companions }),
    disputeRecord.extend({ companions }),
    claimRecord.extend({ companions }),
  ])
  .superRefine((record, ctx) => {
    // The import reduces a card number in text to BIN + last 4 and sets aside a row with one in an
    // id, so no record holds a full one: a chunk that does was not made by the import, and the
    // server and every laptop keep it out, as a restore keeps out such a backup.
    const check = (value: Record<string, unknown>, at: (string | number)[]) => {
      for (const [field, v] of Object.entries(value))
        if (typeof v === 'string' && holdsCardNumber(v, field === 'phone'))
          ctx.addIssue({ code: 'custom', path: [...at, 'value', field], message: 'a full card number, which no import keeps' });
    };
    check(record.value, []);
    record.companions?.forEach((c, i) => check(c.value, ['companions', i]));
  });

/** The first thing wrong with a record, as an analyst reads it: `cardBin: a BIN of at most 8 digits`. */
export function recordProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'not a record';
  const where = issue.path
    .filter((p) => p !== 'value')
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  const what =
    issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return where ? `${where}: ${what}` : what;
}
