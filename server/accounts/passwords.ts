// Passwords as argon2id hashes (@node-rs/argon2's defaults: 19 MiB, 2 passes, the OWASP minimum).
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package's enum is a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash signs nobody in
  }
}

let decoy: Promise<string> | null = null;
/** Spends the time a real check would, so an unknown name answers as slowly as a wrong password. */
export async function checkDecoyPassword(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password for unknown names');
  await passwordMatches(await decoy, password);
}

export const MIN_PASSWORD_LENGTH = 12;
