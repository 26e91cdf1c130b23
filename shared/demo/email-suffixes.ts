// The numbers people append to e-mail names: birth years first ("85", "1990"), then small and
// larger numbers. The list holds distinct strings, so distinct indexes give distinct addresses.

import { Rng } from './prng';

let suffixes: string[] = [''];
let built = false;
let nextLarge = 10000;

function shuffled(items: string[], salt: number): string[] {
  const rng = new Rng(0x51ed270b, salt, 0x6c8e9cf5, 0x2f1a3b7d);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j] as string, items[i] as string];
  }
  return items;
}

function extend(): void {
  if (!built) {
    const likely: string[] = [];
    for (let y = 1955; y <= 2008; y++) likely.push(String(y), String(y).slice(2));
    for (let k = 1; k <= 59; k++) likely.push(String(k));
    suffixes = ['', ...shuffled([...new Set(likely)], 1)];
    const more: string[] = [];
    for (let k = 100; k <= 9999; k++) if (k < 1955 || k > 2008) more.push(String(k));
    suffixes.push(...shuffled(more, 2));
    built = true;
    return;
  }
  // Beyond ~10k variants (only for very large customer bases): five-digit numbers in order.
  for (let k = 0; k < 10000; k++) suffixes.push(String(nextLarge++));
}

export function emailSuffix(n: number): string {
  while (n >= suffixes.length) extend();
  return suffixes[n] as string;
}
