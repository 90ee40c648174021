import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Whether text is a UUID as PostgreSQL's uuid type reads it (8-4-4-4-12 hex digits). Decide "is this
 * an id?" with this, never with a loose pattern: `[0-9a-f-]{36}` lets `------…` reach a uuid column
 * and the database answers with an error (a 500) instead of "not found".
 */
export function isUuid(text: string): boolean {
  return UUID_TEXT.test(text);
}

const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Primary keys: UUIDv7 — time-ordered (good for indexes), unguessable enough not to enumerate. */
export function newId(): string {
  return uuidv7();
}

/**
 * A human-readable, time-ordered, not guessable order number: the store-local timestamp to the
 * second followed by six random digits, e.g. 20261125143005 482913 → "20261125143005482913".
 */
export function newOrderNumber(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const stamp = `${get('year')}${get('month')}${get('day')}${get('hour')}${get('minute')}${get('second')}`;
  return stamp + String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A short numeric code for password resets and the like. */
export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}
