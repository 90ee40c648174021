import { PGlite } from '@electric-sql/pglite';
const db = await PGlite.create();
await db.exec(`create table t (id bigserial primary key, order_id uuid not null, at timestamptz not null, type text not null, from_status text, to_status text, actor text not null, actor_id text, data jsonb not null default '{}')`);
const N = 30000;
const lit = (v: unknown) => v === null ? 'null' : typeof v === 'number' ? String(v) : v instanceof Date ? `'${v.toISOString()}'` : `'${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/'/g, "''")}'`;
const mk = (i: number) => ['0190a0a0-0000-7000-8000-' + String(i).padStart(12, '0'), new Date(1700000000000 + i * 1000), 'pay', 'pending_payment', 'paid', 'provider', 'sandbox', { amount: i }];
const text = (i: number) => 'insert into t (order_id, at, type, from_status, to_status, actor, actor_id, data) values ' + Array.from({ length: 1000 }, (_, j) => '(' + mk(i + j).map(lit).join(',') + ')').join(',');
let cpu = process.cpuUsage(); let t = Date.now();
for (let i = 0; i < N; i += 1000) text(i);
console.log('build only', Date.now() - t, process.cpuUsage(cpu).user / 1000);
cpu = process.cpuUsage(); t = Date.now();
await db.exec('begin');
for (let i = 0; i < N; i += 1000) await db.exec(text(i));
await db.exec('commit');
console.log('exec', Date.now() - t, process.cpuUsage(cpu).user / 1000);
cpu = process.cpuUsage(); t = Date.now();
await db.transaction(async (tx) => { for (let i = 0; i < N; i += 1000) await tx.query(text(i)); });
console.log('tx.query', Date.now() - t, process.cpuUsage(cpu).user / 1000);
cpu = process.cpuUsage(); t = Date.now();
const esc = (v: unknown) => v === null ? '\\N' : v instanceof Date ? v.toISOString() : typeof v === 'string' ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' } as any)[c]) : typeof v === 'number' ? String(v) : JSON.stringify(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' } as any)[c]);
await db.transaction(async (tx) => {
  for (let i = 0; i < N; i += 10000) {
    const body = Array.from({ length: 10000 }, (_, j) => mk(i + j).map(esc).join('\t')).join('\n') + '\n';
    await tx.query(`copy t (order_id, at, type, from_status, to_status, actor, actor_id, data) from '/dev/blob'`, [], { blob: new Blob([body]) });
  }
});
console.log('copy', Date.now() - t, process.cpuUsage(cpu).user / 1000);
console.log((await db.query('select count(*) from t')).rows);
