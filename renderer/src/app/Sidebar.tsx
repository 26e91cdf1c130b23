// Left navigation between the workbench's screens, with the cache size underneath.
import { countOf } from '../../../shared/domain/money';
import { SCREENS, useUi, type Screen } from '../state/uiStore';
import type { CacheOverview } from '../core/contract';
import { TeamSyncLine } from '../features/team';
import { CacheOpening } from './CacheOpening';

export const SCREEN_LABEL: Record<Screen, string> = {
  orders: 'Orders',
  rings: 'Rings',
  review: 'Review',
  disputes: 'Disputes',
  reports: 'Reports',
  imports: 'Imports',
  settings: 'Settings',
};

const ICON: Record<Screen, string> = {
  orders: '▤',
  rings: '◎',
  review: '⚑',
  disputes: '⚖',
  reports: '▥',
  imports: '⇪',
  settings: '⚙',
};

export function Sidebar({ overview, onGoTo, inert = false }: { overview: CacheOverview | null; onGoTo(): void; inert?: boolean }) {
  const screen = useUi((s) => s.screen);
  const go = useUi((s) => s.go);
  return (
    <nav className="sidebar" aria-label="Main" inert={inert}>
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        Fraud Workbench
      </div>
      <button className="goto" onClick={onGoTo} aria-keyshortcuts="Control+K Meta+K">
        Go to… <kbd>Ctrl K</kbd>
      </button>
      <ul>
        {SCREENS.map((s) => (
          <li key={s}>
            <a
              href={`#/${s}`}
              className={s === screen ? 'active' : undefined}
              aria-current={s === screen ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(s);
              }}
            >
              <span className="nav-icon" aria-hidden>
                {ICON[s]}
              </span>
              {SCREEN_LABEL[s]}
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot" data-testid="cache-summary">
        {overview ? (
          <>
            <div>{countOf(overview.orders, 'order')}</div>
            <div>{countOf(overview.disputes, 'dispute')}</div>
            <div className="muted">
              {overview.dataset?.kind === 'demo'
                ? overview.imports > 0
                  ? 'Demo and imported data'
                  : 'Demo data'
                : overview.orders
                  ? 'Imported data'
                  : 'Empty cache'}
            </div>
            <TeamSyncLine />
          </>
        ) : (
          <CacheOpening />
        )}
      </div>
    </nav>
  );
}
