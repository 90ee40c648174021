import type { Config } from '@react-router/dev/config';

/** Built by `npm run build:storefront` into dist/storefront/{client,server}; served by src/web/storefront. */
export default {
  appDirectory: 'app',
  buildDirectory: '../../dist/storefront',
  ssr: true,
  // Every page's route module is in the manifest from the start: no /__manifest round-trips.
  routeDiscovery: { mode: 'initial' },
  future: {
    // Loaders get the request as it came (no copy per loader without `.data`/`?index`/`_routes`:
    // six Request objects a page); they read the normalized location from their `url` argument.
    v8_passThroughRequests: true,
  },
} satisfies Config;
