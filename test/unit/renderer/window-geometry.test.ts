// Dialog windows stay on screen and above their minimum size whatever the user drags.
import { describe, expect, it } from 'vitest';
import { fitToViewport, moved, resized } from '../../../renderer/views/shared/window-geometry';

const screen = { width: 1024, height: 768 };
const min = { width: 400, height: 300 };
const win = { x: 100, y: 100, width: 600, height: 400 };

describe('window geometry', () => {
  it('moves by the drag and stops at the screen edges', () => {
    expect(moved(win, 50, -20, screen)).toEqual({ x: 150, y: 80, width: 600, height: 400 });
    expect(moved(win, -500, -500, screen)).toMatchObject({ x: 0, y: 0 });
    expect(moved(win, 900, 900, screen)).toMatchObject({ x: 1024 - 600, y: 768 - 400 });
  });

  it('resizes from the grip and never below the minimum or past the screen', () => {
    expect(resized(win, { right: true, bottom: true }, 100, 50, min, screen)).toEqual({ x: 100, y: 100, width: 700, height: 450 });
    expect(resized(win, { right: true, bottom: true }, -1000, -1000, min, screen)).toEqual({ x: 100, y: 100, width: 400, height: 300 });
    expect(resized(win, { right: true, bottom: true }, 5000, 5000, min, screen)).toEqual({ x: 100, y: 100, width: 924, height: 668 });
  });

  it('resizing from the left or top keeps the opposite edge where it was', () => {
    const r = resized(win, { left: true, top: true }, -50, -30, min, screen);
    expect(r).toEqual({ x: 50, y: 70, width: 650, height: 430 });
    const shrunk = resized(win, { left: true }, 400, 0, min, screen);
    expect(shrunk.x + shrunk.width).toBe(700);
    expect(shrunk.width).toBe(400);
  });

  it('a screen smaller than the minimum gets the whole screen, not more', () => {
    const tiny = { width: 512, height: 384 };
    expect(fitToViewport({ x: 300, y: 200, width: 760, height: 560 }, { width: 600, height: 420 }, tiny)).toEqual({ x: 0, y: 0, width: 512, height: 384 });
    expect(resized(win, { right: true }, -1000, 0, { width: 600, height: 420 }, tiny).width).toBeLessThanOrEqual(512);
  });
});
