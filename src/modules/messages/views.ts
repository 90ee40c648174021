import { z } from 'zod';

/** An email or SMS in the sandbox outbox. Zod only, so the console can infer `OutboxMessage` from it. */
export const messageView = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  createdAt: z.string(),
});
