import { randomInt } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Primary keys: UUIDv7 — time-ordered (good for indexes), unguessable enough not to enumerate. */
export function newId(): string {
  return uuidv7();
}

/** A short numeric code for password resets and the like. */
export function newNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}
