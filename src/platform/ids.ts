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

/** A short numeric code for password resets and the like. */
export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}
