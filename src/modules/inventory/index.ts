/** The inventory module's public face. */
export { InventoryService, type StockLine } from './service.js';
export { InventoryEvents, stockTag, type StockChanged } from './events.js';
export { InventoryErrors } from './errors.js';
export { registerInventoryConsumers } from './consumers.js';
