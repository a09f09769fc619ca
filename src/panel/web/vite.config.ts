/**
 * Build of the operator panel's front end: `bash script/build-panel.sh` (or
 * `npx vite build --config src/panel/web/vite.config.ts`) writes dist/panel, which
 * src/panel/static.routes.ts serves. `npx vite --config src/panel/web/vite.config.ts` starts a dev
 * server that proxies /api to a running web role (VITE_API_TARGET is not read: edit here if needed).
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  // The panel never reads environment variables at build time.
  envPrefix: 'VICINATO_PANEL_BUILD_',
  publicDir: false,
  build: {
    outDir: path.resolve(root, '../../../dist/panel'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
    // No inline polyfill: the CSP allows only scripts from 'self'.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
