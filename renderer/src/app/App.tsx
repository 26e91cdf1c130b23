// The workbench window: navigation on the left, one screen on the right.
import { useEffect, useState, type ComponentType } from 'react';
import { CommandPalette } from '../features/palette/CommandPalette';
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { RingsScreen } from '../features/rings/RingsScreen';
import { DisputesScreen } from '../features/disputes/DisputesScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import type { CacheOverview } from '../core/contract';
import { useCacheOverview } from '../state/useCacheOverview';
import { useUi, type Screen } from '../state/uiStore';
import { Sidebar } from './Sidebar';
import { usePrefs } from '../state/prefs';
import { ErrorAlert } from './Alerts';
import { IdleLock, useIdleLocked, useTeam, useTeamSyncLoop } from '../features/team';

/** Every screen has its component: a screen added to SCREENS without one does not compile. */
const SCREEN_COMPONENT: Record<Screen, ComponentType<{ overview: CacheOverview | null }>> = {
  orders: OrdersScreen,
  rings: RingsScreen,
  review: ReviewScreen,
  disputes: DisputesScreen,
  reports: ReportsScreen,
  imports: ImportsScreen,
  settings: SettingsScreen,
};

const lockedNow = () => {
  const { status, lockedHere } = useTeam.getState();
  return (status?.signedIn ?? false) && (lockedHere || (status?.locked ?? false));
};

export function App() {
  const screen = useUi((s) => s.screen);
  const { overview, error } = useCacheOverview();
  const Current = SCREEN_COMPONENT[screen];
  const [palette, setPalette] = useState(false);
  useTeamSyncLoop();
  // Under the idle lock nothing behind it takes a key or a click: no palette, no tabbing out of the lock.
  const locked = useIdleLocked();
  useEffect(() => {
    if (locked) setPalette(false);
  }, [locked]);
  // A new display locale redraws every screen in it (the screens keep no figures of their own).
  const locale = usePrefs((s) => s.shownLocale);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k' && !lockedNow()) {
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <Sidebar overview={overview} onGoTo={() => setPalette(true)} inert={locked} />
      {palette && !locked && <CommandPalette onClose={() => setPalette(false)} />}
      <IdleLock />
      <main className="main" inert={locked}>
        <ErrorAlert message={error && `The local cache could not be opened: ${error}`} className="banner" />
        <Current key={locale} overview={overview} />
      </main>
    </div>
  );
}
