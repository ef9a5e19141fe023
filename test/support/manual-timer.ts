// A wall clock a test moves by hand, for the door's ClockDriver (which may read the wall clock).
import type { WallTimer } from '../../doors/common/clock-driver';

/** A wall clock the test moves by hand. */
export function manualTimer() {
  let now = 0;
  const tasks: { every: number; next: number; fn: () => void }[] = [];
  const timer: WallTimer = {
    now: () => now,
    every(ms, fn) {
      const t = { every: ms, next: now + ms, fn };
      tasks.push(t);
      return () => tasks.splice(tasks.indexOf(t), 1);
    },
  };
  return {
    timer,
    pass(ms: number) {
      const end = now + ms;
      for (;;) {
        const due = tasks.filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.every;
        due.fn();
      }
      now = end;
    },
  };
}
