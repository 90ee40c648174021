import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './index.js';
import { ROTATED_QUERIES, syntheticCatalog } from './synthetic.js';

/** Wall-clock and on-CPU time of `work`, in seconds (CPU time is steadier on a shared machine). */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  work();
  const cpu = process.cpuUsage(cpu0);
  return { wall: (performance.now() - wall0) / 1000, cpu: (cpu.user + cpu.system) / 1e6 };
}

// A sanity check that prints throughput; it asserts no speed (machines differ and are shared).
describe('performance (prints only)', () => {
  it('measures queries/second over 2,000 rotated queries on a 2,000-product catalog', () => {
    const docs = syntheticCatalog(2_000);
    let index = buildSearchIndex([]);
    const build = timed(() => {
      index = buildSearchIndex(docs);
    });
    for (let i = 0; i < 200; i++) index.search(ROTATED_QUERIES[i % ROTATED_QUERIES.length]);
    const runs = 2_000;
    let found = 0;
    const search = timed(() => {
      for (let i = 0; i < runs; i++) found += index.search(ROTATED_QUERIES[i % ROTATED_QUERIES.length]).total;
    });
    console.log(
      `search: ${docs.length} products built in ${(build.wall * 1000).toFixed(0)} ms (CPU ${(build.cpu * 1000).toFixed(0)} ms); ` +
        `${runs} queries: ${Math.round(runs / search.wall)} queries/s wall-clock, ${Math.round(runs / search.cpu)} queries/s of CPU time`,
    );
    expect(index.size).toBe(2_000);
    expect(found).toBeGreaterThan(0);
  }, 60_000);
});
