// The keyboard of a Windows dialog, on the DOM: Alt+letter finds the control whose access key it
// is, Enter presses the default button unless focus is where Enter means something else.

/** The letter or digit of an Alt+key press (Ctrl, Meta not held), lower case; `code`, so it is the key, not the character Alt makes on a Mac. */
export function accessKeyLetter(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'code'>): string | undefined {
  if (!e.altKey || e.ctrlKey || e.metaKey) return undefined;
  const m = /^(?:Key([A-Z])|Digit(\d))$/.exec(e.code);
  return m ? (m[1] ?? m[2]!).toLowerCase() : undefined;
}

const usable = (el: HTMLElement) => el.getClientRects().length > 0 && !el.matches(':disabled, [aria-disabled="true"]');

/** The first visible, enabled element in `root` with this access key. */
export function accessTarget(root: ParentNode, letter: string): HTMLElement | undefined {
  for (const el of root.querySelectorAll<HTMLElement>(`[data-access-key="${CSS.escape(letter)}"]`)) {
    if (usable(el)) return el;
  }
  return undefined;
}

/** Does what Alt+letter does in Windows: a button is pressed, a check box or option is chosen, a label moves focus to its box. */
export function pressAccessTarget(el: HTMLElement): void {
  const control = el instanceof HTMLLabelElement ? el.control : el;
  if (!(control instanceof HTMLElement)) return;
  control.focus();
  const checkable = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
  if (checkable || !(control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement)) {
    control.click();
  }
}

/**
 * Whether Enter on `target` presses the window's default button. Not on a button or link (Enter
 * presses that one), in a multi-line box (a new line), or in a list, tree or menu that uses Enter.
 */
export function enterPressesDefault(target: Element): boolean {
  if (
    target.closest(
      'button, a[href], textarea, select, [contenteditable="true"], [role="button"], [role="link"], [role="menuitem"], [role="listbox"], [role="option"], [role="combobox"][aria-expanded="true"]',
    )
  )
    return false;
  return true;
}

/** Shows the underlines of access keys once Alt is pressed, until the mouse is used again. */
export function installAccessKeyCues(doc: Document = document): () => void {
  const root = doc.documentElement;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Alt') root.dataset.accessKeys = 'shown';
  };
  const onPointer = () => {
    delete root.dataset.accessKeys;
  };
  doc.addEventListener('keydown', onKey, true);
  doc.addEventListener('pointerdown', onPointer, true);
  return () => {
    doc.removeEventListener('keydown', onKey, true);
    doc.removeEventListener('pointerdown', onPointer, true);
  };
}
