import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app. `npm run build:web` writes web/dist, which `leadpact serve` serves at /.
 * `npm run dev:web` serves it with hot reload and passes the API through to a running
 * `npm start` (same origin for the browser, so the session cookie and CSRF checks work as in production).
 */
const apiServer = process.env.LEADPACT_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server's CSP allows scripts only from 'self': never inline a module or its preload helper.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': apiServer, '/openapi.json': apiServer, '/docs': apiServer },
  },
});
