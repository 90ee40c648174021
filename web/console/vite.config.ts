import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** The operations console: a single-page app served by the API process at /admin (src/web/console). */
export default defineConfig({
  root: here('.'),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; the warning would fire on every build without telling anything new.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Named vendor chunks: they change less often than the screens (better caching) and the
        // build report says what is what. antd is left to the default splitting, which keeps its
        // table, date picker, tree select… in the chunks of the screens that use them; ECharts is
        // loaded by the dashboard only.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|i18next|react-i18next|dayjs)[\\/]/ },
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/console/vite.config.ts` during development: the API runs on its own port.
    proxy: { '/api': process.env.CONSOLE_API ?? 'http://localhost:3000' },
  },
});
