/** The deterministic demo-shop generator's public face (used by the CLI and tests). */
export {
  DEFAULT_CUSTOMERS,
  DEFAULT_ORDERS,
  DEMO_PASSWORD,
  DEMO_SEED,
  DEMO_SHOPPER_EMAIL,
  DemoDataExistsError,
  demoSize,
  demoState,
  generateDemoShop,
  type DemoMarker,
  type DemoOptions,
  type DemoProgress,
  type DemoResult,
  type DemoSize,
} from './generate.js';
export { DEFAULT_PRODUCT_COUNT, planCatalog, type CatalogPlan, type PlannedProduct } from './catalog-plan.js';
export { dailyOrderCounts, historyDays, springFestival, type StoreDay } from './calendar.js';
export { parseSeed } from './random.js';
