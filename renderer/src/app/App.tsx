// The workbench window: navigation on the left, one screen on the right.
import { OrdersScreen } from '../features/orders/OrdersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ImportsScreen } from '../features/imports/ImportsScreen';
import { RingsScreen } from '../features/rings/RingsScreen';
import { DisputesScreen } from '../features/disputes/DisputesScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { useCacheOverview } from '../state/useCacheOverview';
import { useUi } from '../state/uiStore';
import { Sidebar } from './Sidebar';
import { ErrorAlert } from './Alerts';

export function App() {
  const screen = useUi((s) => s.screen);
  const { overview, error } = useCacheOverview();
  return (
    <div className="app">
      <Sidebar overview={overview} />
      <main className="main">
        <ErrorAlert message={error && `The local cache could not be opened: ${error}`} className="banner" />
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
          <ReportsScreen />
        )}
      </main>
    </div>
  );
}
