// Which columns a table shows: the ones the analyst chose, less the lowest-priority ones while
// the table does not fit its width. Priority 1 columns always stay (they name the row).

export interface PrioritisedColumn {
  id: string;
  /** 1 always stays; a higher number hides earlier as the width shrinks. */
  priority: number;
}

/** The next column to hide to save width: the highest priority number, the rightmost among equals. */
export function nextToHide<C extends PrioritisedColumn>(shown: readonly C[]): C | undefined {
  let pick: C | undefined;
  for (const c of shown) if (c.priority > 1 && (!pick || c.priority >= pick.priority)) pick = c;
  return pick;
}

/** For tables of fixed column widths: the chosen columns that fit in `available` px, and those hidden to fit. */
export function columnsThatFit<C extends PrioritisedColumn & { width: number }>(
  columns: readonly C[],
  available: number,
  chosenHidden: ReadonlySet<string>,
): { shown: C[]; hiddenToFit: C[] } {
  let shown = columns.filter((c) => !chosenHidden.has(c.id));
  const hiddenToFit: C[] = [];
  while (shown.reduce((w, c) => w + c.width, 0) > available) {
    const drop = nextToHide(shown);
    if (!drop) break;
    hiddenToFit.push(drop);
    shown = shown.filter((c) => c !== drop);
  }
  return { shown, hiddenToFit };
}
