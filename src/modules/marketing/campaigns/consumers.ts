import type { Kernel } from '../../../platform/kernel.js';
import { OrderEvents } from '../../orders/index.js';
import type { CampaignService } from './service.js';

/**
 * The campaign report's facts: every paid order (attribution, first paid order per customer) and
 * every refund, from the beginning of the kept events. Each handler writes facts keyed by the order
 * or the event, so a redelivery or a late event changes nothing twice.
 */
export function registerCampaignConsumers(k: Kernel, campaigns: CampaignService): void {
  k.outbox.subscribe('marketing.campaigns.paid', [OrderEvents.paid], (e) => campaigns.onPaid(e), { from: 'beginning' });
  k.outbox.subscribe('marketing.campaigns.refunded', [OrderEvents.refunded], (e) => campaigns.onRefunded(e), { from: 'beginning' });
}
