import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Jobs, JobTrigger } from './jobs.js';
import type { Recurring } from './recurring.js';

const QUEUE = 'shopkeeper-jobs';
/** BullMQ job-scheduler ids of recurring jobs: `recurring:<name>`. */
const RECURRING = 'recurring:';

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
  async startWorker(jobs: Jobs, sweep: () => Promise<void>, recurring?: Recurring, sweepEveryMs = 15_000): Promise<void> {
    await this.queue.upsertJobScheduler('sweep', { every: sweepEveryMs }, { name: 'sweep' });
    if (recurring) await this.scheduleRecurring(recurring);
    this.worker = new Worker(
      QUEUE,
      async (job) => {
        if (job.name === 'sweep') await sweep();
        else if (job.name === 'recurring') await recurring?.runOne(job.data.name);
        else await jobs.runOne(job.data.jobId);
      },
      { prefix: this.prefix, connection: new Redis(this.redisUrl, { maxRetriesPerRequest: null }), concurrency: 4 },
    );
    this.worker.on('error', () => {});
  }

  /**
   * One BullMQ job scheduler per recurring job: Redis holds one schedule per id however many
   * processes upsert it, and hands each tick to one worker. The tick is still claimed in the
   * database (Recurring.runOne), so a tick also reached by a poll runs once. Schedulers of jobs
   * no longer registered are removed.
   */
  private async scheduleRecurring(recurring: Recurring): Promise<void> {
    const wanted = new Set<string>();
    for (const { name, schedule } of recurring.list()) {
      wanted.add(RECURRING + name);
      await this.queue.upsertJobScheduler(RECURRING + name, schedule.repeat, {
        name: 'recurring',
        data: { name },
        opts: { removeOnComplete: true, removeOnFail: 100 },
      });
    }
    for (const s of await this.queue.getJobSchedulers()) {
      if (s.key.startsWith(RECURRING) && !wanted.has(s.key)) await this.queue.removeJobScheduler(s.key);
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
