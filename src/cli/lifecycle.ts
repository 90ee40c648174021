/** Graceful shutdown: on SIGTERM/SIGINT run the closers once, then exit. */
export function onShutdown(close: () => Promise<void>, log: (msg: string) => void = console.log): void {
  let closing = false;
  const handler = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received, shutting down…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    close()
      .then(() => process.exit(0))
      .catch((err) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => handler('SIGTERM'));
  process.on('SIGINT', () => handler('SIGINT'));
}
