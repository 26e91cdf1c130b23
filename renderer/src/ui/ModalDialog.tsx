// Every modal dialog of the app: the browser's own <dialog>, opened with showModal(), so the focus
// moves into it, the page behind is inert (Tab stays in the dialog), and Escape cancels it.
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ModalDialogProps {
  /** Its accessible name. */
  label: string;
  /**
   * What Escape (or Cancel) does. Left out where the dialog cannot be cancelled at all (a lock);
   * while `busy`, Escape does nothing: what runs cannot be called back.
   */
  onCancel?: () => void;
  busy?: boolean;
  className?: string;
  /** Focused on opening; else the control React focused (autoFocus), else the first one. */
  initialFocus?: string;
  /** Where the focus goes on closing; else the element that had it when the dialog opened. */
  returnFocus?: () => HTMLElement | null;
  testId?: string;
  /** A press on the dimmed page around it (it lands on the dialog element itself, outside its content). */
  onBackdropMouseDown?: () => void;
  children: ReactNode;
}

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

export function ModalDialog({
  label,
  onCancel,
  busy = false,
  className = 'confirm',
  initialFocus,
  returnFocus,
  testId,
  onBackdropMouseDown,
  children,
}: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // Read while rendering, before any autoFocus inside moves the focus into the dialog (no document: rendered to text).
  const [opener] = useState(() => (typeof document === 'undefined' ? null : document.activeElement));
  const latest = useRef(returnFocus);
  useLayoutEffect(() => {
    latest.current = returnFocus;
  });

  useLayoutEffect(() => {
    const dialog = ref.current!;
    // React focuses an autoFocus control before this runs, while the dialog is not yet shown.
    const focused = dialog.contains(document.activeElement) && document.activeElement !== dialog ? document.activeElement : null;
    dialog.showModal();
    const first =
      (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ??
      (focused as HTMLElement | null) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const target = latest.current?.() ?? (opener instanceof HTMLElement ? opener : null);
      if (target) focusWhenEnabled(target);
    };
    // Opened once per mount: the dialog's content changes, not the dialog.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === 'Tab') return wrapTab(e);
    if (e.key !== 'Escape') return;
    // Handled here, not by the browser's cancel: it would close the dialog under React's feet.
    e.preventDefault();
    e.stopPropagation();
    if (!busy) onCancel?.();
  };

  return (
    <dialog
      ref={ref}
      className={`modal ${className}`.trim()}
      aria-label={label}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onMouseDown={(e) => {
        if (!onBackdropMouseDown || e.target !== e.currentTarget) return;
        const box = e.currentTarget.getBoundingClientRect();
        const outside = e.clientX < box.left || e.clientX > box.right || e.clientY < box.top || e.clientY > box.bottom;
        if (outside) onBackdropMouseDown();
      }}
      onCancel={(e) => {
        // Any other close request (not a key press): the same rule as Escape.
        e.preventDefault();
        if (!busy) onCancel?.();
      }}
    >
      {children}
    </dialog>
  );
}

/**
 * The page behind a modal dialog is inert, but Tab past its last control would still leave the
 * page (to the browser's own bar): it goes round to the first instead, Shift+Tab the other way.
 */
function wrapTab(e: KeyboardEvent<HTMLDialogElement>): void {
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((c) => c.getClientRects().length > 0);
  const first = controls[0];
  const last = controls.at(-1);
  if (!first || !last) return;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || at === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && at === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * Gives the focus back to the opener; one disabled while the dialog's action ran (Write backup,
 * Clear the cache) gets it once enabled again, unless the analyst has put it elsewhere meanwhile.
 */
function focusWhenEnabled(target: HTMLElement): void {
  if (!target.isConnected) return;
  if (!(target as HTMLButtonElement).disabled) {
    target.focus();
    return;
  }
  const watch = new MutationObserver(() => {
    if (!target.isConnected) watch.disconnect();
    else if (!(target as HTMLButtonElement).disabled) {
      watch.disconnect();
      if (document.activeElement === document.body || document.activeElement === null) target.focus();
    }
  });
  watch.observe(target, { attributes: true, attributeFilter: ['disabled'] });
}
