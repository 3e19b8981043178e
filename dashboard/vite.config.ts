import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The service the dev server proxies /api to (`npm run dev:dashboard`); `npm start` listens on 3000. */
const target = process.env.CROSSGATE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/api': { target, changeOrigin: false },
      '/openapi.json': { target },
    },
  },
  logLevel: process.env.NODE_ENV === 'test' ? 'warn' : 'info',
});
