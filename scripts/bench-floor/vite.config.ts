import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The floor page of the benchmark (scripts/bench.ts): built with the same Vite,
 * React plugin and target as the dashboard, into the bench's temporary folder
 * (never into the product's dist/), and served beside the dashboard.
 */
export default defineConfig({
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // One chunk on purpose: the floor loads everything at once.
    chunkSizeWarningLimit: 1000,
  },
});
