// WAI-ARIA tabs for the workbench's chip strips (report tabs, ring lists, reason families): one
// tab stop for the strip, arrow keys, Home and End move and choose, and the panel names its tab.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab<Id extends string> {
  id: Id;
  label: ReactNode;
}

/** Ids of a tab and of the panel it controls; `base` is unique on the screen. */
const tabId = (base: string, id: string) => `${base}-tab-${id}`;
const panelId = (base: string) => `${base}-panel`;

/** The key that moves to which tab, from the one at `at` of `count`. */
const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowRight: (at, count) => (at + 1) % count,
  ArrowLeft: (at, count) => (at - 1 + count) % count,
  Home: () => 0,
  End: (_at, count) => count - 1,
};

export function Tabs<Id extends string>({
  base,
  label,
  tabs,
  selected,
  onChoose,
}: {
  base: string;
  /** The strip's accessible name. */
  label: string;
  tabs: readonly Tab<Id>[];
  selected: Id;
  onChoose(id: Id): void;
}) {
  const strip = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const at = Math.max(
      0,
      tabs.findIndex((t) => t.id === selected),
    );
    const next = tabs[move(at, tabs.length)]!;
    onChoose(next.id);
    strip.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(base, next.id))}`)?.focus();
  };
  return (
    <div className="chips" role="tablist" aria-label={label} ref={strip} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button
          key={t.id}
          id={tabId(base, t.id)}
          role="tab"
          type="button"
          aria-selected={t.id === selected}
          aria-controls={panelId(base)}
          tabIndex={t.id === selected ? 0 : -1}
          className={t.id === selected ? 'chip on' : 'chip'}
          onClick={() => onChoose(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

/** What the chosen tab shows, named by that tab. */
export function TabPanel({ base, selected, className, children }: { base: string; selected: string; className?: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={panelId(base)} aria-labelledby={tabId(base, selected)} className={className}>
      {children}
    </div>
  );
}
