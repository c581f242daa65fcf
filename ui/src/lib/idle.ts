// Locks after a period with no keyboard or pointer activity. Time and the timer are passed in
// so the rule can be tested without waiting.

export interface IdleClock {
  now: () => number;
  every: (ms: number, fn: () => void) => () => void;
}

export const realClock: IdleClock = {
  now: () => Date.now(),
  every: (ms, fn) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
};

export const DEFAULT_IDLE_MINUTES = 5;

/** Watches activity; calls `onIdle` once each time `timeoutMs` passes with none. */
export function watchIdle(timeoutMs: number, onIdle: () => void, clock: IdleClock = realClock) {
  let last = clock.now();
  let fired = false;
  const stop = clock.every(Math.min(15_000, Math.max(1_000, timeoutMs / 10)), () => {
    if (!fired && clock.now() - last >= timeoutMs) {
      fired = true;
      onIdle();
    }
  });
  return {
    activity() {
      last = clock.now();
      fired = false;
    },
    stop,
  };
}

/** True when this Escape press is the second within `windowMs` of the first. */
export function escapeTwice(windowMs = 1500) {
  let lastEscape = -Infinity;
  return (now: number) => {
    const twice = now - lastEscape <= windowMs;
    lastEscape = twice ? -Infinity : now;
    return twice;
  };
}
