import type { StorefrontContext } from '../../../../src/web-contract';

// Loaders and actions get the Fastify side's context (src/web/storefront/index.ts builds it).
declare module 'react-router' {
  // Declaration merging (an interface, on purpose): React Router's loader context becomes ours.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends StorefrontContext {}
}
export {};
