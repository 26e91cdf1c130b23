// Ctrl/Cmd+K: jump to any screen, action, order, ring or dispute by typing. A modal dialog with a
// combobox and its listbox: arrows move, Enter goes, Escape closes and gives the focus back.
import { useEffect, useRef, useState } from 'react';
import { KIND_LABEL } from './paletteItems';
import { usePalette } from './usePalette';

export function CommandPalette({ onClose }: { onClose(): void }) {
  const p = usePalette(true, onClose);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const back = useRef<Element | null>(document.activeElement);

  useEffect(() => {
    input.current?.focus();
    const returnTo = back.current;
    return () => {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
    };
  }, []);
  useEffect(() => setActive(0), [p.query, p.items.length]);

  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = p.items.length;
      if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const item = p.items[active];
      if (item) p.choose(item);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Go to">
        <input
          ref={input}
          role="combobox"
          aria-label="Go to a screen, order, ring, dispute or action"
          aria-expanded="true"
          aria-controls="palette-options"
          aria-activedescendant={p.items[active] ? `palette-option-${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Go to… an order number, e-mail, card, dispute, screen or action"
          value={p.query}
          onChange={(e) => p.setQuery(e.target.value)}
          onKeyDown={onKey}
        />
        <ul id="palette-options" role="listbox" aria-label="Matches">
          {p.items.map((item, i) => (
            <li
              key={item.id}
              id={`palette-option-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseMove={() => setActive(i)}
              onClick={() => p.choose(item)}
            >
              <span className={`palette-kind kind-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
              <span className="palette-label">{item.label}</span>
              {item.detail && <span className="palette-detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
        <p className="palette-foot muted" aria-live="polite">
          {p.searching ? 'Searching orders…' : p.items.length === 0 ? 'Nothing matches.' : '↑ ↓ to move · Enter to go · Esc to close'}
        </p>
      </div>
    </div>
  );
}
