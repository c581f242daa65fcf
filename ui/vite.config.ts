import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// `vite build` makes a person's app's UI from index.html (into dist/); `vite build --mode worker`
// makes the worker app's from worker.html (into dist-worker/), so neither app carries the other's
// screens. `vite build --mode browser-test` makes two separate pages, browser-test.html and
// worker-browser-test.html, where the in-memory fake backend answers the UI's calls, for the
// Playwright and axe-core tests; they go to their own folder and never into an app.
const builds: Record<string, { outDir: string; input: string | string[] }> = {
  production: { outDir: 'dist', input: 'index.html' },
  worker: { outDir: 'dist-worker', input: 'worker.html' },
  'browser-test': { outDir: 'dist-browser-test', input: ['browser-test.html', 'worker-browser-test.html'] },
};

export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Relative asset paths: the shell serves the built files from its own origin.
  base: './',
  build: { outDir: builds[mode]?.outDir ?? 'dist', emptyOutDir: true, target: 'es2022', rollupOptions: { input: builds[mode]?.input ?? 'index.html' } },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  // The message catalogues live in /locales, beside ui/, shared with the Rust side.
  server: { fs: { allow: ['..'] } },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.ts'],
  },
}));
