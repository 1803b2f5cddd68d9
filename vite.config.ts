import { defineConfig } from 'vite';

// The renderer is plain React + TSX; esbuild's automatic JSX runtime is all it needs.
export default defineConfig({
  root: 'renderer',
  base: './',
  esbuild: { jsx: 'automatic' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true, target: 'chrome120' },
});
