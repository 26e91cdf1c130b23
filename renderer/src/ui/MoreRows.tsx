// A long list drawn a page at a time: what is shown of how many, and a button for the next page.
// Never silent: a table cut at its first rows says so, or it reads as the whole list.
import { useState } from 'react';
import { formatCount } from '../../../shared/domain/money';

/** How many rows to draw, a page at first; `more` adds a page. `resetOn` starts again at one page (a new filter). */
export function useShownRows(page: number, resetOn: unknown = null): { shown: number; more(): void } {
  const [state, setState] = useState({ shown: page, resetOn });
  // Reset during render, not in an effect: the first paint under a new filter is already one page.
  if (!Object.is(state.resetOn, resetOn)) setState({ shown: page, resetOn });
  const shown = Object.is(state.resetOn, resetOn) ? state.shown : page;
  return { shown, more: () => setState((s) => ({ ...s, shown: s.shown + page })) };
}

/**
 * "Showing the newest 200 of 1,234 entries. Show 200 more" under a table cut at `shown` rows;
 * nothing when every row is shown. `which` says which rows come first ("the newest").
 */
export function MoreRows({
  shown,
  total,
  page,
  nouns,
  which = '',
  after,
  onMore,
  testId,
}: {
  shown: number;
  total: number;
  page: number;
  nouns: string;
  which?: string;
  after?: string;
  onMore(): void;
  testId?: string;
}) {
  if (total <= shown) return null;
  return (
    <p className="muted" data-testid={testId}>
      Showing {which ? `${which} ` : ''}
      {formatCount(shown)} of {formatCount(total)} {nouns}
      {after ? `; ${after}` : ''}.{' '}
      <button className="link" onClick={onMore}>
        Show {formatCount(Math.min(page, total - shown))} more
      </button>
    </p>
  );
}
