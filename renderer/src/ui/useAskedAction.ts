// An action the command palette chose, done once by the screen it opened (usePalette.ts).
import { useEffect, useRef } from 'react';
import { useUi, type PaletteAction } from '../state/uiStore';

/** Runs `run` once each time the command palette asks this screen for `action`. */
export function useAskedAction(action: PaletteAction, run: () => void): void {
  const asked = useUi((s) => s.actionAsked === action);
  const latest = useRef(run);
  // The newest callback, set after each render and before the effect below reads it.
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    if (!asked) return;
    useUi.getState().actionStarted();
    latest.current();
  }, [asked]);
}
