import { defineEvent } from '../../platform/outbox/events.js';

export const FulfilmentJobs = {
  /** One step of the sandbox carrier's journey; payload `{ shipmentId, status }`. */
  sandboxTracking: 'fulfilment.sandboxTracking',
} as const;


export interface TrackingUpdated {
  shipmentId: string;
  orderId: string;
  status: string;
}

export const FulfilmentEvents = {
  trackingUpdated: defineEvent<TrackingUpdated>('shipment.trackingUpdated'),
};
