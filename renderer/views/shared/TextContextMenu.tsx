// The console's own right-click menu, never the browser's (which offers Back, Reload, Inspect —
// nothing a Windows console has). A text box gets the edit menu Windows gives it (Cut, Copy,
// Paste, Delete, Select All); empty areas get nothing. Panes with their own menu (the VM list,
// the server tree) handle the event first and call preventDefault.
import { useState, type MouseEvent, type ReactNode } from 'react';
import type { ActionItem } from '../../actions/action-item';
import { ContextMenu, type ContextMenuRequest } from './ContextMenu';

type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

function textFieldOf(target: EventTarget | null): TextField | undefined {
  if (target instanceof HTMLTextAreaElement) return target;
  if (target instanceof HTMLInputElement && TEXT_INPUTS.has(target.type)) return target;
  return undefined;
}

/** Cut, Copy, Paste, Delete, Select All on a text box, each acting on the selection it had when right-clicked. */
export function editItems(field: TextField): ActionItem[] {
  // type=number has no selection API; it behaves as if nothing were selected.
  const start = safe(() => field.selectionStart) ?? 0;
  const end = safe(() => field.selectionEnd) ?? 0;
  const selected = end > start;
  const writable = !field.readOnly && !field.disabled;
  const secret = field instanceof HTMLInputElement && field.type === 'password';
  const restore = () => {
    field.focus();
    safe(() => field.setSelectionRange(start, end));
  };
  // execCommand acts as the keyboard would: the box's undo history and its input events (which
  // React's onChange listens to) stay right. It runs inside the click on the menu item, a user
  // gesture, as the clipboard requires.
  const exec = (command: string, value?: string) => () => {
    restore();
    document.execCommand(command, false, value);
  };
  const canRead = typeof navigator.clipboard?.readText === 'function';
  return [
    { id: 'edit-cut', label: 'Cut', icon: 'cut', enabled: selected && writable && !secret, run: exec('cut') },
    { id: 'edit-copy', label: 'Copy', icon: 'copy', enabled: selected && !secret, run: exec('copy') },
    {
      id: 'edit-paste',
      label: 'Paste',
      icon: 'paste',
      enabled: writable && canRead,
      ...(canRead ? {} : { disabledReason: 'This browser does not let the page read the clipboard: press Ctrl+V.' }),
      run: () => {
        // The browser may ask the user first; a refusal leaves the box as it was.
        void navigator.clipboard.readText().then(
          (text) => exec('insertText', text)(),
          () => restore(),
        );
      },
    },
    { id: 'edit-delete', label: 'Delete', icon: 'delete', enabled: selected && writable, run: exec('delete') },
    {
      id: 'edit-select-all',
      label: 'Select All',
      icon: 'selectAll',
      enabled: field.value.length > 0,
      separatorBefore: true,
      run: () => {
        field.focus();
        field.select();
      },
    },
  ];
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    // selectionStart and setSelectionRange throw on inputs without a text selection (type=number): no selection.
    return undefined;
  }
}

/**
 * The right-click handler for a part of the console (the main window, or one dialog window) and
 * the menu it opens, rendered where the hook is used so a dialog's menu opens inside the dialog.
 */
export function useTextContextMenu(): { onContextMenu(e: MouseEvent): void; menu: ReactNode } {
  const [request, setRequest] = useState<ContextMenuRequest | undefined>();
  const onContextMenu = (e: MouseEvent) => {
    if (e.defaultPrevented) return; // a pane opened its own menu
    e.preventDefault();
    const field = textFieldOf(e.target);
    if (!field) return;
    let { clientX: x, clientY: y } = e;
    if (x === 0 && y === 0) {
      // From the keyboard (Shift+F10, the Menu key): under the box, as Windows puts it.
      const r = field.getBoundingClientRect();
      x = r.left + 4;
      y = r.bottom;
    }
    setRequest({ x, y, label: 'Edit', items: editItems(field), returnFocus: field });
  };
  return { onContextMenu, menu: <ContextMenu request={request} onClose={() => setRequest(undefined)} /> };
}

/** Stops the browser's own menu anywhere the console's handlers did not reach (backdrops, the page's margins). */
export function preventBrowserContextMenu(target: Window = window): () => void {
  const onMenu = (e: Event) => e.preventDefault();
  target.addEventListener('contextmenu', onMenu);
  return () => target.removeEventListener('contextmenu', onMenu);
}
