// A format preset: how to recognise an export (marker columns) and how to read it (column mapping
// and options). Presets are plain data so analysts can save their own from the mapping wizard.
import type { DateOrder } from '../dates';
import { z } from 'zod';
import { shopNameProblem } from '../shops';
import { MARKETPLACES, ORDER_STATUSES, type Marketplace, type OrderStatus } from '../../domain/order';
import { CARD_NETWORKS, type CardNetwork } from '../../domain/dispute';
import type { DecimalMark } from '../amounts';
import { timeZoneProblem } from '../../time/zones';
import { DELIMITERS, type Delimiter } from '../delimiter';
import { RECORD_KINDS, type RecordKind } from '../fields';
import type { ColumnMapping } from '../mapping';
import { CLAIM_KINDS, type ClaimKind } from '../../disputes/claims';

export type Grouping = 'adjacent' | 'none' | 'file';

export interface PresetOptions {
  /** Order.source, or Payment/Dispute provider: part of the upsert key, so keep it stable. */
  source: string;
  marketplace?: Marketplace;
  /** Zone of times written without an offset: `UTC`, `Europe/Berlin`, `CET`. Default UTC. */
  timeZone?: string;
  /**
   * The export writes every order time with its UTC offset (Shopify's `2026-05-01 10:00:00 +0200`).
   * A file of this format whose times have none was saved again by a spreadsheet, which drops it:
   * the import reads them in `timeZone` and says so, since they may be the shop's local time.
   */
  offsetsWritten?: boolean;
  /**
   * Day/month order of short dates (`4/5/15`) when a column's own values do not settle it: values
   * such as 18/4/15 or 4/18/15 always do, and win. Default: day-first.
   */
  dateOrder?: DateOrder;
  /**
   * Abbreviations this export writes in a zone column that are not read everywhere (PST is US
   * Pacific to PayPal, Philippine time elsewhere), upper case, each with the IANA zone it means.
   */
  zoneNames?: Readonly<Record<string, string>>;
  defaultCurrency?: string;
  /** Order status when the file has no status column. */
  defaultStatus?: OrderStatus;
  /** Forces the decimal mark; otherwise voted on from the file's amount cells. */
  decimalMark?: DecimalMark;
  /** Disputes: the network when neither a card-brand cell nor the reason code tells (PayPal's own cases). */
  defaultNetwork?: CardNetwork;
  /** Amounts are written in minor units without a decimal mark (PayPal's SFTP reports: 5000 is 50.00). */
  amountsInMinorUnits?: boolean;
  /**
   * Orders: the file may have no amount columns at all (Amazon's Unshipped Orders report lists what is
   * left to ship, without prices). Its orders then add their other fields to orders the cache holds;
   * one the cache does not hold is set aside, since an order stored without its amount would read 0.00.
   */
  pricesOptional?: boolean;
  /** Source of the orders that payments or disputes refer to, to build Dispute.orderKey. */
  orderSource?: string;
  /** Channel of the orders when the file names none: the own shop's name the analyst gave. */
  channel?: string;
  /**
   * Sales channels (as the file writes them, case aside) whose line prices exclude tax, the buyer
   * paying it on top: their orders' line taxes (the `lineTax` columns) are added to the total.
   * Amazon.com, .ca and .com.mx price before sales tax; the European marketplaces price with VAT and
   * their `item-tax` is the VAT inside the price. Absent: mapped line taxes are always added.
   */
  taxAddedFor?: readonly string[];
  /**
   * A saved format for one named own shop (shared/ingest/shops.ts): its orders are keyed as that
   * shop's, its payments and disputes join that shop's orders, and nobody is asked which shop.
   */
  shop?: string;
  /**
   * adjacent: consecutive rows with the same key are one record (line items); none: one row, one
   * record; file: rows with the same key anywhere in the file merge (dispute event reports).
   */
  grouping?: Grouping;
  /** Claims: the kind of every claim in a file that has no kind column (an Amazon A-to-z claims sheet). */
  claimKind?: ClaimKind;
  /** The file never quotes a field: a `"` in a cell is text (Amazon's tab-delimited flat files). */
  quotesAreText?: boolean;
  /**
   * Orders of line-item rows: the columns that together tell one item of an order from another
   * (Amazon's `order-item-id`; its All Orders report has none, and lists each SKU of an order once).
   * A row repeating an item of its order is set aside, not added to its total again.
   */
  itemId?: readonly string[];
}

/**
 * For a file that mixes kinds of rows (PayPal's activity download lists fees, refunds, holds and
 * transfers among the payments): which rows are records of the preset's kind. The others are set
 * aside, each with the reason, so every row is still accounted for.
 */
export interface RowKindRule {
  /** Column naming the row's kind: the first of these the file has. Without one, only the amount decides. */
  column: string | readonly string[];
  /** A record's kind holds one of these words (case-insensitive)… */
  include: readonly string[];
  /** …and none of these. */
  exclude?: readonly string[];
  /** And its amount is above zero: money received, not paid out or refunded. */
  positiveAmount?: boolean;
  /** A row whose kind column is empty is kept (else it is set aside as naming no kind). */
  keepBlank?: boolean;
  /** What the rows kept are, for the reason the others get: `customer payment`. */
  noun: string;
  /**
   * Kinds that name a chargeback of a payment (PayPal's `Chargeback`, `Rückbuchung`): set aside like
   * the other kinds, but said apart, since the money was taken back and no dispute comes of the row.
   */
  chargebacks?: readonly string[];
}

export interface FormatPreset {
  id: string;
  label: string;
  kind: RecordKind;
  /** Columns that must all be present for the file to be this format (compared case-insensitively). */
  markerColumns: readonly string[];
  delimiter?: Delimiter;
  mapping: ColumnMapping;
  options: PresetOptions;
  rowKinds?: RowKindRule;
}

const columnNames = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const words = z.array(z.string().min(1).max(60)).max(100);

/** Schema for presets coming back from storage or a file: validated once, where they enter. */
export const formatPresetSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().min(1).max(200),
  kind: z.enum(RECORD_KINDS),
  markerColumns: z.array(z.string().min(1)).max(50),
  delimiter: z.enum(DELIMITERS).optional(),
  mapping: z.record(z.string(), columnNames),
  options: z.object({
    source: z.string().min(1).max(60),
    dateOrder: z.enum(['DMY', 'MDY']).optional(),
    offsetsWritten: z.boolean().optional(),
    marketplace: z.enum(MARKETPLACES).optional(),
    // Checked here, where presets enter (the wizard, a preset file, a backup), not when a file is read.
    timeZone: z
      .string()
      .max(60)
      .superRefine((name, ctx) => {
        const problem = timeZoneProblem(name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    zoneNames: z
      .record(
        z.string().regex(/^[A-Z]{2,6}$/),
        z
          .string()
          .max(60)
          .superRefine((name, ctx) => {
            const problem = timeZoneProblem(name);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
      )
      .optional(),
    defaultCurrency: z.string().length(3).optional(),
    defaultStatus: z.enum(ORDER_STATUSES).optional(),
    decimalMark: z.enum(['.', ',']).optional(),
    amountsInMinorUnits: z.boolean().optional(),
    pricesOptional: z.boolean().optional(),
    defaultNetwork: z.enum(CARD_NETWORKS).optional(),
    orderSource: z.string().max(120).optional(),
    channel: z.string().max(60).optional(),
    taxAddedFor: z.array(z.string().min(1).max(60)).max(20).optional(),
    shop: z
      .string()
      .max(60)
      .refine((v) => shopNameProblem(v) === null, { message: 'is not a shop name (1-60 characters, no @, : or control characters)' })
      .optional(),
    grouping: z.enum(['adjacent', 'none', 'file']).optional(),
    claimKind: z.enum(CLAIM_KINDS).optional(),
    quotesAreText: z.boolean().optional(),
    itemId: z.array(z.string().min(1).max(200)).max(5).optional(),
  }),
  rowKinds: z
    .object({
      column: columnNames,
      include: words.min(1),
      exclude: words.optional(),
      positiveAmount: z.boolean().optional(),
      keepBlank: z.boolean().optional(),
      noun: z.string().min(1).max(60),
      chargebacks: words.optional(),
    })
    .optional(),
});

export function parseFormatPreset(value: unknown): { ok: true; preset: FormatPreset } | { ok: false; error: string } {
  const r = formatPresetSchema.safeParse(value);
  if (r.success) return { ok: true, preset: r.data as FormatPreset };
  return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || 'preset'}: ${i.message}`).join('; ') };
}

export function groupingOf(preset: FormatPreset): Grouping {
  // A claims file writes one row per claim; a case listed twice with other values is a conflict to show.
  return preset.options.grouping ?? (preset.kind === 'orders' ? 'adjacent' : preset.kind === 'disputes' ? 'file' : 'none');
}
