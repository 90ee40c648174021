import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Jobs, JobTrigger } from './jobs.js';

const QUEUE = 'shopkeeper-jobs';

/**
 * The scale shape's job transport: BullMQ delays and distributes job runs across worker
 * processes; the `scheduled_jobs` table stays the transactional record of what must run.
 * A recurring "sweep" also runs whatever is due, so a job whose BullMQ entry was lost
 * (crash between commit and enqueue) still runs.
 */
export class BullJobTransport implements JobTrigger {
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly now: () => Date,
  ) {
    this.queue = new Queue(QUEUE, { prefix, connection: new Redis(redisUrl, { maxRetriesPerRequest: null }) });
  }

  scheduled(jobId: string, runAt: Date): void {
    const delay = Math.max(0, runAt.getTime() - this.now().getTime());
    void this.queue.add('run', { jobId }, { jobId, delay, removeOnComplete: true, removeOnFail: 1000 }).catch(() => {});
  }

  /** Starts consuming (in `worker` and `serve` processes). */
  async startWorker(jobs: Jobs, sweep: () => Promise<void>, sweepEveryMs = 15_000): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: sweepEveryMs }, { name: 'sweep' });
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        if (job.name === 'sweep') await sweep();
        else await jobs.runOne(job.data.jobId);
      },
      { prefix: this.prefix, connection: new Redis(this.redisUrl, { maxRetriesPerRequest: null }), concurrency: 4 },
    );
    this.worker.on('error', () => {});
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
