import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { VERSION } from '../version.js';
import { serve } from './serve.js';
import { worker } from './worker.js';
import { migrate } from './migrate.js';
import { seed } from './seed.js';
import { CommandError, resetPassword } from './admin.js';
import { DEMO_SEED, DemoDataExistsError, parseSeed } from '../demo/index.js';

const program = new Command()
  .name('shopkeeper')
  .description('Shopkeeper (掌柜) — e-commerce with the operations side built in.\nConfiguration comes from the environment (see README).')
  .version(VERSION);

program
  .command('serve')
  .description('run the HTTP server (store API, admin API) with background work in-process')
  .option('--no-worker', 'do not run background jobs and event delivery in this process (needs DATABASE_URL and a separate worker)')
  .action((opts: { worker: boolean }) => run(() => serve(loadConfig(), { worker: opts.worker })));

program
  .command('worker')
  .description('run background jobs and event delivery only (scale shape: needs DATABASE_URL)')
  .action(() => run(() => worker(loadConfig())));

program
  .command('migrate')
  .description('apply database migrations and exit')
  .action(() => run(() => migrate(loadConfig())));

program
  .command('seed')
  .description('fill an empty store with the demo shop: a catalog, shoppers and a year of orders ending today')
  .option('--scale <n>', 'multiply shoppers and orders (1 = 3,000 shoppers and 30,000 orders; 34 ≈ a million orders)', parseScale, 1)
  .option('--seed <seed>', 'a number or a word; the same seed on the same day gives the same shop', String(DEMO_SEED))
  .action((opts: { scale: number; seed: string }) => run(() => seed(loadConfig(), { scale: opts.scale, seed: parseSeed(opts.seed) })));

program
  .command('bench')
  .description('load benchmark of the API on the embedded shape (and PostgreSQL + Redis with BENCH_DATABASE_URL / BENCH_REDIS_URL); writes bench/latest.md')
  .option('--seconds <n>', 'seconds of load per endpoint', '10')
  .action((opts: { seconds: string }) => run(() => bench(opts.seconds)));

const admin = program.command('admin').description('store administration from the command line');
admin
  .command('reset-password <email>')
  .description("give a staff account a new random password (printed once) and sign it out everywhere")
  .action((email: string) => run(() => resetPassword(loadConfig(), email)));

/** The benchmark lives beside the sources (bench/) and runs in its own process, as `npm run bench` does. */
async function bench(seconds: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const script = new URL('../../bench/run.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env: { ...process.env, BENCH_SECONDS: seconds } });
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) process.exit(code);
}

function parseScale(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1000) throw new InvalidArgumentError('a number greater than 0 and at most 1000');
  return n;
}

async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DemoDataExistsError || err instanceof CommandError) {
      console.error(`\n${err.message}\n`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  }
}

await program.parseAsync();
