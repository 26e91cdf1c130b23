// The workbench window: navigation on the left, one screen on the right.
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { ComingScreen } from '../features/placeholder/ComingScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { useCacheOverview } from '../state/useCacheOverview';
import { useUi, type Screen } from '../state/uiStore';
import { Sidebar } from './Sidebar';

const COMING: Record<Exclude<Screen, 'orders' | 'settings' | 'imports'>, { title: string; purpose: string; planned: string[] }> = {
  rings: {
    title: 'Rings',
    purpose: 'Groups of orders that share a card, device, email, phone, IP or address, even when written differently.',
    planned: [
      'Ranked list of rings: riskiest, largest, fastest-growing, new since last import',
      'Ring detail with a link graph, timeline and notes',
      'Hub suppression (Packstations, proxies) and never-link overrides, each logged',
    ],
  },
  review: {
    title: 'Review',
    purpose: 'The queue of orders held or in review, scored by an editable matrix.',
    planned: ['Keyboard-first hold / release / cancel with reason codes', 'SLA timers', 'Hash-chained, append-only decision log'],
  },
  disputes: {
    title: 'Disputes',
    purpose: 'Disputes, chargebacks and refund claims with their reason codes and response deadlines.',
    planned: ['Deadline view, due in 48 h first', 'Status workflow with every change logged', 'Visa CE 3.0 eligibility check'],
  },
  reports: {
    title: 'Reports',
    purpose: 'Fraud-trend and KPI reports for compliance.',
    planned: ['Fraud rate by period and marketplace', 'Review SLA and dispute win rate', 'Card-network programme ratios', 'PDF and CSV export'],
  },
};

export function App() {
  const screen = useUi((s) => s.screen);
  const { overview, error } = useCacheOverview();
  return (
    <div className="app">
      <Sidebar overview={overview} />
      <main className="main">
        {error && (
          <p className="error banner" role="alert">
            The local cache could not be opened: {error}
          </p>
        )}
        {screen === 'orders' ? (
          <OrdersScreen overview={overview} />
        ) : screen === 'settings' ? (
          <SettingsScreen overview={overview} />
        ) : screen === 'imports' ? (
          <ImportsScreen />
        ) : (
          <ComingScreen {...COMING[screen]} />
        )}
      </main>
    </div>
  );
}
