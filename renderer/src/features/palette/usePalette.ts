// The command palette's data: what can be jumped to (screens, actions, the orders a search finds,
// their rings, the disputes), ranked for what was typed, recent choices first, and what a choice does.
import { useEffect, useMemo, useState } from 'react';
import { formatMoney } from '../../../../shared/domain/money';
import { channelLabel, orderKey } from '../../../../shared/domain/order';
import { cache } from '../../core/client';
import { useUi, type PaletteAction, type Screen } from '../../state/uiStore';
import { rankItems, withRecent, type PaletteItem } from './paletteItems';

const SCREENS: [Screen, string, string][] = [
  ['orders', 'Orders', 'every cached order, search and filters'],
  ['rings', 'Rings', 'orders linked by card, device, e-mail, address, phone or IP'],
  ['review', 'Review', 'the queue: hold, release, cancel'],
  ['disputes', 'Disputes', 'chargebacks and claims by deadline'],
  ['reports', 'Reports', 'fraud trend and KPIs for compliance'],
  ['imports', 'Imports', 'exports in, history and Undo'],
  ['settings', 'Settings', 'analyst, policy, storage, backup'],
];

/** Actions lead to where they are done; the label says what and the detail where. */
const ACTIONS: [PaletteAction, Screen, string][] = [
  ['import', 'imports', 'Import files…'],
  ['verify', 'review', 'Verify the decision log'],
  ['backup', 'settings', 'Back up the cache'],
  ['restore', 'settings', 'Restore a backup'],
  ['snapshot', 'reports', 'Save a report snapshot'],
  ['hub-rules', 'settings', 'Edit the hub rules'],
];

/**
 * Actions that do what they say on arrival, not only open their screen: "Verify" verifies, "Back
 * up" and "Restore" open their dialog, "Import files…" the file chooser, "Edit the hub rules" puts
 * the focus in them. A snapshot needs a report on screen first: that one opens Reports.
 */
const DONE_ON_ARRIVAL: ReadonlySet<PaletteAction> = new Set(['verify', 'backup', 'restore', 'import', 'hub-rules']);

const STATIC_ITEMS: PaletteItem[] = [
  ...SCREENS.map(([s, label, detail]): PaletteItem => ({ id: `screen:${s}`, kind: 'screen', label, detail, target: s })),
  ...ACTIONS.map(([name, s, label]): PaletteItem => ({
    id: `action:${name}`,
    kind: 'action',
    label,
    detail: `on ${SCREENS.find((x) => x[0] === s)![1]}`,
    target: s,
  })),
];

const RECENT_KEY = 'fw.palette.recent';

function loadRecent(): PaletteItem[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? (v as PaletteItem[]).filter((i) => i && typeof i.id === 'string' && typeof i.label === 'string').slice(0, 8) : [];
  } catch {
    return [];
  }
}

export function usePalette(open: boolean, close: () => void) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<PaletteItem[]>([]);
  const [searching, setSearching] = useState(false);
  const [disputes, setDisputes] = useState<PaletteItem[]>([]);
  const [recent, setRecent] = useState<PaletteItem[]>(loadRecent);
  const ui = useUi();

  useEffect(() => {
    if (!open) return;
    setQuery('');
    let live = true;
    cache.disputeList().then(
      (rows) =>
        live &&
        setDisputes(
          rows.map((d) => ({
            id: `dispute:${d.id}`,
            kind: 'dispute',
            label: d.id,
            detail: [d.reasonLabel, formatMoney(d.amountMinor, d.currency), d.order ? `order ${d.order.externalId}` : ''].filter(Boolean).join(' · '),
            target: d.id,
          })),
        ),
      () => live && setDisputes([]),
    );
    return () => {
      live = false;
    };
  }, [open]);

  // Orders as the Orders search finds them (number, e-mail, card, device…), and the ring of the first.
  useEffect(() => {
    const q = query.trim();
    if (!open || q.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      setSearching(true);
      cache.findOrders(q, 5).then(
        ({ rows }) => {
          if (!live) return;
          const items = rows.map((o): PaletteItem => ({
            id: `order:${orderKey(o)}`,
            kind: 'order',
            label: o.externalId,
            detail: `${channelLabel(o)} · ${formatMoney(o.totalMinor, o.currency)}`,
            target: orderKey(o),
            externalId: o.externalId,
            found: true,
          }));
          const first = rows[0];
          if (first)
            items.push({
              id: `ring:${orderKey(first)}`,
              kind: 'ring',
              label: `Ring of ${first.externalId}`,
              detail: channelLabel(first),
              target: orderKey(first),
              found: true,
            });
          setFound(items);
          setSearching(false);
        },
        () => live && (setFound([]), setSearching(false)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [open, query]);

  const items = useMemo(
    () =>
      rankItems(
        [...found, ...STATIC_ITEMS, ...recent.filter((r) => r.kind !== 'screen' && r.kind !== 'action'), ...disputes],
        query,
        recent.map((r) => r.id),
      ),
    [found, recent, disputes, query],
  );

  const choose = (item: PaletteItem) => {
    const next = withRecent(recent, { ...item, found: false });
    setRecent(next);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(next));
    } catch {
      // A full or blocked storage only forgets the recent list.
    }
    close();
    const action = item.kind === 'action' ? (item.id.slice('action:'.length) as PaletteAction) : null;
    if (action && DONE_ON_ARRIVAL.has(action)) ui.askAction(action, item.target as Screen);
    else if (item.kind === 'screen' || item.kind === 'action') ui.go(item.target as Screen);
    else if (item.kind === 'order') ui.showOrder(item.target, item.externalId ?? item.label);
    else if (item.kind === 'ring') ui.showRingOf(item.target);
    else ui.showDispute(item.target);
  };

  return { query, setQuery, items, searching, choose };
}
