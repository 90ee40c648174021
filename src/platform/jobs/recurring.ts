import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { Clock } from '../clock.js';
import { MINUTE } from '../clock.js';
import { parseSchedule, type Every, type Schedule } from './schedule.js';
import { recurringJobs } from './schema.js';

export interface RecurringRun {
  /** The tick this run was claimed for (its scheduled time, not the time it started). */
  tick: Date;
}

export interface RecurringJob {
  /** Stable and unique, `<module>.<what>`: it keys the schedule's row. */
  name: string;
  /** A cron expression (`'0 3 * * *'`, in the store's time zone unless `timezone` says otherwise) or an interval in ms. */
  every: Every;
  /**
   * The work. It runs outside any transaction (open your own, in batches for big deletes) and must
   * be safe to run again: a run whose process dies is run again at a later tick.
   */
  run: (run: RecurringRun) => Promise<void>;
  /** How long a run may take before another process may take the job over (default 10 minutes). */
  leaseMs?: number;
  /** IANA time zone for a cron expression; the store's time zone by default. */
  timezone?: string;
}

interface Registered {
  job: RecurringJob;
  schedule: Schedule;
}

const DEFAULT_LEASE_MS = 10 * MINUTE;

/**
 * Recurring jobs: cron-like work (pruning, key expiry, later marketing and CRM schedules) that runs
 * once per tick across every process of the store. The truth is a row per job in `recurring_jobs`;
 * a process claims a tick with one conditional update (next_run_at moves to the next tick, a lease
 * is taken), so whoever calls first — the poll of any background process, or BullMQ's job scheduler
 * with Redis — runs it, and everyone else finds nothing due. The next tick is computed from the
 * time of the claim, so ticks missed while the store was down run once, not once each. A failing
 * run is logged and recorded on the row; the next tick runs it again.
 */
export class Recurring {
  private readonly jobs = new Map<string, Registered>();
  private synced: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly storeTimezone: () => string,
  ) {}

  /** Registers a job (at start, like `jobs.define`). An invalid schedule throws here. */
  register(job: RecurringJob): void {
    if (this.jobs.has(job.name)) throw new Error(`Recurring job ${job.name} is already registered`);
    this.jobs.set(job.name, { job, schedule: parseSchedule(job.every, job.timezone ?? this.storeTimezone()) });
    this.synced = null;
  }

  /** The registered jobs and their schedules (BullMQ's job schedulers are made from these). */
  list(): Array<{ name: string; schedule: Schedule }> {
    return [...this.jobs.values()].map((r) => ({ name: r.job.name, schedule: r.schedule }));
  }

  /**
   * Writes a row for every registered job that has none, and moves the next run of a job whose
   * schedule changed. Several processes may do this at once: the first row wins, the rest agree.
   */
  sync(): Promise<void> {
    this.synced ??= this.writeRows().catch((err) => {
      this.synced = null;
      throw err;
    });
    return this.synced;
  }

  private async writeRows(): Promise<void> {
    const now = this.clock.now();
    for (const { job, schedule } of this.jobs.values()) {
      await this.db.q
        .insert(recurringJobs)
        .values({ name: job.name, every: schedule.text, nextRunAt: schedule.next(now) })
        .onConflictDoUpdate({
          target: recurringJobs.name,
          set: { every: schedule.text, nextRunAt: schedule.next(now) },
          setWhere: sql`${recurringJobs.every} <> excluded.every`,
        });
    }
  }

  /** Runs every registered job that is due and not running elsewhere; returns how many ran. */
  async runDue(): Promise<number> {
    if (this.jobs.size === 0) return 0;
    await this.sync();
    const now = this.clock.now();
    const due = await this.db.q
      .select({ name: recurringJobs.name })
      .from(recurringJobs)
      .where(
        and(
          inArray(recurringJobs.name, [...this.jobs.keys()]),
          lte(recurringJobs.nextRunAt, now),
          or(isNull(recurringJobs.leaseUntil), lte(recurringJobs.leaseUntil, now)),
        ),
      );
    let ran = 0;
    for (const { name } of due) if (await this.runOne(name)) ran++;
    return ran;
  }

  /** Claims and runs the job's current tick, if it is due and nobody has it; false when there was nothing to run. */
  async runOne(name: string): Promise<boolean> {
    const registered = this.jobs.get(name);
    if (!registered) return false;
    await this.sync();
    const tick = await this.claim(registered);
    if (!tick) return false;
    let error: string | null = null;
    try {
      await registered.job.run({ tick });
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
      this.log.error({ err, job: name, tick }, 'recurring job failed; it runs again at its next tick');
    }
    await this.db.q
      .update(recurringJobs)
      .set({ leaseUntil: null, lastFinishedAt: this.clock.now(), lastError: error, ...(error ? { failures: sql`${recurringJobs.failures} + 1` } : {}) })
      .where(eq(recurringJobs.name, name));
    return true;
  }

  /**
   * One statement: lock the row if it is due and free (skipping it when another process holds the
   * lock), move it to the next tick and take the lease. Returns the tick claimed, or null.
   */
  private async claim({ job, schedule }: Registered): Promise<Date | null> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + (job.leaseMs ?? DEFAULT_LEASE_MS));
    const res = await this.db.q.execute(sql`
      with due as (
        select name, next_run_at from recurring_jobs
        where name = ${job.name} and next_run_at <= ${now} and (lease_until is null or lease_until <= ${now})
        for update skip locked)
      update recurring_jobs r
      set next_run_at = ${schedule.next(now)}, lease_until = ${leaseUntil}, last_started_at = ${now}, runs = r.runs + 1
      from due where r.name = due.name
      returning due.next_run_at as tick`);
    const row = (res as unknown as { rows: Array<{ tick: string | Date }> }).rows[0];
    return row ? new Date(row.tick) : null;
  }
}
