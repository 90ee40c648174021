import { networkInterfaces } from 'node:os';
import type { Config } from '../platform/config.js';
import type { FirstAdmin } from '../modules/staff/index.js';
import { sandboxStatus } from '../modules/payments/index.js';

/** The address the server is listening on, as `listen` reported it. */
export interface Bound {
  host: string;
  port: number;
}

const WILDCARD = new Set(['0.0.0.0', '::', '[::]', '']);

const hostForUrl = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);

/**
 * Where a person on this machine opens the store: PUBLIC_URL when set, else the host and port
 * actually bound (`localhost` when listening on every interface).
 */
export function siteUrl(config: Config, bound: Bound): string {
  if (config.publicUrlSet) return config.publicUrl;
  return `http://${WILDCARD.has(bound.host) ? 'localhost' : hostForUrl(bound.host)}:${bound.port}`;
}

/** Other addresses of this machine the store answers at, when it listens on every interface (phones on the LAN). */
export function lanUrls(bound: Bound, interfaces = networkInterfaces()): string[] {
  if (!WILDCARD.has(bound.host)) return [];
  const urls: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${bound.port}`);
  }
  return urls.slice(0, 3);
}

export function readyBanner(config: Config, bound: Bound, started: number, processes: number): string {
  const shape = config.databaseUrl ? `PostgreSQL${config.redisUrl ? ' + Redis' : ''}` : `embedded (${config.dataDir})`;
  const site = siteUrl(config, bound);
  const lan = config.publicUrlSet ? [] : lanUrls(bound);
  return (
    `\nShopkeeper ${shape} ready in ${((Date.now() - started) / 1000).toFixed(1)} s${processes > 1 ? ` (${processes} processes)` : ''}\n` +
    `  Storefront  ${site}/\n` +
    (lan.length ? `              ${lan.map((u) => `${u}/`).join('  ')}  (this machine on the network)\n` : '') +
    `  Console     ${site}/admin\n` +
    `  Store API   ${site}/api/store\n` +
    `  Admin API   ${site}/api/admin\n` +
    `  API docs    ${site}/api/docs\n` +
    (config.publicUrlSet
      ? ''
      : `  PUBLIC_URL  not set: pages and redirects stay on whatever address you browse at; the sitemap,\n` +
        `              canonical links and e-mails say ${config.publicUrl}. Set PUBLIC_URL to the address shoppers use.\n`) +
    sandboxLines(config)
  );
}

/**
 * The sandbox payment provider marks orders paid with no money: said on every start while it is
 * on, and as a warning when the store is at a public address (docs/decisions/0026). Only the
 * sandbox exists today; a real provider's adapter adds itself to the check in PaymentService.
 */
export function sandboxLines(config: Config): string {
  const status = sandboxStatus({ enabled: config.paymentSandboxEnabled, publicUrl: config.publicUrlSet ? config.publicUrl : undefined, providers: ['sandbox'] });
  if (!status.enabled) return '';
  if (!status.exposures.length) return `  Payments    sandbox: orders are paid with no money (PAYMENT_SANDBOX=0 turns it off)\n`;
  return (
    `\n  WARNING     sandbox payments are on at a public address (${config.publicUrl}):\n` +
    `              anyone with an account can mark their orders paid with no money.\n` +
    `              Set PAYMENT_SANDBOX=0 before taking real orders.\n`
  );
}

/**
 * The console sign-in, framed so it can be found again in a scrolled terminal; printed last.
 * A generated password is shown only here, once.
 */
export function adminBlock(admin: FirstAdmin, consoleUrl: string): string {
  if (!admin.created || !admin.email) return '';
  const lines = admin.password
    ? [
        'Console sign-in (the password is shown only this once: keep it)',
        `  ${consoleUrl}`,
        `  ${admin.email}  /  ${admin.password}`,
        `Lost it? npx shopkeeper admin reset-password ${admin.email}`,
      ]
    : ['Console sign-in', `  ${consoleUrl}`, `  ${admin.email}  /  the password in ADMIN_PASSWORD`];
  return frame(lines);
}

/** Lines in a box of their own width (ASCII content; box-drawing characters around it). */
export function frame(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return `\n┌${bar}┐\n${lines.map((l) => `│ ${l.padEnd(width)} │`).join('\n')}\n└${bar}┘\n`;
}
