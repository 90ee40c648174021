import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('platform: configuration', () => {
  it('has working defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, storeTimezone: 'Asia/Shanghai', dataDir: './data', databaseUrl: undefined, demoData: true, bodyLimitBytes: 1024 * 1024, pageCache: true });
    expect(loadConfig({ PORT: '', STORE_TIMEZONE: '' }).port).toBe(3000); // empty counts as unset
  });

  it.each([
    ['PORT', '99999'],
    ['PORT', 'eighty'],
    ['PORT', '-1'],
    ['STORE_TIMEZONE', 'Mars/Olympus_Mons'],
    ['STORE_TIMEZONE', 'Beijing'],
    ['DATABASE_URL', 'mysql://root@localhost/shop'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['BODY_LIMIT_BYTES', '10'],
    ['PROCESSES', '0'],
    ['PROCESSES', 'many'],
    ['PROCESSES', '2'], // embedded: one process only
    ['RETENTION_DAYS', '0'],
    ['RETENTION_DAYS', 'a week'],
  ])('throws ConfigError naming %s for %j', (name, value) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0].startsWith(`${name}: `)).toBe(true);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration:\\n  - ${name}: `));
  });

  it('names every bad variable at once, and says what a time zone must look like', () => {
    const problems = problemsOf({ PORT: '70000', STORE_TIMEZONE: 'Nowhere/Special', DATABASE_URL: 'ftp://x' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT', 'STORE_TIMEZONE']);
    expect(problems.find((p) => p.startsWith('STORE_TIMEZONE'))).toContain('IANA time zone');
  });

  it('keeps delivered events and finished jobs 7 days unless RETENTION_DAYS says otherwise', () => {
    expect(loadConfig({}).retentionDays).toBe(7);
    expect(loadConfig({ RETENTION_DAYS: '30' }).retentionDays).toBe(30);
  });

  it('accepts good values', () => {
    const c = loadConfig({ PORT: '8080', STORE_TIMEZONE: 'America/New_York', DATABASE_URL: 'postgresql://u:p@db:5432/shop' });
    expect(c).toMatchObject({ port: 8080, storeTimezone: 'America/New_York', databaseUrl: 'postgresql://u:p@db:5432/shop', demoData: false, processes: 1 });
  });

  it('starts several processes only on PostgreSQL with Redis, and `auto` means one per core there (one when embedded)', () => {
    const scale = { DATABASE_URL: 'postgres://db/shop', REDIS_URL: 'redis://cache:6379' };
    expect(loadConfig({ ...scale, PROCESSES: '3' }).processes).toBe(3);
    expect(loadConfig({ ...scale, PROCESSES: 'auto' }).processes).toBe(availableParallelism());
    expect(loadConfig({ PROCESSES: 'auto' }).processes).toBe(1);
    expect(problemsOf({ DATABASE_URL: scale.DATABASE_URL, PROCESSES: '2' })[0]).toMatch(/^PROCESSES: .*REDIS_URL/);
  });
});
