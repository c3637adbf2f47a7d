import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Two pages, one build: the privacy center (/) and the staff console (/console/). */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: { center: here('index.html'), console: here('console/index.html') },
    },
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080', '/policy': 'http://127.0.0.1:8080' } },
});
