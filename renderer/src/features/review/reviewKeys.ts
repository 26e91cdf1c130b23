// The Review screen's keys as one table: the key handler looks its actions up here and the help
// lists the same rows, so a key cannot work unlisted or be listed with another meaning.
import { UNDO_WINDOW_MS } from '../../../../shared/decisions/undo';

export type ReviewAction = 'next' | 'previous' | 'hold' | 'release' | 'cancel' | 'note' | 'undo' | 'help' | 'close';

export interface KeyRow {
  /** Key (KeyboardEvent.key, lower case) to action. */
  keys: Readonly<Record<string, ReviewAction>>;
  help: string;
}

const undoMinutes = UNDO_WINDOW_MS / 60_000;

export const REVIEW_KEYS: readonly KeyRow[] = [
  { keys: { j: 'next', k: 'previous' }, help: 'next / previous order' },
  { keys: { h: 'hold' }, help: 'hold (reason code needed)' },
  { keys: { r: 'release' }, help: 'release (reason optional)' },
  { keys: { c: 'cancel' }, help: 'cancel (reason code needed)' },
  { keys: { n: 'note' }, help: 'add a note' },
  { keys: { u: 'undo' }, help: `undo your last decision (within ${undoMinutes} minute${undoMinutes === 1 ? '' : 's'})` },
  { keys: { '?': 'help' }, help: 'show or hide these keys' },
  { keys: { escape: 'close' }, help: 'close the form, or these keys; in a filter, back to the queue (Enter too, in Find)' },
];

const ACTION_OF = new Map(REVIEW_KEYS.flatMap((row) => Object.entries(row.keys)));

/** The action a key press asks for, if any. */
export function reviewAction(key: string): ReviewAction | undefined {
  return ACTION_OF.get(key.toLowerCase());
}

/** A key as the help writes it: `J`, `?`, `Esc`. */
export const keyLabel = (key: string): string => (key === 'escape' ? 'Esc' : key.toUpperCase());

/** The keys of the queue itself (the form's Esc aside), for aria-keyshortcuts. */
export const QUEUE_SHORTCUTS = REVIEW_KEYS.flatMap((row) => Object.entries(row.keys))
  .filter(([, action]) => action !== 'close')
  .map(([key]) => keyLabel(key))
  .join(' ');
