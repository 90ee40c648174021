import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is already open in another Shopkeeper process (pid ${pid}). ` +
        `An embedded database can be opened by one process only: stop that process first, ` +
        `or set DATABASE_URL to a PostgreSQL server to run several processes (serve, worker).`,
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per embedded data folder: PGlite has no locking of its own, and two writers
 * would corrupt the files. The lock is a file holding our pid; a stale one (dead pid) is taken over.
 */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'shopkeeper.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid && alive(pid)) throw new DataDirLockedError(dir, pid); // our own pid too: opened twice here
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${dir}`);
}
