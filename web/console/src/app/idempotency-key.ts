/**
 * A fresh Idempotency-Key: 128 random bits as hex. `crypto.getRandomValues`, not `randomUUID`: the
 * console may be opened over plain http on a LAN address, where `randomUUID` does not exist.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
