import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kernel } from '../../platform/kernel.js';
import { sendCachedJson } from '../../platform/http/cached.js';
import { STORE_SETTINGS_TAG } from '../../platform/settings/store-timezone.js';
import type { StoreSettingsService } from './service.js';
import { storeInfoView } from './types.js';

/** What the storefront header needs; cached until a settings change invalidates `store-settings`. */
export function settingsStoreRoutes(k: Kernel, settings: StoreSettingsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/info', {
      schema: {
        operationId: 'getStoreInfo', tags: ['store'], summary: 'The store’s name (zh-CN and en), currency, time zone and home banner',
        response: { 200: storeInfoView },
      },
    }, (req, reply) =>
      sendCachedJson(k.cache, req, reply, 'store:info', () => [STORE_SETTINGS_TAG], async () => {
        // From the database, not k.timezone: another process may not have re-read it yet.
        const { name, currency, timezone, homeBanner } = await settings.get();
        return { name, currency, timezone, homeBanner };
      }),
    );
  };
}
