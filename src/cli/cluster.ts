import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../platform/config.js';
import { onShutdown } from './lifecycle.js';

/** Which of a cluster's processes this is (0 outside a cluster). */
const INDEX_ENV = 'SHOPKEEPER_PROCESS_INDEX';

export function clusterIndex(): number {
  return Number(process.env[INDEX_ENV] ?? 0);
}

/** More deaths than this within a minute stop the server: restarting will not fix what kills them. */
const MAX_DEATHS_PER_MINUTE = 5;

/**
 * `PROCESSES=n` (scale shape): the primary prepares the store once — migrations, defaults, the demo
 * shop, the first admin — then forks n processes that each run the whole HTTP server on the same
 * port (node:cluster hands out connections round-robin). They share PostgreSQL, and Redis carries
 * each cache invalidation to all of them. The first also runs background work unless `--no-worker`
 * (see serve.ts). A process that dies is replaced.
 */
export async function serveCluster(
  config: Config,
  hooks: { prepare: (config: Config) => Promise<string>; banner: (config: Config, started: number, processes: number) => string },
): Promise<void> {
  const started = Date.now();
  const notes = await hooks.prepare(config);
  const workers: Worker[] = [];
  const deaths: number[] = [];
  let ready = false;
  let stopping = false;

  const stopAll = async () => {
    stopping = true;
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
  };

  const fork = (index: number): Promise<void> =>
    new Promise((resolve, reject) => {
      // Forked with the primary's arguments, so `serve --no-worker` holds in every process.
      const w = cluster.fork({ [INDEX_ENV]: String(index) });
      workers[index] = w;
      let listening = false;
      w.once('listening', () => {
        listening = true;
        resolve();
      });
      w.once('exit', (code, signal) => {
        if (stopping) return;
        // A first process that never came up stops the start; one that was serving is replaced even
        // while its sibling is still starting (connections already reach it: /readyz answers).
        if (!ready && !listening) return reject(new Error(`server process ${index} exited (${signal ?? code}) before it was ready`));
        const now = Date.now();
        deaths.push(now);
        while (deaths.length && now - deaths[0] > 60_000) deaths.shift();
        if (deaths.length > MAX_DEATHS_PER_MINUTE) {
          console.error(`Server processes died ${deaths.length} times in a minute; stopping.`);
          void stopAll().then(() => process.exit(1));
          return;
        }
        console.error(`Server process ${index} exited (${signal ?? code}); starting another.`);
        fork(index).catch((err) => console.error(err));
      });
    });

  try {
    await Promise.all(Array.from({ length: config.processes }, (_, i) => fork(i)));
  } catch (err) {
    await stopAll();
    throw err;
  }
  ready = true;
  onShutdown(stopAll);
  console.log(hooks.banner(config, started, config.processes) + notes);
}
