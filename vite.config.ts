/// <reference types="vitest/config" />
// Build of the static playground (relative base: works from any sub-path) and the vitest projects.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  base: './',
  plugins: [svelte()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm }],
  },
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js', 'js-yaml'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          testTimeout: 60000,
          hookTimeout: 60000,
        },
      },
    ],
  },
});
