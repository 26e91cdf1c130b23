// Mounts the workbench window. Loaded by main.tsx after the cache worker has started, so the
// worker opens the cache while this chunk (React and every screen) is fetched and compiled.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AnalystGate } from './AnalystGate';
import '../styles.css';

export function mountApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <AnalystGate>
        <App />
      </AnalystGate>
    </StrictMode>,
  );
}
