import pino, { type DestinationStream, type Logger } from 'pino';

export type LogFormat = 'json' | 'pretty';

import { REDACT_PATHS, REDACTED, serializeError } from './log-redact.js';

/**
 * The process's logger. JSON lines (pino's own) for log collectors whenever stdout is not a
 * terminal or LOG_FORMAT=json; on a terminal, one short human line per entry (see prettyLine).
 */
export function createLogger(opts: { level: string; format: LogFormat }, out: { write(line: string): unknown } = process.stdout): Logger {
  // Secrets and personal data never reach a line: by field, and out of errors (see log-redact.ts).
  const options = {
    level: opts.level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
  };
  if (opts.format === 'json') return out === process.stdout ? pino(options) : pino(options, out as DestinationStream);
  return pino(options, { write: (line: string) => void out.write(prettyLine(line)) });
}

/** LOG_FORMAT, or the default: human on a terminal, JSON otherwise (a file, a pipe, a container's log). */
export function defaultLogFormat(isTTY: boolean | undefined): LogFormat {
  return isTTY ? 'pretty' : 'json';
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** Fields every pino line has, or that the message already says. */
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err', 'reqId', 'method', 'url', 'statusCode', 'responseTime']);

/**
 * One JSON line from pino → `12:04:05 WARN  message key=value …` (and the stack of an error below
 * it). A tiny formatter instead of pino-pretty: no dependency, nothing to configure.
 */
export function prettyLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toTimeString().slice(0, 8);
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !SKIP.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? (/[\s"=]/.test(value) ? JSON.stringify(value) : value) : JSON.stringify(value)}`);
  let line = `${time} ${level} ${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
  const err = entry.err as { stack?: string; message?: string } | undefined;
  if (err) line += `${(err.stack ?? err.message ?? JSON.stringify(err)).replace(/^/gm, '    ')}\n`;
  return line;
}
