/**
 * What may not reach a log line (docs/decisions/0026): secrets (passwords and their hashes, tokens,
 * cookies) and personal data (e-mail, phone, names, addresses). Two layers:
 *  - by field: pino's `redact` paths for the names these values go by, wherever a caller logs an object;
 *  - errors: a serializer that keeps an error's type, code, SQL state, table and constraint and the
 *    statement's verb and table, and drops what a database error carries of the row — drizzle's
 *    `params` (also spelt out in its message), the driver's `detail` ("Key (email)=(…) already
 *    exists"), the query's values in PGlite's error, and values PostgreSQL quotes in a message.
 */

const SECRET_FIELDS = ['password', 'passwordHash', 'newPassword', 'currentPassword', 'token', 'csrfToken', 'secret', 'authorization', 'cookie'];
// Not `name`: jobs, events and routes go by names too.
const PERSONAL_FIELDS = ['email', 'mobile', 'phone', 'recipient', 'address', 'detail', 'identifier'];
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...[...SECRET_FIELDS, ...PERSONAL_FIELDS].flatMap((f) => [f, `*.${f}`]),
];
export const REDACTED = '[redacted]';

/** Fields of an error that name things, never hold a row's values. */
const SAFE_ERROR_FIELDS = ['code', 'statusCode', 'severity', 'schema', 'table', 'column', 'constraint', 'dataType', 'routine'] as const;

/** `insert into "customers" (...)` → `insert customers`: which statement failed, not what it carried. */
export function statementName(query: unknown): string | undefined {
  if (typeof query !== 'string') return undefined;
  const q = query.replace(/\s+/g, ' ').trim();
  const m =
    /^(insert) into "?([\w.]+)"?/i.exec(q) ??
    /^(update) "?([\w.]+)"?/i.exec(q) ??
    /^(delete) from "?([\w.]+)"?/i.exec(q) ??
    /^(select)\b.*? from "?([\w.]+)"?/i.exec(q) ??
    /^(\w+)/.exec(q);
  return m ? [m[1].toLowerCase(), m[2]].filter(Boolean).join(' ') : undefined;
}

/** A message with anything that looks like a value taken out. */
export function scrubMessage(message: string): string {
  return message
    .replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]')
    .replace(/((?:: |value |key |\()\s*)"[^"]*"/gi, `$1"${REDACTED}"`)
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, `($1)=(${REDACTED})`)
    .replace(/[^\s@"'(),;:<>]+@[^\s@"'(),;:<>]+\.[a-z]{2,}/gi, REDACTED)
    .replace(/\$?scrypt\$[^\s,"']+/g, REDACTED)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, REDACTED);
}

interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  statement?: string;
  cause?: SerializedError;
  [field: string]: unknown;
}

/** pino's `err` serializer, without the values a failed statement carried. */
export function serializeError(err: unknown, depth = 0): unknown {
  if (!err || typeof err !== 'object' || typeof (err as Error).message !== 'string') return err;
  const e = err as Error & Record<string, unknown>;
  const type = e.constructor?.name && e.constructor.name !== 'Object' ? e.constructor.name : (e.name ?? 'Error');
  const statement = statementName(e.query);
  // Drizzle's message is "Failed query: <sql>\nparams: <values>": the statement's name says enough.
  const message = statement && /^Failed query:/.test(e.message) ? `Failed query: ${statement}` : scrubMessage(e.message);
  const out: SerializedError = { type, message };
  if (statement) out.statement = statement;
  // Drizzle wraps the driver's error: its SQL state and names are on the cause; say them up front.
  const driver = e.cause && typeof e.cause === 'object' ? (e.cause as Record<string, unknown>) : {};
  for (const f of SAFE_ERROR_FIELDS) {
    const v = e[f] ?? (statement ? driver[f] : undefined);
    if (typeof v === 'string' || typeof v === 'number') out[f] = v;
  }
  if (typeof e.stack === 'string') {
    const frames = e.stack.split('\n').filter((l) => /^\s+at /.test(l));
    out.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (e.cause && depth < 5) out.cause = serializeError(e.cause, depth + 1) as SerializedError;
  return out;
}

/** A URL for the request log: the path, and the query's parameter names with their values left out. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=', 1)[0]);
  return `${url.slice(0, q)}?${names.map((n) => `${n}=…`).join('&')}`;
}

/** An error's message as it may be stored or shown (a job's or an event delivery's last error). */
export function safeErrorMessage(err: unknown): string {
  const s = serializeError(err);
  return s && typeof s === 'object' && 'message' in s ? String((s as SerializedError).message) : scrubMessage(String(err));
}
