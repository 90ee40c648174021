/**
 * A store process for the recurring-jobs tests: the kernel and background worker of `shopkeeper
 * worker`, with one test job that prints `RAN <tick> <pid> <started ms>` each time it runs.
 * Environment: the usual configuration, plus RECURRING_TEST_JOB, RECURRING_TEST_EVERY_MS,
 * RECURRING_TEST_POLL_MS and RECURRING_TEST_WORK_MS (how long a run takes).
 */
import { loadConfig } from '../../src/platform/config.js';
import { createKernel } from '../../src/platform/kernel.js';
import { BackgroundWorker } from '../../src/platform/worker-loop.js';
import { onShutdown } from '../../src/cli/lifecycle.js';

const env = process.env;
const k = await createKernel(loadConfig(env));
k.recurring.register({
  name: env.RECURRING_TEST_JOB!,
  every: Number(env.RECURRING_TEST_EVERY_MS),
  run: async ({ tick }) => {
    const started = Date.now();
    await new Promise((r) => setTimeout(r, Number(env.RECURRING_TEST_WORK_MS ?? 0)));
    console.log(`RAN ${tick.toISOString()} ${process.pid} ${started}`);
  },
});
const bg = new BackgroundWorker(k, 500, Number(env.RECURRING_TEST_POLL_MS ?? 1000));
await bg.start();
onShutdown(async () => {
  await bg.stop();
  await k.cache.close();
  await k.db.close();
});
console.log('READY');
