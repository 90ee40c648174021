/** The analytics module's public face: dashboard figures read through other modules' services. */
export { AnalyticsService, MAX_SERIES_DAYS, type PeriodFigures, type TodayNumbers } from './service.js';
export { analyticsAdminRoutes } from './routes.admin.js';
export { lastStoreDays, sameTimeDaysBefore, storeDayOf, type StoreDay } from './store-day.js';
