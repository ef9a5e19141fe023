// The frame every dialog and wizard of the console is drawn in, so each behaves like a Windows
// dialog box: a title bar to drag it by, edges and a size grip to resize it (never below its
// minimum, never off the screen), Enter presses the default button (the one marked
// `data-default-button`), Esc cancels, Alt+letter presses the control with that access key
// (see AccessKey.tsx), right-click gives the console's own menu. Modal over the console, as
// Windows dialogs are.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { Dialog, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useTextContextMenu } from './TextContextMenu';
import { fitToViewport, moved, resized, type Edges, type Rect, type Size } from './window-geometry';
import { accessKeyLetter, accessTarget, enterPressesDefault, pressAccessTarget } from './window-keys';
import './window-frame.css';

export interface WindowFrameProps {
  /** The title bar's text (also the dialog's accessible name). */
  title: ReactNode;
  testId?: string;
  /** The window's own class, which sets its first size (`.fui-DialogSurface.hv-…`). */
  className?: string;
  /** Esc, the title bar's close button: what Cancel does. */
  onCancel(): void;
  /** The smallest the user can make it (less only when the screen itself is smaller). */
  minWidth?: number;
  minHeight?: number;
  /**
   * False for a window the user works beside the console with (Virtual Machine Connection, Help):
   * no backdrop, and the console behind stays usable. Default: modal, as Windows dialogs are.
   */
  modal?: boolean;
  /** Keys the window's own content handles first (it calls preventDefault for those it used). */
  onKeyDown?(e: KeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}

const GRIPS: { name: string; edges: Edges }[] = [
  { name: 'n', edges: { top: true } },
  { name: 'e', edges: { right: true } },
  { name: 's', edges: { bottom: true } },
  { name: 'w', edges: { left: true } },
  { name: 'ne', edges: { top: true, right: true } },
  { name: 'se', edges: { bottom: true, right: true } },
  { name: 'sw', edges: { bottom: true, left: true } },
  { name: 'nw', edges: { top: true, left: true } },
];

const viewport = (): Size => ({ width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });

export function WindowFrame({ title, testId, className, onCancel, modal = true, minWidth = 300, minHeight = 150, onKeyDown, children }: WindowFrameProps) {
  const surfaceRef = useRef<HTMLDivElement>(null);
  // Undefined until the user first moves or resizes it: until then CSS centres it at its own size.
  const [rect, setRect] = useState<Rect | undefined>();
  const min: Size = { width: minWidth, height: minHeight };
  const textMenu = useTextContextMenu();

  // The browser window shrinks (or the page is zoomed): the dialog follows, still whole on screen.
  useEffect(() => {
    if (!rect) return;
    const onResize = () => setRect((r) => (r ? fitToViewport(r, { width: minWidth, height: minHeight }, viewport()) : r));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [rect, minWidth, minHeight]);

  const track = useCallback((e: PointerEvent<HTMLElement>, next: (start: Rect, dx: number, dy: number) => Rect) => {
    const surface = surfaceRef.current;
    if (e.button !== 0 || !surface) return;
    e.preventDefault(); // no text selection, and focus stays where it was
    const b = surface.getBoundingClientRect();
    const start: Rect = { x: b.left, y: b.top, width: b.width, height: b.height };
    const handle = e.currentTarget;
    const { clientX, clientY, pointerId } = e;
    handle.setPointerCapture(pointerId);
    const onMove = (m: globalThis.PointerEvent) => setRect(next(start, m.clientX - clientX, m.clientY - clientY));
    const onUp = () => {
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  }, []);

  const onTitlePointerDown = (e: PointerEvent<HTMLElement>) => {
    if ((e.target as Element).closest('button')) return;
    track(e, (start, dx, dy) => moved(start, dx, dy, viewport()));
  };

  const keyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(e);
    if (e.defaultPrevented) return;
    const surface = e.currentTarget;
    // Keys from a window opened over this one (Browse...) are that window's.
    if (!surface.contains(e.target as Node)) return;
    const letter = accessKeyLetter(e.nativeEvent);
    if (letter) {
      // A modal window keeps Alt+letter to itself: the console's menu bar behind it is not reachable.
      e.preventDefault();
      const target = accessTarget(surface, letter);
      if (target) pressAccessTarget(target);
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey && enterPressesDefault(e.target as Element)) {
      const button = surface.querySelector<HTMLButtonElement>('[data-default-button]');
      if (!button) return;
      e.preventDefault();
      if (!button.disabled) button.click();
    }
  };

  const style = rect
    ? { left: rect.x, top: rect.y, width: rect.width, height: rect.height, right: 'auto', bottom: 'auto', margin: 0, maxWidth: 'none', maxHeight: 'none' }
    : undefined;

  return (
    <Dialog
      open
      modalType={modal ? 'modal' : 'non-modal'}
      surfaceMotion={null}
      // Clicking outside a Windows dialog does not close it.
      onOpenChange={(_e, data) => {
        if (!data.open && data.type !== 'backdropClick') onCancel();
      }}
    >
      <DialogSurface
        ref={surfaceRef}
        className={`hv-window${className ? ` ${className}` : ''}`}
        style={style}
        data-testid={testId}
        data-window-moved={rect ? 'true' : undefined}
        onKeyDown={keyDown}
        onContextMenu={(e) => {
          // A window opened over this one handled its own right-click already.
          if (e.currentTarget.contains(e.target as Node)) textMenu.onContextMenu(e);
        }}
      >
        <div className="hv-window-titlebar" onPointerDown={onTitlePointerDown} data-testid="window-titlebar">
          {/* action={null}: a non-modal Fluent dialog would add its own close button beside ours. */}
          <DialogTitle className="hv-window-title" action={null}>
            {title}
          </DialogTitle>
          {/* As in Windows, the close box is for the mouse; the keyboard has Esc. */}
          <button type="button" className="hv-window-close" tabIndex={-1} aria-label="Close window" title="Close" onClick={onCancel}>
            <DismissRegular aria-hidden="true" />
          </button>
        </div>
        {children}
        {GRIPS.map((g) => (
          <div
            key={g.name}
            className={`hv-window-grip hv-window-grip-${g.name}`}
            aria-hidden="true"
            data-testid={`window-grip-${g.name}`}
            onPointerDown={(e) => track(e, (start, dx, dy) => resized(start, g.edges, dx, dy, min, viewport()))}
          />
        ))}
        {textMenu.menu}
      </DialogSurface>
    </Dialog>
  );
}

/** The scrolling middle of a plain dialog (message, picker): it takes what the buttons leave. */
export function WindowContent({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={`hv-window-content${className ? ` ${className}` : ''}`}>{children}</div>;
}

/** The button row at the bottom of a dialog, right-aligned as in Windows; `start` holds buttons on the left. */
export function WindowButtons({ start, children }: { start?: ReactNode; children: ReactNode }) {
  return (
    <div className="hv-window-buttons">
      {start && <div className="hv-window-buttons-start">{start}</div>}
      {children}
    </div>
  );
}
