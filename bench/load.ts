import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** 50 connections over a rotating list of paths: a warm-up, then the measured run. */
export async function load(name: string, base: string, paths: string[], seconds = 10, connections = 50, headers?: Record<string, string>): Promise<LoadResult> {
  const requests = paths.map((path) => ({ method: 'GET' as const, path, ...(headers ? { headers } : {}) }));
  await autocannon({ url: base, connections, duration: 3, requests });
  const r = await autocannon({ url: base, connections, duration: seconds, requests });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}
