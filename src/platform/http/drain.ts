import type { IncomingMessage } from 'node:http';

/** How much of a refused body the server reads and throws away so its answer is seen; beyond it, the connection closes. */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Reads the rest of a request body and discards it (up to DRAIN_LIMIT_BYTES or 10 s). A client
 * that is still sending when the server answers and closes gets a broken pipe (EPIPE) instead of
 * the answer — Node's fetch does, curl does not — so a refused upload is drained first, then answered.
 */
export function drainRequest(raw: IncomingMessage, limit = DRAIN_LIMIT_BYTES, timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
  if (raw.complete || raw.destroyed || raw.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let read = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', finish);
      raw.off('error', finish);
      raw.off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > limit) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    raw.on('data', onData);
    raw.on('end', finish);
    raw.on('error', finish);
    raw.on('close', finish);
    raw.resume();
  });
}
