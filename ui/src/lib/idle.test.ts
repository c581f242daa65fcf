import { describe, expect, it } from 'vitest';
import { escapeTwice, watchIdle, type IdleClock } from './idle';

function fakeClock() {
  let t = 0;
  const timers: { ms: number; fn: () => void; next: number }[] = [];
  const clock: IdleClock = {
    now: () => t,
    every: (ms, fn) => {
      const timer = { ms, fn, next: t + ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      const due = timers.filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      t = due.next;
      due.next += due.ms;
      due.fn();
    }
    t = end;
  };
  return { clock, advance };
}

describe('idle lock', () => {
  it('locks after the idle time with no activity, and activity postpones it', () => {
    const { clock, advance } = fakeClock();
    let locks = 0;
    const idle = watchIdle(5 * 60_000, () => locks++, clock);
    advance(4 * 60_000);
    idle.activity();
    advance(4 * 60_000);
    expect(locks).toBe(0);
    advance(60_000 + 15_000);
    expect(locks).toBe(1);
    advance(10 * 60_000);
    expect(locks).toBe(1);
    idle.stop();
  });
});

describe('escape twice', () => {
  it('needs two presses close together', () => {
    const pressed = escapeTwice(1500);
    expect(pressed(0)).toBe(false);
    expect(pressed(3000)).toBe(false);
    expect(pressed(3800)).toBe(true);
    expect(pressed(4000)).toBe(false);
  });
});
