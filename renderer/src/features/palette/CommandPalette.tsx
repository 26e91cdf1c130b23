// Ctrl/Cmd+K: jump to any screen, action, order, ring or dispute by typing. A modal dialog (the
// app's one ModalDialog) with a combobox and its listbox: arrows move, Enter goes, Escape closes
// and gives the focus back.
import { useEffect, useState } from 'react';
import { KIND_LABEL } from './paletteItems';
import { usePalette } from './usePalette';
import { ModalDialog } from '../../ui/ModalDialog';

export function CommandPalette({ onClose }: { onClose(): void }) {
  const p = usePalette(true, onClose);
  const [active, setActive] = useState(0);

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
    }
  };

  return (
    // A press outside the palette, on the dimmed page, lands on the dialog itself and closes it.
    <ModalDialog label="Go to" className="palette" onCancel={onClose} onBackdropMouseDown={onClose}>
      <input
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
    </ModalDialog>
  );
}
