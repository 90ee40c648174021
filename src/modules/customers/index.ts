/** The customers module's public face: other modules import only from here. */
export {
  CustomersService,
  KNOWN_DEVICE_COOKIE,
  type BulkCustomerRow,
  type SignInContext,
  type SignInHook,
  type SignedIn,
} from './service.js';
export { CustomerEvents, type CustomerPasswordChanged, type CustomerRegistered, type CustomerSignedIn } from './events.js';
export { CustomerErrors } from './errors.js';
export { customerAuthHook } from './hook.js';
export { customerStoreRoutes } from './routes.store.js';
export { hashPassword, verifyPassword } from './password.js';
export { regionName, regionProblem, regionText, regionsUnder, type Region } from './regions.js';
export { SESSION_COOKIE, CSRF_HEADER } from './tokens.js';
export type { AddressBook } from './addresses.js';
export type { CustomerView, AddressView } from './types.js';
export { mobile, email } from './types.js';
export * as customerTypes from './types.js';
