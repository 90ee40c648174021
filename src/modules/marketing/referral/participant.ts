import type { Kernel } from '../../../platform/kernel.js';
import { OrderEvents } from '../../orders/index.js';
import type { ReferralService } from './service.js';

/**
 * An invitee's orders, as facts: the first paid one qualifies the referral; a cancellation or a full
 * refund of it before the window ends rejects it. Replays and any delivery order end the same.
 */
export function registerReferralConsumers(k: Kernel, referral: ReferralService): void {
  k.outbox.subscribe('marketing.referral.paid', [OrderEvents.paid], async (e) => referral.onPaid(e.payload));
  k.outbox.subscribe('marketing.referral.refunded', [OrderEvents.refunded], async (e) => referral.onRefunded(e.payload));
  k.outbox.subscribe('marketing.referral.cancelled', [OrderEvents.cancelled], async (e) => referral.onCancelled(e.payload));
}
