// Settings: who is deciding (for the decision log), the organisation's policy, storage,
// backup and about.
import { countOf } from '../../../../shared/domain/money';
import type { CacheOverview } from '../../core/contract';
import { platform } from '../../platform';
import { useUi } from '../../state/uiStore';
import { useAsync } from '../../ui/useAsync';
import { AnalystPanel } from './AnalystPanel';
import { TeamPanel } from '../team';
import { BackupPanel } from './BackupPanel';
import { PersonalDataPanel } from './PersonalDataPanel';
import { ExportLogPanel } from './ExportLogPanel';
import { ManagedPolicyPanel } from './ManagedPolicyPanel';
import { ReviewSettingsPanel } from './ReviewSettingsPanel';
import { HubRulesPanel } from './HubRulesPanel';
import { DisplayPanel } from './DisplayPanel';
import { formatBytes, useStorageStatus } from './useStorageStatus';

export function SettingsScreen({ overview }: { overview: CacheOverview | null }) {
  const version = useUi((s) => s.cacheVersion);
  const { status, requestPersist } = useStorageStatus(version);
  const info = useAsync(() => platform.appInfo(), [version], { keepStale: true }).value;

  return (
    <section className="screen settings" aria-labelledby="screen-title">
      <header className="screen-head">
        <h1 id="screen-title">Settings</h1>
      </header>
      <TeamPanel />
      <AnalystPanel version={version} />
      <ManagedPolicyPanel />
      <ReviewSettingsPanel />
      <HubRulesPanel />
      <DisplayPanel />
      <section className="panel" aria-labelledby="storage-title">
        <h2 id="storage-title">Local storage</h2>
        <dl className="facts">
          <div>
            <dt>Cache holds</dt>
            <dd data-testid="settings-counts">
              {overview ? `${countOf(overview.orders, 'order')}, ${countOf(overview.payments, 'payment')}, ${countOf(overview.disputes, 'dispute')}` : '…'}
            </dd>
          </div>
          <div>
            <dt>Space used</dt>
            <dd data-testid="storage-used">
              {formatBytes(status.usage)} of {formatBytes(status.quota)} available to the app
            </dd>
          </div>
          <div>
            <dt>Persistent storage</dt>
            <dd data-testid="storage-persisted">
              {status.persisted === null
                ? 'unknown'
                : status.persisted
                  ? 'granted: the cache will not be evicted when the disk runs low'
                  : 'not granted: the engine may evict the cache under storage pressure; keep backups'}
              {status.persisted === false && (
                <button className="link" onClick={requestPersist}>
                  Ask again
                </button>
              )}
            </dd>
          </div>
          <div>
            <dt>Where</dt>
            <dd>
              {info?.host === 'electron'
                ? "IndexedDB in the app's user-data folder on this computer"
                : "IndexedDB of this browser profile for this page's address"}
            </dd>
          </div>
        </dl>
      </section>
      <BackupPanel />
      <PersonalDataPanel />
      <ExportLogPanel />
      <section className="panel" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <p data-testid="app-info">
          {info ? `${info.name} ${info.version} · ${info.host === 'electron' ? 'desktop app' : 'browser mode'} · ${info.runtime}` : '…'}
        </p>
        <p className="muted">Works offline. The app makes no network requests but to the team server your organisation configured, if any.</p>
      </section>
    </section>
  );
}
