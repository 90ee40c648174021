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
    // React Router v8's behaviour now: route modules split into client chunks, and the build on
    // Vite's Environment API (same dist/storefront/{client,server} layout).
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    // Not yet, said explicitly (which also keeps the build from warning about them):
    // middleware turns the load context into a RouterContextProvider, and src/web/storefront
    // hands loaders a plain object (the API bridge, page-cache hints);
    v8_middleware: false,
    // `.data` URLs would change shape, and the server tells documents from data requests by them.
    v8_trailingSlashAwareDataRequests: false,
  },
} satisfies Config;
