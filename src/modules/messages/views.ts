import { z } from 'zod';
import { LOCALES } from '../../platform/i18n.js';
import { MESSAGE_CHANNELS } from './schema.js';

/** An email or SMS in the sandbox outbox. Zod only, so the console can infer `OutboxMessage` from it. */
export const messageView = z.object({
  id: z.string(),
  channel: z.enum(MESSAGE_CHANNELS),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  locale: z.enum(LOCALES),
  createdAt: z.string(),
});
