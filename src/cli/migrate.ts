import type { Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/open.js';

export async function migrate(config: Config): Promise<void> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await db.migrate();
    console.log('Migrations applied.');
  } finally {
    await db.close();
  }
}
