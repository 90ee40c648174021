import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Kernel } from '../../platform/kernel.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Localized } from '../../platform/i18n.js';
import type { InventoryService } from '../inventory/index.js';
import type { OrderRow, OrderService } from '../orders/index.js';
import { shipments, trackingEvents } from './schema.js';
import { FulfilmentErrors } from './errors.js';
import { FulfilmentEvents, FulfilmentJobs } from './events.js';
import { CARRIERS, SANDBOX_STEPS, TRACKING_NUMBER, findCarrier, type Carrier, type TrackingStatus } from './logic/carriers.js';

export type ShipmentRow = typeof shipments.$inferSelect;
export type TrackingEventRow = typeof trackingEvents.$inferSelect;

export interface ShipInput {
  /** A carrier code, name or alias (see logic/carriers.ts). */
  carrier: string;
  trackingNumber: string;
  /** A warehouse id or code; the default warehouse when absent. */
  warehouse?: string | null;
}

export interface NewTrackingEvent {
  status: TrackingStatus;
  at: Date;
  description: Localized;
  location?: string | null;
}

/** Orders in these states have paid goods waiting to go out (partially_refunded: the rest of them). */
const SHIPPABLE = new Set(['paid', 'partially_refunded']);

/**
 * Shipments and their tracking. Shipping creates the shipment and moves the order to shipped in
 * one transaction (the order row locked first, as every order-changing action does). Tracking
 * events come from the sandbox carrier's scheduled jobs today and from carrier integrations later;
 * a "delivered" scan marks the order delivered.
 */
export class FulfilmentService {
  constructor(
    private readonly k: Kernel,
    private readonly orders: OrderService,
    private readonly inventory: InventoryService,
  ) {}

  private get q() {
    return this.k.db.q;
  }

  /** The sandbox carrier is there whenever the sandbox payment provider is (off in production unless PAYMENT_SANDBOX=1). */
  get sandboxEnabled(): boolean {
    return this.k.config.paymentSandboxEnabled;
  }

  carriers(): Carrier[] {
    return CARRIERS.filter((c) => c.code !== 'sandbox' || this.sandboxEnabled);
  }

  carrier(text: string): Carrier {
    const c = findCarrier(text);
    if (!c) throw new AppError(FulfilmentErrors.CARRIER_UNKNOWN, { carrier: text });
    if (c.code === 'sandbox' && !this.sandboxEnabled) throw new AppError(FulfilmentErrors.CARRIER_SANDBOX_DISABLED);
    return c;
  }

  /** Hands an order's parcel to a carrier. Returns the shipment and the order before and after. */
  async ship(orderRef: string, input: ShipInput, staffId: string | null): Promise<{ shipment: ShipmentRow; before: OrderRow; after: OrderRow }> {
    return this.k.db.transaction(async () => {
      const before = await this.orders.lock((await this.orders.getByRef(orderRef)).id);
      if (before.shippedAt) throw new AppError(FulfilmentErrors.ORDER_ALREADY_SHIPPED, { number: before.number });
      if (!SHIPPABLE.has(before.status)) throw new AppError(FulfilmentErrors.ORDER_NOT_SHIPPABLE, { number: before.number, status: before.status });
      const carrier = this.carrier(input.carrier);
      const trackingNumber = input.trackingNumber.trim().toUpperCase();
      if (!TRACKING_NUMBER.test(trackingNumber)) throw new AppError(FulfilmentErrors.TRACKING_NUMBER_INVALID, { trackingNumber: input.trackingNumber });
      const warehouseId = await this.warehouseId(input.warehouse);
      const now = this.k.clock.now();
      // The unique index decides between two orders racing for one waybill number.
      const [shipment] = await this.q
        .insert(shipments)
        .values({ id: newId(), orderId: before.id, carrier: carrier.code, trackingNumber, warehouseId, shippedAt: now, staffId })
        .onConflictDoNothing()
        .returning();
      if (!shipment) {
        const [other] = await this.q.select({ orderId: shipments.orderId }).from(shipments).where(and(eq(shipments.carrier, carrier.code), eq(shipments.trackingNumber, trackingNumber)));
        const number = other ? (await this.orders.get(other.orderId)).number : '?';
        throw new AppError(FulfilmentErrors.TRACKING_NUMBER_TAKEN, { trackingNumber, carrier: carrier.code, number });
      }
      const after = await this.orders.markShipped(before.id, { actor: 'staff', actorId: staffId }, { shipmentId: shipment.id, carrier: carrier.code, trackingNumber });
      if (carrier.code === 'sandbox') {
        for (const step of SANDBOX_STEPS) {
          const runAt = new Date(now.getTime() + step.afterMs);
          await this.k.jobs.schedule(FulfilmentJobs.sandboxTracking, { shipmentId: shipment.id, status: step.status }, runAt, `tracking:${shipment.id}:${step.status}`);
        }
      }
      return { shipment, before, after };
    });
  }

  /** A carrier scan (or the sandbox's). "delivered" marks the order delivered; a repeated scan changes nothing there. */
  async addTrackingEvent(shipmentId: string, e: NewTrackingEvent, source: 'sandbox' | 'carrier' | 'staff'): Promise<TrackingEventRow> {
    return this.k.db.transaction(async () => {
      const s = await this.get(shipmentId);
      const [row] = await this.q
        .insert(trackingEvents)
        .values({ shipmentId, at: e.at, status: e.status, description: e.description, location: e.location ?? null, source })
        .returning();
      if (e.status === 'delivered') await this.orders.markDelivered(s.orderId, { actor: 'carrier', actorId: s.carrier });
      await this.k.outbox.emit(FulfilmentEvents.trackingUpdated, { shipmentId, orderId: s.orderId, status: e.status });
      return row;
    });
  }

  /** Runs one step of the sandbox journey (the job handler); a step already recorded is not recorded twice. */
  async sandboxStep(shipmentId: string, status: TrackingStatus): Promise<void> {
    const step = SANDBOX_STEPS.find((x) => x.status === status);
    const [s] = await this.q.select().from(shipments).where(eq(shipments.id, shipmentId));
    if (!step || !s) return;
    const done = await this.q
      .select({ id: trackingEvents.id })
      .from(trackingEvents)
      .where(and(eq(trackingEvents.shipmentId, shipmentId), eq(trackingEvents.status, status), eq(trackingEvents.source, 'sandbox')));
    if (done.length) return;
    const order = await this.orders.get(s.orderId);
    const warehouse = (await this.inventory.listWarehouses()).find((w) => w.id === s.warehouseId);
    const place = { origin: warehouse?.name['zh-CN'] ?? '发货仓', destination: order.shippingAddress.regionText || order.shippingAddress.detail };
    await this.addTrackingEvent(shipmentId, { status, at: this.k.clock.now(), description: step.description(place), location: step.location(place) }, 'sandbox');
  }

  async get(shipmentId: string): Promise<ShipmentRow> {
    const [s] = await this.q.select().from(shipments).where(eq(shipments.id, shipmentId));
    if (!s) throw new AppError(FulfilmentErrors.SHIPMENT_NOT_FOUND, { id: shipmentId });
    return s;
  }

  /** An order's shipments, oldest first, each with its tracking events newest first (as carriers show them). */
  async shipmentsOf(orderId: string): Promise<Array<ShipmentRow & { events: TrackingEventRow[] }>> {
    const list = await this.q.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.shippedAt), asc(shipments.id));
    if (!list.length) return [];
    const events = await this.q
      .select()
      .from(trackingEvents)
      .where(inArray(trackingEvents.shipmentId, list.map((s) => s.id)))
      .orderBy(desc(trackingEvents.at), desc(trackingEvents.id));
    return list.map((s) => ({ ...s, events: events.filter((e) => e.shipmentId === s.id) }));
  }

  /** The shopper's own order's tracking; another shopper's order is "not found". */
  async trackingForCustomer(orderRef: string, customerId: string) {
    const order = await this.orders.getForCustomer(orderRef, customerId);
    return { order, shipments: await this.shipmentsOf(order.id) };
  }

  private async warehouseId(ref: string | null | undefined): Promise<string> {
    if (!ref) return this.inventory.ensureDefaultWarehouse();
    const w = (await this.inventory.listWarehouses()).find((x) => (x.id === ref || x.code.toLowerCase() === ref.toLowerCase()) && x.active);
    if (!w) throw new AppError(FulfilmentErrors.WAREHOUSE_UNKNOWN, { warehouse: ref });
    return w.id;
  }
}
