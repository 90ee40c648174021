/** Sign-in protection shared by shoppers and staff: counted-before-checked attempts, growing delays, known devices. */
export { SignInGuard, SIGN_IN_RULES, type SignInAttempt } from './guard.js';
export { SignInErrors, waitParams, withRetryAfter } from './errors.js';
export { identifierKey, KNOWN_DEVICE_TTL_MS, type KnownDeviceCookie } from './known-device.js';
export { addressKey } from './address.js';
