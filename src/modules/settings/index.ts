/** The settings module's public face: the store settings staff change at run time. */
export { StoreSettingsService, SettingKeys, DEFAULT_STORE_NAME, type SettingsDeps } from './service.js';
export { settingsAdminRoutes } from './routes.admin.js';
export { settingsStoreRoutes } from './routes.store.js';
export { settingsView, storeInfoView, type StoreSettings, type SettingsPatch, type StoreInfo } from './types.js';
export { DEFAULT_HOME_BANNER, isSafeLink, type HomeBanner, type Banner } from './home-banner.js';
