import type { Kernel } from './kernel.js';
import { BullJobTransport } from './jobs/bullmq.js';

/**
 * Runs background work in this process: outbox dispatch, due jobs and recurring jobs. Embedded, it
 * polls and is woken at once by commits; with Redis, BullMQ carries delayed jobs across worker
 * processes and fires recurring jobs at their ticks (the poll stays as a safety net). Recurring
 * jobs run on a loop of their own, so a long prune never holds up event delivery.
 */
export class BackgroundWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private bull: BullJobTransport | null = null;
  private recurringTimer: NodeJS.Timeout | null = null;
  private recurringRound: Promise<void> | null = null;
  private jobsPolledAt = -Infinity;

  constructor(
    private readonly k: Kernel,
    private readonly pollMs = 500,
    private readonly recurringPollMs = 1000,
  ) {}

  async start(): Promise<void> {
    this.k.outbox.onWake(() => this.kick());
    if (this.k.config.redisUrl) {
      this.bull = new BullJobTransport(this.k.config.redisUrl, this.k.config.redisPrefix, () => this.k.clock.now());
      this.k.jobs.setTrigger(this.bull);
      await this.bull.startWorker(this.k.jobs, () => this.tick(), this.k.recurring);
    }
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
    this.recurringTimer = setInterval(() => this.pollRecurring(), this.recurringPollMs);
    this.recurringTimer.unref();
  }

  /** Claims and runs due recurring jobs (failures are logged by Recurring and retried next tick). */
  private pollRecurring(): void {
    if (this.stopped || this.recurringRound) return;
    this.recurringRound = this.k.recurring
      .runDue()
      .then(() => undefined)
      .catch((err) => this.k.log.error({ err }, 'recurring jobs round failed'))
      .finally(() => {
        this.recurringRound = null;
      });
  }

  /** Runs a round now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .catch((err) => this.k.log.error({ err }, 'background round failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async tick(): Promise<void> {
    await this.k.outbox.dispatch();
    // Due jobs are looked for once per poll interval, not on every commit's wake: under checkout
    // load the wakes come hundreds of times a second, and a job is due minutes after it is made.
    // (In the scale shape BullMQ runs delayed jobs; polling the table here is the safety net.)
    const now = performance.now();
    if (now - this.jobsPolledAt >= this.pollMs) {
      this.jobsPolledAt = now;
      await this.k.jobs.runDue();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.recurringTimer) clearInterval(this.recurringTimer);
    await this.running;
    await this.recurringRound;
    await this.bull?.close();
  }
}
