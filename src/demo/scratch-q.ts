import { createKernel } from '../platform/kernel.js';
import { loadConfig } from '../platform/config.js';
import { sql } from 'drizzle-orm';
const k = await createKernel(loadConfig({ DATA_DIR: process.env.DIR!, LOG_LEVEL: 'silent' }));
const q = async (text: string) => ((await k.db.q.execute(sql.raw(text))) as any).rows;
for (const t of process.argv.slice(2)) console.log(JSON.stringify(await q(t)));
await k.db.close();
