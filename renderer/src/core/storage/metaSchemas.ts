// The shapes of the cache's named settings, one schema per key, so a setting that comes back
// from a backup is checked before it is stored. A key without a schema does not compile.
import { z } from 'zod';
import { formatPresetSchema } from '../../../../shared/ingest/formats/preset';
import type { MetaValues } from './metaRepository';
import { KEY_TYPES, type KeyType } from '../../../../shared/normalize';
import type { HubRule } from '../../../../shared/linking/hubs';
import { CLAIM_KINDS, WINDOW_UNITS } from '../../../../shared/disputes/claims';

const text = (max: number) => z.string().max(max);

export const META_VALUE_SCHEMAS: { [K in keyof MetaValues]: z.ZodType<MetaValues[K]> } = {
  analystName: text(80),
  dataset: z
    .object({ kind: z.enum(['demo', 'import']), orders: z.number().int().min(0), seed: z.number().int().optional(), loadedAt: z.number().finite() })
    .strict(),
  presets: z.array(formatPresetSchema).max(500) as unknown as z.ZodType<MetaValues['presets']>,
  review: z
    .object({
      slaHours: z.number().finite(),
      windowDays: z.number().int().min(1).max(365).optional(),
      holdReasons: z.array(text(80)).max(200),
      releaseReasons: z.array(text(80)).max(200),
    })
    .strict(),
  reportRates: z.object({ currency: text(10), asOf: text(20), source: text(500), rates: z.record(text(10), z.number().finite().positive()) }).strict(),
  programmeThresholds: z
    .array(
      z
        .object({
          programme: z.enum(['visa-vamp', 'mastercard-ecm']),
          level: text(200),
          ratio: z.number().finite(),
          count: z.number().finite(),
          effectiveFrom: text(20),
          source: text(500),
        })
        .strict(),
    )
    .max(200),
  orderBlockSequence: z.number().int().min(0),
  retentionMonths: z.number().int().min(0).max(240),
  hubRules: z
    .object(
      Object.fromEntries(
        KEY_TYPES.map((t) => [
          t,
          z
            .object({
              identities: z.number().int().min(2).max(10_000),
              steadyDays: z.number().min(0).max(3650),
              burstShare: z.number().gt(0).max(2),
              burstDays: z.number().gt(0).max(365),
              // Rules saved before the fraud share existed have none: the default applies (hubRulesFor).
              fraudShare: z.number().gt(0).max(2).optional(),
            })
            .strict(),
        ]),
      ) as unknown as Record<KeyType, z.ZodType<HubRule>>,
    )
    .strict() as unknown as z.ZodType<MetaValues['hubRules']>,
  shops: z.array(text(60)).max(500),
  presetShops: z.record(text(100), text(60)).refine((r) => Object.keys(r).length <= 1000, { message: 'has more than 1000 formats' }),
  responseCost: z
    .object({
      costs: z
        .array(
          z
            .object({
              currency: z.string().regex(/^[A-Z]{3}$/),
              costMinor: z.number().int().min(0).max(100_000_000),
            })
            .strict(),
        )
        .min(1)
        .max(50),
      defaultWinRate: z.number().min(0).max(1),
      source: text(500),
      savedAt: z.number().finite().nullable(),
    })
    .strict(),
  claimWindows: z
    .array(
      z
        .object({
          kind: z.enum(CLAIM_KINDS),
          amount: z.number().int().min(1).max(3650),
          unit: z.enum(WINDOW_UNITS),
          effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          source: text(500),
          readOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          note: text(2000),
        })
        .strict(),
    )
    .max(200),
  checkpointDownloaded: z.object({ at: z.number().finite(), seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
};

/** A meta row: a known key and a value of that key's shape. */
export const metaRecordSchema = z
  .object({ key: z.string().max(100), value: z.unknown() })
  .strict()
  .superRefine((row, ctx) => {
    if (!Object.hasOwn(META_VALUE_SCHEMAS, row.key)) {
      ctx.addIssue({ code: 'custom', message: `is a setting this app does not know (${row.key})`, path: ['key'] });
      return;
    }
    const r = META_VALUE_SCHEMAS[row.key as keyof MetaValues].safeParse(row.value);
    if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as z.core.$ZodRawIssue);
  });
