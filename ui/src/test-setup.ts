import '@testing-library/jest-dom/vitest';
import { webcrypto } from 'node:crypto';

// Tauri's IPC mocks need a WebCrypto random source, which older jsdom lacks.
if (!window.crypto?.getRandomValues) {
  Object.defineProperty(window, 'crypto', { value: webcrypto });
}
