// Saves shortly after typing stops, so each keystroke is not a write, and can be flushed at
// once when the person moves on: nothing typed is ever dropped.
export function createSaver(delayMs = 300) {
  let pending: (() => Promise<void>) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    clearTimeout(timer);
    const run = pending;
    pending = null;
    if (run) await run();
  };
  return {
    schedule(save: () => Promise<void>) {
      pending = save;
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
  };
}
