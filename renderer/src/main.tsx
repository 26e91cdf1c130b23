// Renderer entry: asks once for persistent storage (so the engine does not evict the cache
// under disk pressure) and mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AnalystGate } from './app/AnalystGate';
import './styles.css';

void navigator.storage?.persist?.().catch(() => undefined);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AnalystGate>
      <App />
    </AnalystGate>
  </StrictMode>,
);
