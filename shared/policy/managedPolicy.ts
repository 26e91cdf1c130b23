// The policy an IT administrator can deploy beside the app: a small JSON file of defaults,
// read strictly (unknown keys and wrong types refused, naming the file and the key).
import { z } from 'zod';
import { readTeamOrigin } from '../team/origin';

/** At most this many bytes are read; a policy is a few lines, anything bigger is refused. */
export const MAX_POLICY_BYTES = 64 * 1024;
/** Problems reported from one file; the first few are enough to fix it. */
const MAX_PROBLEMS = 20;

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .number({ error: `must be a whole number of ${unit} from ${min} to ${max}` })
    .int({ error: `must be a whole number of ${unit} from ${min} to ${max}` })
    .min(min, { error: `must be a whole number of ${unit} from ${min} to ${max}` })
    .max(max, { error: `must be a whole number of ${unit} from ${min} to ${max}` });

/**
 * The team server's address: an https origin (plain http only on loopback) and nothing more (no
 * path, query, fragment, user name or password), kept in its normalised form. The app talks to
 * this origin and no other (shared/security/csp.ts, electron/main/requestFilter.ts).
 */
export const teamServerOriginSchema = z
  .string({ error: 'must be an https origin such as "https://workbench.example.com"' })
  .max(2048, { error: 'must be an https origin of at most 2048 characters' })
  .transform((raw, context) => {
    const read = readTeamOrigin(raw);
    if (read.ok) return read.origin;
    context.addIssue({ code: 'custom', message: read.reason });
    return z.NEVER;
  });

export const managedPolicySchema = z.strictObject({
  review: z
    .strictObject({
      /** Default decision target for review, in hours (Settings > Review). */
      slaHours: wholeNumber(1, 720, 'hours').optional(),
      /** Default review window, in days. */
      windowDays: wholeNumber(1, 365, 'days').optional(),
    })
    .optional(),
  backup: z.strictObject({ reminderDays: wholeNumber(1, 365, 'days').optional() }).optional(),
  checkpoint: z.strictObject({ reminderDays: wholeNumber(1, 365, 'days').optional() }).optional(),
  teamServer: z.strictObject({ origin: teamServerOriginSchema.optional() }).optional(),
});

export type ManagedPolicy = z.infer<typeof managedPolicySchema>;

/**
 * What main found at the policy path: nothing, a policy in force, or a file it refused (and
 * ignores) with one line per problem, each naming the key it is about.
 */
export const managedPolicyReadingSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('none') }),
  z.strictObject({ status: z.literal('in-force'), source: z.string().max(1024), policy: managedPolicySchema }),
  z.strictObject({ status: z.literal('refused'), source: z.string().max(1024), problems: z.array(z.string().max(2000)).min(1).max(MAX_PROBLEMS) }),
]);

export type ManagedPolicyReading = z.infer<typeof managedPolicyReadingSchema>;

/**
 * Windows editors save UTF-8 with a byte-order mark and Windows PowerShell's Out-File saves
 * UTF-16LE; both are read. Anything that is not UTF-8 or UTF-16LE text is refused.
 */
function decodePolicyText(bytes: Uint8Array): string | null {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

/** Lines naming the dotted key and what is wrong with it; never the value that was found. */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((unknown) => `unknown key "${key === '' ? unknown : `${key}.${unknown}`}"`);
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    return [key === '' ? 'the file must hold one JSON object of settings' : `"${key}" must be an object of settings`];
  }
  return [`"${key}" ${issue.message}`];
}

/**
 * Parses a policy file's bytes. `source` is the file the reading names next to its problems,
 * so an administrator knows where to look. Never throws: a bad file is a `refused` reading.
 */
export function parseManagedPolicy(bytes: Uint8Array, source: string): ManagedPolicyReading {
  const refused = (...problems: string[]): ManagedPolicyReading => ({ status: 'refused', source, problems });
  if (bytes.byteLength > MAX_POLICY_BYTES) return refused(`the file is ${bytes.byteLength} bytes, over the ${MAX_POLICY_BYTES}-byte limit for a policy`);
  const text = decodePolicyText(bytes);
  if (text === null) return refused('the file is not UTF-8 (or UTF-16LE) text');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the file's text; say where to look instead.
    return refused('the file is not valid JSON (comments and trailing commas are not allowed)');
  }
  const parsed = managedPolicySchema.safeParse(json);
  if (!parsed.success) return refused(...parsed.error.issues.flatMap(describeIssue).slice(0, MAX_PROBLEMS));
  return { status: 'in-force', source, policy: parsed.data };
}
