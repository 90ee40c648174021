export const FulfilmentJobs = {
  /** One step of the sandbox carrier's journey; payload `{ shipmentId, status }`. */
  sandboxTracking: 'fulfilment.sandboxTracking',
} as const;

export const FulfilmentEvents = {
  trackingUpdated: 'shipment.trackingUpdated',
} as const;

export interface TrackingUpdated {
  shipmentId: string;
  orderId: string;
  status: string;
}
