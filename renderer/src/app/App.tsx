// The workbench window: navigation on the left, one screen on the right.
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { ComingScreen } from '../features/placeholder/ComingScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { RingsScreen } from '../features/rings/RingsScreen';
import { DisputesScreen } from '../features/disputes/DisputesScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { useCacheOverview } from '../state/useCacheOverview';
import { useUi, type Screen } from '../state/uiStore';
import { Sidebar } from './Sidebar';

const COMING: Record<Exclude<Screen, 'orders' | 'settings' | 'imports' | 'rings' | 'disputes' | 'review'>, { title: string; purpose: string; planned: string[] }> = {
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
        ) : screen === 'rings' ? (
          <RingsScreen />
        ) : screen === 'disputes' ? (
          <DisputesScreen />
        ) : screen === 'review' ? (
          <ReviewScreen />
        ) : (
          <ComingScreen {...COMING[screen]} />
        )}
      </main>
    </div>
  );
}
