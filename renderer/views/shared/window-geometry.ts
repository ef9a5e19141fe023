// Where a dialog window sits and how big it is once the user has dragged or resized it, kept on
// screen the way Windows keeps a dialog reachable: never smaller than its minimum (unless the
// screen itself is smaller), never larger than the screen, never past its edges.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Which edges a resize drags: the grip at the bottom-right corner is `{ right, bottom }`. */
export interface Edges {
  top?: boolean;
  right?: boolean;
  bottom?: boolean;
  left?: boolean;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** The window fitted to the viewport: sized between its minimum and the screen, then moved inside. */
export function fitToViewport(r: Rect, min: Size, viewport: Size): Rect {
  const width = clamp(r.width, Math.min(min.width, viewport.width), viewport.width);
  const height = clamp(r.height, Math.min(min.height, viewport.height), viewport.height);
  return {
    x: clamp(r.x, 0, viewport.width - width),
    y: clamp(r.y, 0, viewport.height - height),
    width,
    height,
  };
}

/** The window dragged by its title bar by (dx, dy) from where it started. */
export function moved(start: Rect, dx: number, dy: number, viewport: Size): Rect {
  const width = Math.min(start.width, viewport.width);
  const height = Math.min(start.height, viewport.height);
  return {
    x: clamp(start.x + dx, 0, viewport.width - width),
    y: clamp(start.y + dy, 0, viewport.height - height),
    width,
    height,
  };
}

/**
 * The window resized by dragging `edges` by (dx, dy): the opposite edges stay put, the size stays
 * between the minimum and what is left of the screen on that side.
 */
export function resized(start: Rect, edges: Edges, dx: number, dy: number, min: Size, viewport: Size): Rect {
  const minW = Math.min(min.width, viewport.width);
  const minH = Math.min(min.height, viewport.height);
  let { x, y, width, height } = start;
  if (edges.right) width = clamp(start.width + dx, minW, viewport.width - start.x);
  if (edges.bottom) height = clamp(start.height + dy, minH, viewport.height - start.y);
  if (edges.left) {
    const right = start.x + start.width;
    x = clamp(start.x + dx, 0, right - minW);
    width = right - x;
  }
  if (edges.top) {
    const bottom = start.y + start.height;
    y = clamp(start.y + dy, 0, bottom - minH);
    height = bottom - y;
  }
  return fitToViewport({ x, y, width, height }, min, viewport);
}
