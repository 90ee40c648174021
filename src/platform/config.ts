import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { defaultLogFormat, type LogFormat } from './log.js';

/**
 * Environment → typed configuration, validated once at start.
 * A bad value stops the process with a message naming the variable, not a stack trace later.
 */
const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_PREFIX: z.string().regex(/^[\w:.-]{1,64}$/).default('shopkeeper'),
  PUBLIC_URL: z.url().optional(),
  STORE_TIMEZONE: z
    .string()
    .default('Asia/Shanghai')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Shanghai'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PAYMENT_SANDBOX_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  PAYMENT_SANDBOX: bool.optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  DEMO_DATA: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  UNPAID_TIMEOUT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(30),
  AUTO_CONFIRM_DAYS: z.coerce.number().int().min(1).max(90).default(10),
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  PAGE_CACHE: bool.optional(),
  PROCESSES: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** Namespaces queues and channels, so several stores (or test runs) can share one Redis. */
  redisPrefix: string;
  /**
   * The store's own absolute address, for links that must be absolute (sitemap, canonical, e-mail,
   * payment callbacks). PUBLIC_URL, or `http://localhost:$PORT` when it is unset.
   */
  publicUrl: string;
  /**
   * Whether PUBLIC_URL was set. When it was not, nothing a browser follows is built from publicUrl:
   * redirects and pay-page addresses stay relative, so a store opened at 127.0.0.1, a LAN address or
   * a domain keeps the shopper on that host (and its cookies).
   */
  publicUrlSet: boolean;
  storeTimezone: string;
  sessionSecret?: string;
  paymentSandboxSecret?: string;
  /** The sandbox payment provider is on unless in production, where it must be enabled explicitly. */
  paymentSandboxEnabled: boolean;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  logLevel: string;
  /** LOG_FORMAT; by default human lines on a terminal, JSON when stdout is a file or a pipe. */
  logFormat: LogFormat;
  unpaidTimeoutMinutes: number;
  autoConfirmDays: number;
  /** Days delivered outbox events and finished jobs are kept before the daily prune deletes them. */
  retentionDays: number;
  bodyLimitBytes: number;
  /** Anonymous storefront pages from the page cache (on by default; off to see template edits at once, or to measure rendering). */
  pageCache: boolean;
  /**
   * HTTP server processes `serve` starts on one port (node:cluster); `auto` = one per core where the
   * shape allows it, else one. More than one needs DATABASE_URL (the embedded database lives in one
   * process) and REDIS_URL (how processes tell each other which cached answers an edit made stale).
   */
  processes: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const processes = e.PROCESSES !== 'auto' ? e.PROCESSES : e.DATABASE_URL && e.REDIS_URL ? availableParallelism() : 1;
  if (processes > 1 && (!e.DATABASE_URL || !e.REDIS_URL)) {
    throw new ConfigError([
      `PROCESSES: ${processes} processes need DATABASE_URL and REDIS_URL (the embedded database lives in one process; Redis carries cache invalidations between them)`,
    ]);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    storeTimezone: e.STORE_TIMEZONE,
    sessionSecret: e.SESSION_SECRET,
    paymentSandboxSecret: e.PAYMENT_SANDBOX_SECRET,
    paymentSandboxEnabled: e.PAYMENT_SANDBOX ?? e.NODE_ENV !== 'production',
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    demoData: e.DEMO_DATA ?? !e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? defaultLogFormat(process.stdout.isTTY),
    unpaidTimeoutMinutes: e.UNPAID_TIMEOUT_MINUTES,
    autoConfirmDays: e.AUTO_CONFIRM_DAYS,
    retentionDays: e.RETENTION_DAYS,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    pageCache: e.PAGE_CACHE ?? true,
    processes,
  };
}
