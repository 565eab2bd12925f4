import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// The gateway serves the built files itself (index.html at /, bundles under /assets/), so in development the
// dev server stands in for it and hands every API-ish path to a running gateway.
const gateway = process.env.GATEWAY_URL || 'http://localhost:8001';

export default defineConfig({
  base: '/',
  plugins: [react(), tailwindcss()],
  server: {
    proxy: {
      '/api': gateway,
      '/media': gateway,
      '/actuator': gateway,
    },
  },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // The gateway's Content-Security-Policy allows no inline code: keep every asset a file, however small.
    assetsInlineLimit: 0,
    // The polyfill would otherwise be bundled for old browsers; every browser we support has modulepreload.
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.js'],
  },
});
