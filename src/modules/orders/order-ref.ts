import { z } from 'zod';

/**
 * How a client names an order in a URL: its id (a UUID) or its number (digits, as newOrderNumber
 * and the demo write them). Anything else is a 400 at the schema; a well-formed reference to no
 * order is a 404 from the service.
 */
export const orderRef = z
  .union([z.uuid(), z.string().regex(/^\d{1,32}$/, 'must be an order number (digits)')])
  .describe('Order id (UUID) or order number (digits)');

export const orderRefParams = z.object({ orderId: orderRef });
