import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describeEachBackend, startTestApp, type TestApp } from '../support/harness.js';
import { registerShopper, type Shopper } from '../support/customers.js';
import { loggableUrl, scrubMessage, serializeError, statementName } from '../../src/platform/log-redact.js';
import { createLogger, prettyLine } from '../../src/platform/log.js';

const EMAIL = 'leaky.person@example.com';
const MOBILE = '13912345678';
const PASSWORD = 'Hunter2-very-secret';
const DETAIL = '科技园南路 88 号 7 栋 1201';

/** A database that refuses writes to one table: the failure is PostgreSQL's own, on both shapes. */
async function refuseWrites(t: TestApp, table: string) {
  await t.k.db.q.execute(sql.raw(`create or replace function sk_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test trigger'; end $$`));
  await t.k.db.q.execute(sql.raw(`create trigger sk_test_refuse before insert or update on ${table} for each row execute function sk_test_refuse()`));
}
async function allowWrites(t: TestApp, table: string) {
  await t.k.db.q.execute(sql.raw(`drop trigger if exists sk_test_refuse on ${table}`));
}

describeEachBackend('logs carry no secrets or personal data', (backend) => {
  let t: TestApp;
  let shopper: Shopper;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(backend, { LOG_LEVEL: 'info', LOG_FORMAT: 'json' }, { logOutput: { write: (line: string) => lines.push(line) } });
    shopper = await registerShopper(t);
  });
  afterAll(() => t?.close());

  const logged = () => lines.join('');
  const errorEntries = () => lines.map((l) => JSON.parse(l)).filter((e) => e.level >= 50);

  it('a failed registration logs the SQL state and the statement, not the e-mail, mobile or password (hash)', async () => {
    await refuseWrites(t, 'customers');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/store/auth/register?email=${encodeURIComponent(EMAIL)}`,
        payload: { email: EMAIL, mobile: MOBILE, password: PASSWORD, name: '泄露测试' },
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await allowWrites(t, 'customers');
    }
    const [entry] = errorEntries();
    expect(entry.err).toMatchObject({ code: 'P0001', statement: 'insert customers' });
    expect(entry.err.message).toBe('Failed query: insert customers');
    expect(entry.err.cause.message).toContain('refused by test trigger');
    const text = logged();
    for (const secret of [EMAIL, MOBILE, PASSWORD, 'scrypt$', 'params:']) expect(text, secret).not.toContain(secret);
    // The request line still says which operation it was.
    expect(text).toContain('"url":"/api/store/auth/register?email=…"');
  });

  it('a failed address write logs neither the phone number nor the address', async () => {
    lines.length = 0;
    await refuseWrites(t, 'customer_addresses');
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/store/me/addresses',
        headers: shopper.auth,
        payload: { recipientName: '李四', mobile: MOBILE, provinceCode: '44', cityCode: '4403', districtCode: '440305', detail: DETAIL },
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await allowWrites(t, 'customer_addresses');
    }
    expect(errorEntries()[0].err).toMatchObject({ code: 'P0001', statement: 'insert customer_addresses' });
    const text = logged();
    for (const secret of [MOBILE, DETAIL, '李四', shopper.token]) expect(text, secret).not.toContain(secret);
  });
});

describe('log redaction, piece by piece', () => {
  const failed = new DrizzleQueryError(
    'insert into "customers" ("id", "email", "password_hash") values ($1, $2, $3)',
    ['0b3c6a4e-6f7d-4a63-9a55-1f2e3d4c5b6a', EMAIL, 'scrypt$16384$8$1$c2FsdA$aGFzaA'],
    Object.assign(new Error('duplicate key value violates unique constraint "customers_email_unique"'), {
      code: '23505',
      constraint: 'customers_email_unique',
      table: 'customers',
      detail: `Key (email)=(${EMAIL}) already exists.`,
    }),
  );

  it('keeps the code, constraint, table and statement of a database error, and drops its values, stack included', () => {
    const out = JSON.stringify(serializeError(failed));
    expect(out).toContain('"statement":"insert customers"');
    expect(out).toContain('"code":"23505"');
    expect(out).toContain('customers_email_unique');
    expect(out).not.toContain(EMAIL);
    expect(out).not.toContain('scrypt$');
    expect(out).not.toContain('Key (email)');
  });

  it('redacts by field wherever a caller logs an object, in both log formats', () => {
    for (const format of ['json', 'pretty'] as const) {
      const out: string[] = [];
      const log = createLogger({ level: 'info', format }, { write: (l: string) => out.push(l) });
      log.error({ err: failed, row: { email: EMAIL, mobile: MOBILE, password: PASSWORD }, token: 'skc_abc' }, 'bulk ship: row failed');
      const text = out.join('');
      for (const secret of [EMAIL, MOBILE, PASSWORD, 'skc_abc', 'scrypt$']) expect(text, `${format} ${secret}`).not.toContain(secret);
      expect(text).toContain('bulk ship: row failed');
    }
    expect(prettyLine('not json')).toBe('not json\n');
  });

  it('names statements and scrubs values PostgreSQL quotes in its messages', () => {
    expect(statementName('update "customer_addresses" set "mobile" = $1 where id = $2')).toBe('update customer_addresses');
    expect(statementName('delete from "carts" where "id" = $1')).toBe('delete carts');
    expect(statementName('select "id" from "orders" where "number" = $1')).toBe('select orders');
    expect(scrubMessage('invalid input syntax for type uuid: "13912345678"')).not.toContain('13912345678');
    expect(scrubMessage(`mail to ${EMAIL} bounced`)).not.toContain(EMAIL);
    expect(scrubMessage('boom')).toBe('boom');
    expect(loggableUrl('/api/admin/customers?q=13912345678&limit=20')).toBe('/api/admin/customers?q=…&limit=…');
    expect(loggableUrl('/healthz')).toBe('/healthz');
  });
});
