// The menu bar's keyboard, as in an MMC console: Alt+F opens File, Alt+A Action, Alt+V View,
// Alt+H Help (each menu's access key, underlined once Alt is pressed), and F10 puts focus on the
// menu bar. Not while a dialog window is open: a modal window keeps the keyboard.
import { useEffect, type RefObject } from 'react';
import { accessKeyLetter, accessTarget } from '../shared/window-keys';

/** Is a dialog window open over the console (it has the keyboard, not the menu bar)? */
const dialogOpen = (doc: Document) => doc.querySelector('.fui-DialogSurface') !== null;

export function useMenuBarKeys(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !bar.current || dialogOpen(document)) return;
      if (e.key === 'F10' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        bar.current.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
        return;
      }
      const letter = accessKeyLetter(e);
      if (!letter) return;
      const trigger = accessTarget(bar.current, letter);
      if (!trigger) return;
      e.preventDefault();
      // A menu already open closes as the other opens (its own outside-click handling sees the click).
      trigger.focus();
      if (trigger.getAttribute('aria-expanded') !== 'true') trigger.click();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bar]);
}

/** A menu's label with its access key: the label's own "&" marker, else its first letter ("File" → "&File"). */
export function menuAccessLabel(label: string): string {
  return label.includes('&') ? label : `&${label}`;
}
