import type { StorefrontContext } from '../../../../src/web-contract';

// Loaders and actions get the Fastify side's context (src/web/storefront/index.ts builds it).
declare module 'react-router' {
  interface AppLoadContext extends StorefrontContext {}
}
export {};
