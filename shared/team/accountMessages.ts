// The team's accounts as the server shows them to a lead (the reassign pick list) and an admin
// (disable, enable): names, roles and whether they may sign in; never a password hash.
import { z } from 'zod';
import { accountNameSchema } from './messages';
import { ROLES } from './protocol';

export const teamAccountSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  /** A disabled account cannot sign in; its sessions ended when it was disabled. */
  disabled: z.boolean(),
  /** Locked by wrong passwords until then (epoch ms), or null. */
  lockedUntil: z.int().nullable(),
});
export type TeamAccount = z.infer<typeof teamAccountSchema>;
export const accountsAnswerSchema = z.object({ accounts: z.array(teamAccountSchema) });

/** Disabling or enabling one account; the name travels in the body, so request logs hold none. */
export const accountStateRequestSchema = z.strictObject({ name: accountNameSchema, disabled: z.boolean() });
export type AccountStateRequest = z.infer<typeof accountStateRequestSchema>;

/** Who can hold a case: active accounts of a case-working role, by name. */
export function caseHolders(accounts: readonly TeamAccount[]): TeamAccount[] {
  return accounts.filter((a) => !a.disabled && (a.role === 'analyst' || a.role === 'lead')).sort((a, b) => a.name.localeCompare(b.name));
}
