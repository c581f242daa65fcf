import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// `vite build` makes the app's UI from index.html. `vite build --mode browser-test` makes a
// separate page, browser-test.html, where the in-memory fake backend answers the UI's calls, for
// the Playwright and axe-core tests; it goes to its own folder and never into the app.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  // Relative asset paths: the shell serves the built files from its own origin.
  base: './',
  build:
    mode === 'browser-test'
      ? { outDir: 'dist-browser-test', emptyOutDir: true, target: 'es2022', rollupOptions: { input: 'browser-test.html' } }
      : { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  // The message catalogues live in /locales, beside ui/, shared with the Rust side.
  server: { fs: { allow: ['..'] } },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.ts'],
  },
}));
