import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * One request template whose path is the next of `paths` for whichever connection sends next: the
 * whole list in turn across all connections. (A list of templates would be walked by every
 * connection from its start, so a short run would only ever see the first paths.)
 */
function rotation(paths: string[], headers?: Record<string, string>) {
  let next = 0;
  return [{ method: 'GET' as const, ...(headers ? { headers } : {}), setupRequest: (req: autocannon.Request) => ({ ...req, path: paths[next++ % paths.length] }) }];
}

/**
 * 50 connections rotating through `paths`: every path once (the steady state of a live store, not
 * its first visit after a restart), a 3 s warm-up, then the measured run.
 */
export async function load(name: string, base: string, paths: string[], seconds = 10, connections = 50, headers?: Record<string, string>): Promise<LoadResult> {
  await autocannon({ url: base, connections: 10, amount: paths.length, requests: rotation(paths, headers) });
  await autocannon({ url: base, connections, duration: 3, requests: rotation(paths, headers) });
  const r = await autocannon({ url: base, connections, duration: seconds, requests: rotation(paths, headers) });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}
