import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './index.js';
import { ROTATED_QUERIES, syntheticCatalog } from './synthetic.js';

// A sanity check that prints throughput; it asserts no speed (machines differ and are shared).
describe('performance (prints only)', () => {
  it('measures queries/second over 2,000 rotated queries on a 2,000-product catalog', () => {
    const docs = syntheticCatalog(2_000);
    const started = performance.now();
    const index = buildSearchIndex(docs);
    const buildMs = performance.now() - started;
    for (let i = 0; i < 200; i++) index.search(ROTATED_QUERIES[i % ROTATED_QUERIES.length]);
    const runs = 2_000;
    let found = 0;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) found += index.search(ROTATED_QUERIES[i % ROTATED_QUERIES.length]).total;
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `search: ${docs.length} products built in ${buildMs.toFixed(0)} ms; ` +
        `${runs} queries in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(runs / seconds)} queries/s`,
    );
    expect(index.size).toBe(2_000);
    expect(found).toBeGreaterThan(0);
  }, 60_000);
});
