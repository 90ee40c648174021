import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import { backoffMs, MAX_ATTEMPTS } from '../outbox/outbox.js';
import { scheduledJobs } from './schema.js';

export type JobHandler = (payload: any) => Promise<void>;

/** Something that can wake job runners when a job is scheduled (BullMQ in the scale shape). */
export interface JobTrigger {
  scheduled(jobId: string, runAt: Date): void;
}

/**
 * Delayed jobs. `schedule` writes a row in the caller's transaction; runners execute due rows,
 * each in its own transaction with the row locked (SKIP LOCKED, so several worker processes
 * share the work). Handlers must be idempotent: they re-check state (an order already paid is
 * not cancelled by its timeout).
 */
export class Jobs {
  private readonly handlers = new Map<string, JobHandler>();
  private trigger: JobTrigger | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  define(name: string, handler: JobHandler): void {
    if (this.handlers.has(name)) throw new Error(`Job ${name} is already defined`);
    this.handlers.set(name, handler);
  }

  setTrigger(trigger: JobTrigger): void {
    this.trigger = trigger;
  }

  async schedule(name: string, payload: object, runAt: Date, key: string): Promise<void> {
    if (!this.handlers.has(name)) throw new Error(`Job ${name} is not defined`);
    const id = newId();
    const inserted = await this.db.q
      .insert(scheduledJobs)
      .values({ id, name, key, payload, runAt, status: 'pending' })
      .onConflictDoNothing({ target: scheduledJobs.key })
      .returning({ id: scheduledJobs.id });
    if (inserted.length) this.db.afterCommit(() => this.trigger?.scheduled(id, runAt));
  }

  /** Cancels a pending job by key (e.g. the unpaid timeout of an order that was paid). */
  async cancel(key: string): Promise<void> {
    await this.db.q
      .update(scheduledJobs)
      .set({ status: 'done', finishedAt: this.clock.now(), lastError: 'cancelled' })
      .where(and(eq(scheduledJobs.key, key), eq(scheduledJobs.status, 'pending')));
  }

  /** Retention (a recurring job): deletes jobs finished (done or cancelled) before `before`, in batches; dead jobs stay. */
  async prune(before: Date, batch = 5000): Promise<number> {
    let total = 0;
    for (let n = batch; n === batch; total += n) {
      const res = await this.db.q.execute(sql`
        delete from scheduled_jobs where id in (
          select id from scheduled_jobs where status = 'done' and finished_at < ${before} limit ${batch})
        returning 1`);
      n = (res as unknown as { rows: unknown[] }).rows.length;
    }
    return total;
  }

  /** Runs every job due by the clock; returns how many ran. */
  async runDue(limit = 100): Promise<number> {
    const due = await this.db.q
      .select({ id: scheduledJobs.id })
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.status, 'pending'), lte(scheduledJobs.runAt, this.clock.now())))
      .orderBy(asc(scheduledJobs.runAt))
      .limit(limit);
    for (const { id } of due) await this.runOne(id);
    return due.length;
  }

  /** Runs one job if it is still pending and due (called by runDue and by the BullMQ worker). */
  async runOne(id: string): Promise<void> {
    try {
      await this.db.transaction(async () => {
        const res = await this.db.q.execute(sql`
          select name, payload, attempts from scheduled_jobs
          where id = ${id} and status = 'pending' and run_at <= ${this.clock.now()}
          for update skip locked`);
        const job = (res as unknown as { rows: any[] }).rows[0];
        if (!job) return;
        const handler = this.handlers.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name}`);
        await handler(job.payload);
        await this.db.q
          .update(scheduledJobs)
          .set({ status: 'done', finishedAt: this.clock.now(), attempts: job.attempts + 1 })
          .where(eq(scheduledJobs.id, id));
      });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await this.db.transaction(async () => {
        const [row] = await this.db.q.select({ attempts: scheduledJobs.attempts }).from(scheduledJobs).where(eq(scheduledJobs.id, id));
        if (!row) return;
        const attempts = row.attempts + 1;
        await this.db.q
          .update(scheduledJobs)
          .set({
            attempts,
            lastError: message.slice(0, 2000),
            status: attempts >= MAX_ATTEMPTS ? 'dead' : 'pending',
            runAt: new Date(this.clock.now().getTime() + backoffMs(attempts)),
          })
          .where(eq(scheduledJobs.id, id));
      });
    }
  }
}
