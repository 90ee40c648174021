import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // SF_SOURCEMAP=1 to see what the client bundles are made of (bench/storefront-size.ts measures them).
  build: {
    target: 'es2022',
    sourcemap: process.env.SF_SOURCEMAP === '1',
    // dist/storefront is outside this folder: say that emptying it first is intended (Vite asks).
    emptyOutDir: true,
    // Rolldown's plugin-timing notice reads like a warning on a busy machine and is no fault of the build.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
