/** The settings module's public face: the store settings staff change at run time. */
export { StoreSettingsService, SettingKeys, DEFAULT_STORE_NAME } from './service.js';
export { settingsAdminRoutes } from './routes.admin.js';
export { settingsStoreRoutes } from './routes.store.js';
export { settingsView, storeInfoView, type StoreSettings, type SettingsPatch } from './types.js';
