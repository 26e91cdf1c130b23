// The team server's requests and answers, as zod schemas both sides parse with: the server where
// a request enters, the laptop where an answer enters.
import { z } from 'zod';
import { teamEventSchema } from './events';
import { DEFAULT_IMPORT_ROLES, DEFAULT_UNDO_IMPORT_ROLES, importRightsSchema } from './importOps';
import { PULL_LIMITS, ROLES } from './protocol';
import { storedText } from './storedText';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const accountNameSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._'-]*$/u, "letters, digits, spaces and . _ ' - only, starting with a letter or digit");

export const signInRequestSchema = z.strictObject({ name: accountNameSchema, password: z.string().min(1).max(1024) });
/** A signed-in account changes its own password: the current one proves it is its owner at the keyboard. */
export const passwordChangeSchema = z.strictObject({ current: z.string().min(1).max(1024), next: z.string().max(1024) });
export type PasswordChange = z.infer<typeof passwordChangeSchema>;
export const accountSchema = z.object({ name: z.string(), role: z.enum(ROLES) });
export const signInAnswerSchema = z.object({ token: z.string(), expiresAt: z.int(), account: accountSchema });

const settingFields = {
  /** Minutes without input after which the laptop locks and asks for the password again. */
  idleLockMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** Who may import for the team, and who may undo a team import (never compliance). */
  importRoles: importRightsSchema.shape.importRoles,
  undoImportRoles: importRightsSchema.shape.undoImportRoles,
};

/** The team's settings as read: a setting no admin has set yet reads as its default. */
export const teamSettingsSchema = z.object({
  idleLockMinutes: settingFields.idleLockMinutes,
  importRoles: settingFields.importRoles.default(() => [...DEFAULT_IMPORT_ROLES]),
  undoImportRoles: settingFields.undoImportRoles.default(() => [...DEFAULT_UNDO_IMPORT_ROLES]),
});
export type TeamSettings = z.infer<typeof teamSettingsSchema>;
/** What an admin sends to change settings: only the ones it names change. */
export const settingsChangeSchema = z
  .strictObject(settingFields)
  .partial()
  .refine((change) => Object.keys(change).length > 0, 'name at least one setting to change');
export type SettingsChange = z.infer<typeof settingsChangeSchema>;
export const settingsAnswerSchema = z.object({
  settings: teamSettingsSchema,
  account: accountSchema,
  sessionExpiresAt: z.int(),
  schemaVersion: z.int(),
  minimumSchemaVersion: z.int(),
});

/** A push: one device's events, oldest first. The count limit is checked by the server (413), not here (400). */
export const pushRequestSchema = z.strictObject({ events: z.array(teamEventSchema).min(1) });
export const deviceHeadSchema = z.object({ deviceId: z.string(), seq: z.int().min(0), hash: hex64 });
export type DeviceHead = z.infer<typeof deviceHeadSchema>;
export const pushAnswerSchema = z.object({
  /** Events stored by this push. */
  accepted: z.int(),
  /** Events the server already had, with the same content (a retry): nothing changed for them. */
  duplicates: z.int(),
  heads: z.array(deviceHeadSchema),
});
export type PushAnswer = z.infer<typeof pushAnswerSchema>;

/** A pull from the server's cursor (exclusive): the cursor is the last `serverSeq` the laptop holds. */
export const pullQuerySchema = z.strictObject({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_LIMITS.maxPage).default(PULL_LIMITS.defaultPage),
});
export const pulledEventSchema = teamEventSchema.extend({ serverSeq: z.int().min(1), receivedAt: z.int() });
export type PulledEvent = z.infer<typeof pulledEventSchema>;
export const pullAnswerSchema = z.object({ events: z.array(pulledEventSchema), cursor: z.int().min(0), more: z.boolean() });
export type PullAnswer = z.infer<typeof pullAnswerSchema>;

export const CLAIM_SUBJECTS = ['order', 'ring', 'dispute'] as const;
export type ClaimSubject = (typeof CLAIM_SUBJECTS)[number];
export const claimTargetSchema = z.strictObject({ subject: z.enum(CLAIM_SUBJECTS), key: storedText().min(1).max(300) });
export const reassignRequestSchema = claimTargetSchema.extend({ to: accountNameSchema });
export const claimSchema = z.object({
  subject: z.enum(CLAIM_SUBJECTS),
  key: z.string(),
  holder: z.string(),
  since: z.int(),
  assignedBy: z.string().nullable(),
});
export type Claim = z.infer<typeof claimSchema>;
export const claimsAnswerSchema = z.object({ claims: z.array(claimSchema) });
