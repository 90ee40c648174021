import DataLoader from 'dataloader';
import type { Database } from './db/database.js';

/**
 * Lookups by key that arrive together become one statement (DataLoader, no caching of its own):
 * a crowd's first requests — fifty sessions, fifty address books — cost one query, not fifty. While
 * one batch is being read, the keys that arrive wait for it and go together in the next (on PGlite's
 * single connection a second statement would only queue behind the first anyway), so the busier the
 * store, the larger the batches.
 *
 * Inside a transaction the key is read at once, in it (a batch read elsewhere would wait on the
 * connection that transaction holds).
 */
export function coalesced<K extends string, V>(db: Database, loadMany: (keys: readonly K[]) => Promise<Map<K, V>>, maxBatchSize = 500): (key: K) => Promise<V | undefined> {
  let reading: Promise<unknown> | null = null;
  const loader = new DataLoader<K, V | undefined>(
    async (keys) => {
      const read = db.detached(() => loadMany(keys));
      const mine = read.catch(() => undefined);
      reading = mine;
      try {
        const found = await read;
        return keys.map((k) => found.get(k));
      } finally {
        if (reading === mine) reading = null;
      }
    },
    {
      cache: false,
      maxBatchSize,
      batchScheduleFn: (dispatch) => {
        if (reading) void reading.then(dispatch);
        else setImmediate(dispatch);
      },
    },
  );
  return async (key) => {
    if (db.inTransaction) return (await loadMany([key])).get(key);
    return loader.load(key);
  };
}
