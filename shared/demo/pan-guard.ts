// Keeps demo data free of anything a card-number scanner would flag: no 13-19 digit run
// (spaces, dashes, dots or slashes allowed between digits) may pass the Luhn check.
import { luhnValid } from '../domain/luhn';

export { luhnValid };

/** Luhn check of a non-negative integer's decimal digits (timestamps are 13 digits long). */
export function luhnValidNumber(n: number): boolean {
  // Below 1e21 a number prints as plain digits, so the string check is the same check.
  return luhnValid(String(Math.floor(n)));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
// Space, dash, dot, slash: what people (and scanners) accept between card-number digits.
const isSeparator = (c: number): boolean => c === 32 || c === 45 || c === 46 || c === 47;

/**
 * Runs of 13-19 digits in `text` that are Luhn-valid, i.e. would look like a card number.
 * A run is digits joined by at most one separator each (`4111 1111-1111.1111`).
 */
export function panLikeNumbers(text: string): string[] {
  const found: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let count = 1;
    let end = i + 1;
    let j = i + 1;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isDigit(c)) {
        count++;
        end = ++j;
      } else if (isSeparator(c) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) j++;
      else break;
    }
    if (count >= 13 && count <= 19) {
      const run = text.slice(start, end);
      if (luhnValid(run.replace(/\D/g, ''))) found.push(run);
    }
    i = end;
  }
  return found;
}

export function hasPanLikeNumber(text: string): boolean {
  return panLikeNumbers(text).length > 0;
}

/** A 13-digit epoch-ms timestamp nudged forward by whole seconds until it is not Luhn-valid. */
export function panSafeTime(ms: number): number {
  let t = ms;
  while (t >= 1e12 && t < 1e19 && luhnValidNumber(t)) t += 1000;
  return t;
}

/**
 * Rewrites one digit of every flagged run in a hex/alnum token with the letter "a", so random
 * identifiers (device ids, charge ids) never read as a card number. Positions in `fixed` (such
 * as a uuid's version digit) are left alone.
 */
export function panSafeToken(token: string, fixed: readonly number[] = []): string {
  let out = token;
  for (let guard = 0; guard < 8; guard++) {
    const run = panLikeNumbers(out)[0];
    if (run === undefined) return out;
    const at = out.indexOf(run);
    let k = at + run.length - 1;
    while (k > at && (fixed.includes(k) || !/\d/.test(out[k] as string))) k--;
    out = out.slice(0, k) + 'a' + out.slice(k + 1);
  }
  return out;
}
