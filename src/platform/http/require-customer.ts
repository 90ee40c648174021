import type { FastifyRequest } from 'fastify';
import { AppError, CoreErrors } from '../errors.js';
import type { CustomerPrincipal } from './principals.js';

/** The signed-in shopper, or a 401. */
export function requireCustomer(req: FastifyRequest): CustomerPrincipal {
  if (!req.customer) throw new AppError(CoreErrors.UNAUTHENTICATED);
  return req.customer;
}
