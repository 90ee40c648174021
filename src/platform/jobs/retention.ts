import type { Kernel } from '../kernel.js';
import { DAY } from '../clock.js';

/** When the store prunes: daily, in the small hours of the store's own time zone. */
export const PRUNE_SCHEDULE = '20 4 * * *';

/**
 * The platform's own housekeeping: delivered outbox rows and finished jobs older than
 * RETENTION_DAYS are deleted once a day. What is still pending, failed for good (dead, kept for
 * staff) or recent stays.
 */
export function registerRetention(k: Kernel): void {
  k.recurring.register({
    name: 'platform.prune',
    every: PRUNE_SCHEDULE,
    run: async () => {
      const before = new Date(k.clock.now().getTime() - k.config.retentionDays * DAY);
      const outbox = await k.outbox.prune(before);
      const jobs = await k.jobs.prune(before);
      k.log.info({ before, outboxDeliveries: outbox.deliveries, outboxEvents: outbox.events, jobs }, 'pruned delivered events and finished jobs');
    },
  });
}
