/** The fulfilment module's public face: shipments, carriers and tracking. */
export { FulfilmentService, type ShipmentRow, type TrackingEventRow, type ShipInput, type NewTrackingEvent } from './service.js';
export { FulfilmentErrors } from './errors.js';
export { FulfilmentEvents, FulfilmentJobs, type TrackingUpdated } from './events.js';
export { CARRIERS, TRACKING_STATUSES, findCarrier, type Carrier, type TrackingStatus } from './logic/carriers.js';
export { adminShipmentView, shipmentView, toAdminShipment, toShipment } from './views.js';
export { registerFulfilmentJobs } from './jobs.js';
export { fulfilmentStoreRoutes } from './routes.store.js';
export { fulfilmentAdminRoutes } from './routes.admin.js';
