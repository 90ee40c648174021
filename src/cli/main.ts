import { Command } from 'commander';
import { ConfigError, loadConfig } from '../platform/config.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { VERSION } from '../version.js';
import { serve } from './serve.js';
import { worker } from './worker.js';
import { migrate } from './migrate.js';

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

async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DataDirLockedError) {
      console.error(`\n${err.message}\n`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  }
}

await program.parseAsync();
