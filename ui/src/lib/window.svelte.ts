// What every Waymark window does with the laptop's display settings and the open profile, in a
// person's app and the worker app alike: lock after the idle time chosen in Settings, show the
// open profile's language (or the start screen's while locked), and apply text size, font and
// contrast. Called once while a window's root component starts.
import { watchIdle } from './idle';
import { setLanguage } from './i18n.svelte';
import type { DisplaySettings, SessionView } from './api';

export function followDisplaySettings(current: () => { settings: DisplaySettings; session: SessionView | null }, lock: () => void) {
  // Locks after the idle time chosen in Settings; restarts when that choice changes.
  $effect(() => {
    const idle = watchIdle(current().settings.idle_lock_minutes * 60_000, () => {
      if (current().session) lock();
    });
    const onActivity = () => idle.activity();
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, onActivity);
    return () => {
      idle.stop();
      for (const e of events) window.removeEventListener(e, onActivity);
    };
  });

  // The open profile's own language, or this laptop's start-screen language while locked.
  $effect(() => {
    const { settings, session } = current();
    setLanguage(session?.language ?? settings.language);
  });

  $effect(() => {
    const { settings } = current();
    const root = document.documentElement;
    root.classList.toggle('text-large', settings.text_size === 'large');
    root.classList.toggle('text-larger', settings.text_size === 'larger');
    root.classList.toggle('dyslexia-font', settings.dyslexia_font);
    root.classList.toggle('high-contrast', settings.high_contrast);
  });
}
