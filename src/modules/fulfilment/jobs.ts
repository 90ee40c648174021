import type { Kernel } from '../../platform/kernel.js';
import { FulfilmentJobs } from './events.js';
import type { FulfilmentService } from './service.js';
import type { TrackingStatus } from './logic/carriers.js';

/** The sandbox carrier's scheduled scans (written with the shipment, keyed per shipment and step). */
export function registerFulfilmentJobs(k: Kernel, fulfilment: FulfilmentService): void {
  k.jobs.define(FulfilmentJobs.sandboxTracking, async ({ shipmentId, status }: { shipmentId: string; status: TrackingStatus }) => {
    await fulfilment.sandboxStep(shipmentId, status);
  });
}
