import type { Kernel } from './kernel.js';
import { BullJobTransport } from './jobs/bullmq.js';

/**
 * Runs background work in this process: outbox dispatch and due jobs. Embedded, it polls and is
 * woken at once by commits; with Redis, BullMQ carries delayed jobs across worker processes.
 */
export class BackgroundWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private bull: BullJobTransport | null = null;

  constructor(
    private readonly k: Kernel,
    private readonly pollMs = 500,
  ) {}

  async start(): Promise<void> {
    this.k.outbox.onWake(() => this.kick());
    if (this.k.config.redisUrl) {
      this.bull = new BullJobTransport(this.k.config.redisUrl, this.k.config.redisPrefix, () => this.k.clock.now());
      this.k.jobs.setTrigger(this.bull);
      await this.bull.startWorker(this.k.jobs, () => this.tick());
    }
    this.timer = setInterval(() => this.kick(), this.pollMs);
    this.timer.unref();
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
    // In the scale shape BullMQ runs delayed jobs; polling the table here is the safety net.
    await this.k.jobs.runDue();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.bull?.close();
  }
}
