// Programmatic layout checks a screenshot cannot be trusted for: text that overlaps other text,
// and controls that are off screen or covered (so cannot be clicked). Run in the page.
import type { Page } from '@playwright/test';

/**
 * Pairs of text runs under `root` whose visible boxes overlap (each run's line boxes, clipped by
 * every scrolling or clipping ancestor; text clipped away entirely is not visible, so not counted).
 */
export async function overlappingText(page: Page, root: string): Promise<string[]> {
  return page.evaluate((rootSelector) => {
    type Box = { l: number; t: number; r: number; b: number };
    const scope = document.querySelector(rootSelector);
    if (!scope) return [`${rootSelector} is not on the page`];
    const clipOf = (el: Element | null): Box => {
      let box: Box = { l: 0, t: 0, r: innerWidth, b: innerHeight };
      for (let e = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.clip !== 'auto' || cs.clipPath !== 'none') {
          const r = e.getBoundingClientRect();
          box = { l: Math.max(box.l, r.left), t: Math.max(box.t, r.top), r: Math.min(box.r, r.right), b: Math.min(box.b, r.bottom) };
        }
      }
      return box;
    };
    const runs: { text: string; el: Element; boxes: Box[] }[] = [];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (!text || !el) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== 'visible' || Number(cs.opacity) === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const clip = clipOf(el);
      const boxes = [...range.getClientRects()]
        .map((r) => ({ l: Math.max(r.left, clip.l), t: Math.max(r.top, clip.t), r: Math.min(r.right, clip.r), b: Math.min(r.bottom, clip.b) }))
        .filter((b) => b.r - b.l > 1 && b.b - b.t > 1);
      if (boxes.length) runs.push({ text, el, boxes });
    }
    const found: string[] = [];
    for (let i = 0; i < runs.length; i++) {
      for (let j = i + 1; j < runs.length; j++) {
        const a = runs[i]!;
        const b = runs[j]!;
        const hit = a.boxes.some((x) => b.boxes.some((y) => Math.min(x.r, y.r) - Math.max(x.l, y.l) > 1 && Math.min(x.b, y.b) - Math.max(x.t, y.t) > 1));
        if (hit) found.push(`"${a.text.slice(0, 40)}" overlaps "${b.text.slice(0, 40)}"`);
      }
    }
    return found;
  }, root);
}

/**
 * Controls under `root` (buttons, menu items, tabs, links, inputs) that are not wholly inside the
 * viewport and their own scrolling pane, or whose centre is covered by something else.
 */
export async function unreachableControls(
  page: Page,
  root: string,
  selector = 'button, [role="button"], [role="tab"], [role="menuitem"], [role="radio"], a[href], input, select, textarea',
): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, selector }) => {
      const scope = document.querySelector(rootSelector);
      if (!scope) return [`${rootSelector} is not on the page`];
      const bad: string[] = [];
      for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue; // not rendered (a closed tab's content)
        const cs = getComputedStyle(el);
        if (cs.visibility !== 'visible' || el.closest('[aria-hidden="true"]') || el.matches('[data-tabster-dummy]')) continue;
        // Inside a scrolling pane, a control scrolled out of view is reachable by scrolling: skip it.
        let scroller: HTMLElement | null = el.parentElement;
        while (scroller && scroller !== scope.parentElement) {
          const s = getComputedStyle(scroller);
          if (/(auto|scroll)/.test(s.overflowY + s.overflowX) && (scroller.scrollHeight > scroller.clientHeight || scroller.scrollWidth > scroller.clientWidth))
            break;
          scroller = scroller.parentElement;
        }
        const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`;
        const view = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
        const area = scroller && scroller !== scope.parentElement ? scroller.getBoundingClientRect() : view;
        const inView = r.left >= view.left - 0.5 && r.top >= view.top - 0.5 && r.right <= view.right + 0.5 && r.bottom <= view.bottom + 0.5;
        const inArea = r.left >= area.left - 0.5 && r.top >= area.top - 0.5 && r.right <= area.right + 0.5 && r.bottom <= area.bottom + 0.5;
        if (scroller && scroller !== scope.parentElement && !inArea) continue; // scroll to reach it
        if (!inView) {
          bad.push(`${name} is outside the window (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)})`);
          continue;
        }
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
        if (hit && !el.contains(hit) && !hit.contains(el) && !(label && label.contains(hit)) && !el.parentElement?.contains(hit)) {
          bad.push(`${name} is covered by ${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}`);
        }
      }
      return bad;
    },
    { rootSelector: root, selector },
  );
}

/** Boxes of the named regions that overlap each other (regions side by side must not). */
export async function overlappingRegions(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((sels) => {
    const boxes = sels
      .map((s) => ({ s, el: document.querySelector(s) }))
      .filter((x) => x.el)
      .map((x) => ({ s: x.s, r: x.el!.getBoundingClientRect() }));
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
          found.push(`${boxes[i]!.s} overlaps ${boxes[j]!.s}`);
      }
    }
    for (const { s, r } of boxes) {
      if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) found.push(`${s} goes past the window`);
    }
    return found;
  }, selectors);
}

/**
 * Boxes under `root` that scroll sideways: a form that must be scrolled sideways to reach a box
 * is as bad as one cut off. Lists, trees and grids with columns (`allowed`) may, as Windows list and
 * tree views do.
 */
export async function sidewaysScrollers(
  page: Page,
  root: string,
  allowed = '[role="grid"], [role="table"], [role="tree"], table, .hv-grid, pre, [role="log"]',
): Promise<string[]> {
  return page.evaluate(
    ({ rootSelector, allowed }) => {
      const scope = document.querySelector(rootSelector);
      if (!scope) return [`${rootSelector} is not on the page`];
      const found: string[] = [];
      for (const el of [scope, ...scope.querySelectorAll<HTMLElement>('*')]) {
        if (!(el instanceof HTMLElement) || el.scrollWidth <= el.clientWidth + 1) continue;
        const cs = getComputedStyle(el);
        if (!/(auto|scroll)/.test(cs.overflowX) || el.matches(allowed) || el.closest(allowed)) continue;
        found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
      }
      return found;
    },
    { rootSelector: root, allowed },
  );
}
