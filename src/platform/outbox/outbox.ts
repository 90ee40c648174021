import { and, asc, eq, inArray, lte, notInArray, sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { outboxDeliveries, outboxEvents } from './schema.js';
import { safeErrorMessage } from '../log-redact.js';
import type { DomainEvent, EventType, PayloadOf } from './events.js';

export type { DomainEvent } from './events.js';
export type EventHandler<P = unknown> = (event: DomainEvent<P>) => Promise<void>;

interface PendingEvent {
  id: string;
  type: string;
  payload: object;
  occurredAt: Date;
  /** Not delivered before this (a provider's callback that comes "later"); normally occurredAt. */
  deliverAt: Date;
}

interface Consumer {
  name: string;
  types: Set<string> | '*';
  handler: EventHandler;
  from: 'now' | 'beginning' | Date;
  /** False: the handler runs outside any transaction (it calls out — a payment provider — and must be idempotent itself). */
  transactional: boolean;
  leaseMs: number;
  holdWhile?: () => boolean;
}

export interface SubscribeOptions {
  /**
   * Where a consumer registered for the first time starts: `now` (the default: events from its
   * registration on), `beginning` (every event of its types still kept — see RETENTION_DAYS), or a
   * date. Applied once, when the store first starts with the consumer (docs/events.md).
   */
  from?: 'now' | 'beginning' | Date;
  /**
   * `false` for a handler that calls something outside the database (a payment provider): no
   * transaction is open while it runs, the delivery is leased to one runner for LEASE_MS and marked
   * done after it returns. At-least-once: the handler makes a repeat harmless (an idempotency key).
   */
  transactional?: boolean;
  /**
   * How long a non-transactional delivery is held by the runner that took it (default LEASE_MS): a
   * runner that dies holding it delays the delivery this long. Shorter for quick handlers a person
   * waits on (a flash sale's order).
   */
  leaseMs?: number;
  /**
   * While this answers true, this process leaves the consumer's deliveries where they are (pending,
   * not leased, not counted as attempts) and delivers everything else: a flash sale's orders wait
   * while a crowd presses, other consumers do not wait with them.
   */
  holdWhile?: () => boolean;
}

/** How long a non-transactional delivery is held by the runner that took it before another may. */
export const LEASE_MS = 60_000;

export const MAX_ATTEMPTS = 8;

/** Retry backoff: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/**
 * The transactional outbox. `emit` writes the event (and a pending delivery for every consumer
 * subscribed to its type) in the caller's transaction; `dispatch` delivers pending events,
 * each in its own transaction together with the consumer's effect. At-least-once delivery,
 * exactly-once effect, failures retried with backoff until they are marked dead for staff to retry.
 */
export class Outbox {
  private readonly consumers = new Map<string, Consumer>();
  private wake: (() => void) | null = null;
  /** Events of open transactions, written just before each commits. */
  private readonly pending = new WeakMap<Executor, PendingEvent[]>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Registers a consumer. Names are stable: they key the delivery records. */
  subscribe<Es extends EventType<any>[]>(name: string, events: Es | '*', handler: EventHandler<PayloadOf<Es[number]>>, opts: SubscribeOptions = {}): void {
    if (this.consumers.has(name)) throw new Error(`Consumer ${name} is already registered`);
    this.consumers.set(name, {
      name,
      types: events === '*' ? '*' : new Set(events.map((e) => e.stored)),
      handler: handler as EventHandler,
      transactional: opts.transactional ?? true,
      leaseMs: opts.leaseMs ?? LEASE_MS,
      from: opts.from ?? 'now',
      holdWhile: opts.holdWhile,
    });
  }

  /**
   * Records consumers seen for the first time and gives those that start in the past their
   * deliveries (once, whichever process gets there first: the registration row is the lock).
   * Called when the store starts, after every module has subscribed.
   */
  async start(): Promise<void> {
    for (const c of this.consumers.values()) {
      await this.db.transaction(async () => {
        const now = this.clock.now();
        const fresh = await this.db.q.execute(sql`
          insert into outbox_consumers (name, registered_at) values (${c.name}, ${now}::timestamptz)
          on conflict (name) do nothing returning name`);
        if ((fresh as unknown as { rows: unknown[] }).rows.length === 0 || c.from === 'now') return;
        const since = c.from === 'beginning' ? new Date(0) : c.from;
        const types = c.types === '*' ? sql`true` : sql`type in (${sql.join([...c.types].map((t) => sql`${t}`), sql`, `)})`;
        await this.db.q.execute(sql`
          insert into outbox_deliveries (event_id, consumer, status, next_attempt_at)
          select id, ${c.name}, 'pending', ${now}::timestamptz from outbox_events
          where ${types} and occurred_at >= ${since}::timestamptz
          on conflict do nothing`);
      });
    }
    this.wake?.();
  }

  /** Called by the in-process dispatcher loop so a commit can wake it at once. */
  onWake(fn: () => void): void {
    this.wake = fn;
  }

  /**
   * Records an event in the current transaction. Inside one, events wait in memory and are written
   * together — every event and its deliveries in one statement — just before the commit (decision
   * 0032); outside one, at once.
   */
  async emit<P>(type: EventType<P>, payload: P, opts: { deliverAt?: Date } = {}): Promise<string> {
    const occurredAt = this.clock.now();
    const event: PendingEvent = { id: newId(), type: type.stored, payload: payload as object, occurredAt, deliverAt: opts.deliverAt ?? occurredAt };
    const q = this.db.q;
    const waiting = this.pending.get(q);
    if (waiting) return (waiting.push(event), event.id);
    if (this.db.beforeCommit(() => this.flush(q))) this.pending.set(q, [event]);
    else await this.write([event]);
    // Once per transaction: its events are written together, one wake is enough.
    this.db.afterCommit(() => this.wake?.());
    return event.id;
  }

  private async flush(q: Executor): Promise<void> {
    const events = this.pending.get(q) ?? [];
    this.pending.delete(q);
    if (events.length) await this.write(events);
  }

  /** Events and a pending delivery for every subscribed consumer, in one statement. */
  private async write(events: PendingEvent[]): Promise<void> {
    const rows = sql.join(
      events.map((e) => sql`(${e.id}::uuid, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${e.occurredAt}::timestamptz)`),
      sql`, `,
    );
    const deliveries = events.flatMap((e) =>
      [...this.consumers.values()]
        .filter((c) => c.types === '*' || c.types.has(e.type))
        .map((c) => sql`(${e.id}::uuid, ${c.name}, 'pending', ${e.deliverAt}::timestamptz)`),
    );
    const insertEvents = sql`insert into outbox_events (id, type, payload, occurred_at) values ${rows}`;
    await this.db.q.execute(
      deliveries.length === 0
        ? insertEvents
        : sql`with written as (${insertEvents} returning id)
          insert into outbox_deliveries (event_id, consumer, status, next_attempt_at) values ${sql.join(deliveries, sql`, `)}`,
    );
  }

  /** Delivers due events; returns how many deliveries were attempted. */
  async dispatch(limit = 100): Promise<number> {
    const now = this.clock.now();
    const held = [...this.consumers.values()].filter((c) => c.holdWhile?.()).map((c) => c.name);
    const due = await this.db.q
      .select({ eventId: outboxDeliveries.eventId, consumer: outboxDeliveries.consumer })
      .from(outboxDeliveries)
      .where(and(eq(outboxDeliveries.status, 'pending'), lte(outboxDeliveries.nextAttemptAt, now), held.length ? notInArray(outboxDeliveries.consumer, held) : undefined))
      .orderBy(asc(outboxDeliveries.nextAttemptAt))
      .limit(limit);
    // A consumer's due events are handled together in one transaction (a few statements for the lot,
    // not four per event: under checkout load this is most of the background work). A batch whose
    // handler fails rolls back and is retried one event at a time, which finds and records the failure.
    const byConsumer = new Map<string, string[]>();
    for (const d of due) byConsumer.set(d.consumer, [...(byConsumer.get(d.consumer) ?? []), d.eventId]);
    for (const [consumer, eventIds] of byConsumer) {
      if (eventIds.length > 1 && this.consumers.get(consumer)?.transactional && (await this.deliverBatch(consumer, eventIds))) continue;
      for (const eventId of eventIds) {
        await this.deliver(eventId, consumer);
        // A turn of the event loop between deliveries: on PGlite a statement runs on this thread, and a
        // round of a hundred (each an order, say) would otherwise hold every waiting request until it ends.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    return due.length;
  }

  /** Several due events of one consumer in one transaction, in the order they happened; false if a handler threw. */
  private async deliverBatch(consumerName: string, eventIds: string[]): Promise<boolean> {
    const consumer = this.consumers.get(consumerName);
    if (!consumer) return false;
    try {
      await this.db.transaction(async () => {
        const res = await this.db.q.execute(sql`
          select d.event_id, e.type, e.payload, e.occurred_at
          from outbox_deliveries d join outbox_events e on e.id = d.event_id
          where d.consumer = ${consumerName} and d.status = 'pending'
            and d.event_id in (${sql.join(eventIds.map((id) => sql`${id}::uuid`), sql`, `)})
          order by e.occurred_at, e.id
          for update of d skip locked`);
        const rows = (res as unknown as { rows: Array<{ event_id: string; type: string; payload: unknown; occurred_at: string | Date }> }).rows;
        if (rows.length === 0) return;
        for (const row of rows) {
          await consumer.handler({ id: row.event_id, type: row.type, payload: row.payload, occurredAt: new Date(row.occurred_at) });
        }
        await this.db.q
          .update(outboxDeliveries)
          .set({ status: 'done', handledAt: this.clock.now(), attempts: sql`${outboxDeliveries.attempts} + 1`, lastError: null })
          .where(and(eq(outboxDeliveries.consumer, consumerName), inArray(outboxDeliveries.eventId, rows.map((r) => r.event_id))));
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Dispatches until nothing is due (tests, shutdown). */
  async drain(maxRounds = 50): Promise<void> {
    for (let i = 0; i < maxRounds; i++) if ((await this.dispatch()) === 0) return;
  }

  private async deliver(eventId: string, consumerName: string): Promise<void> {
    const consumer = this.consumers.get(consumerName);
    if (consumer && !consumer.transactional) return this.deliverOutside(eventId, consumer);
    try {
      await this.db.transaction(async () => {
        // Lock the delivery; another worker process holding it makes us skip it.
        const rows = await this.db.q.execute(sql`
          select d.attempts, e.type, e.payload, e.occurred_at
          from outbox_deliveries d join outbox_events e on e.id = d.event_id
          where d.event_id = ${eventId} and d.consumer = ${consumerName} and d.status = 'pending'
          for update of d skip locked`);
        const row = (rows as unknown as { rows: any[] }).rows[0];
        if (!row) return;
        if (!consumer) throw new Error(`no consumer named ${consumerName} is registered`);
        await consumer.handler({
          id: eventId,
          type: row.type,
          payload: row.payload,
          occurredAt: new Date(row.occurred_at),
        });
        await this.db.q
          .update(outboxDeliveries)
          .set({ status: 'done', handledAt: this.clock.now(), attempts: row.attempts + 1, lastError: null })
          .where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumerName)));
      });
    } catch (err) {
      await this.recordFailure(eventId, consumerName, err);
    }
  }

  /** A non-transactional consumer: lease the delivery (one short statement), run, mark it done. */
  private async deliverOutside(eventId: string, consumer: Consumer): Promise<void> {
    const now = this.clock.now();
    try {
      const leased = await this.db.detached(() =>
        this.db.q
          .update(outboxDeliveries)
          .set({ nextAttemptAt: new Date(now.getTime() + consumer.leaseMs) })
          .where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumer.name), eq(outboxDeliveries.status, 'pending'), lte(outboxDeliveries.nextAttemptAt, now)))
          .returning({ attempts: outboxDeliveries.attempts }),
      );
      if (!leased.length) return; // another runner has it, or it is done
      const [event] = await this.db.q.select().from(outboxEvents).where(eq(outboxEvents.id, eventId));
      await this.db.detached(() => consumer.handler({ id: eventId, type: event.type, payload: event.payload, occurredAt: event.occurredAt }));
      await this.db.q
        .update(outboxDeliveries)
        .set({ status: 'done', handledAt: this.clock.now(), attempts: leased[0].attempts + 1, lastError: null })
        .where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumer.name)));
    } catch (err) {
      await this.recordFailure(eventId, consumer.name, err);
    }
  }

  private async recordFailure(eventId: string, consumer: string, err: unknown): Promise<void> {
    // Stored and shown to staff: without the values a failed statement carried.
    const message = safeErrorMessage(err);
    await this.db.transaction(async () => {
      const [row] = await this.db.q
        .select({ attempts: outboxDeliveries.attempts })
        .from(outboxDeliveries)
        .where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumer)));
      if (!row) return;
      const attempts = row.attempts + 1;
      await this.db.q
        .update(outboxDeliveries)
        .set({
          attempts,
          lastError: message.slice(0, 2000),
          status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
          nextAttemptAt: new Date(this.clock.now().getTime() + backoffMs(attempts)),
        })
        .where(and(eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.consumer, consumer)));
    });
  }

  /**
   * Retention (a recurring job): deletes deliveries handled before `before`, then events older than
   * it that have no delivery left — an event waiting for, or dead at, any consumer stays. Batches of
   * `batch` rows, each its own short statement, so the hot tables are never locked for long.
   */
  async prune(before: Date, batch = 5000): Promise<{ deliveries: number; events: number }> {
    const count = async (query: ReturnType<typeof sql>) => (((await this.db.q.execute(query)) as unknown as { rows: unknown[] }).rows.length);
    let deliveries = 0;
    for (let n = batch; n === batch; deliveries += n) {
      n = await count(sql`
        delete from outbox_deliveries where (event_id, consumer) in (
          select event_id, consumer from outbox_deliveries where status = 'done' and handled_at < ${before} limit ${batch})
        returning 1`);
    }
    let events = 0;
    for (let n = batch; n === batch; events += n) {
      n = await count(sql`
        delete from outbox_events where id in (
          select e.id from outbox_events e
          where e.occurred_at < ${before} and not exists (select 1 from outbox_deliveries d where d.event_id = e.id)
          limit ${batch})
        returning 1`);
    }
    return { deliveries, events };
  }

  /** Dead deliveries for staff, newest first. */
  async listDead(limit = 50, offset = 0) {
    return this.db.q
      .select({
        eventId: outboxDeliveries.eventId,
        consumer: outboxDeliveries.consumer,
        attempts: outboxDeliveries.attempts,
        lastError: outboxDeliveries.lastError,
        type: outboxEvents.type,
        payload: outboxEvents.payload,
        occurredAt: outboxEvents.occurredAt,
      })
      .from(outboxDeliveries)
      .innerJoin(outboxEvents, eq(outboxEvents.id, outboxDeliveries.eventId))
      .where(eq(outboxDeliveries.status, 'dead'))
      .orderBy(sql`${outboxEvents.occurredAt} desc`)
      .limit(limit)
      .offset(offset);
  }

  /** Puts dead deliveries back in the queue; returns how many were revived. */
  async retryDead(eventId: string, consumers?: string[]): Promise<number> {
    const where = [eq(outboxDeliveries.eventId, eventId), eq(outboxDeliveries.status, 'dead')];
    if (consumers?.length) where.push(inArray(outboxDeliveries.consumer, consumers));
    const revived = await this.db.q
      .update(outboxDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: this.clock.now() })
      .where(and(...where))
      .returning({ consumer: outboxDeliveries.consumer });
    this.db.afterCommit(() => this.wake?.());
    return revived.length;
  }
}
