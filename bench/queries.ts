/**
 * At least 500 distinct search queries drawn from the catalog's own words, Chinese and English:
 * whole titles' words, two-word combinations and prefixes, so the cache cannot hide the engine.
 */
export async function searchQueries(base: string, wanted = 600): Promise<string[]> {
  const words = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await fetch(`${base}/api/store/products?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { items: Array<{ title: { 'zh-CN': string; en: string } }>; nextCursor: string | null };
    for (const p of page.items) {
      for (const w of p.title.en.toLowerCase().split(/[^a-z0-9]+/)) if (w.length >= 3) words.add(w);
      for (const w of p.title['zh-CN'].split(/[\s\p{P}]+/u)) if (w.length >= 2) words.add(w);
      const zh = p.title['zh-CN'].replace(/[\s\p{P}a-zA-Z0-9]+/gu, '');
      for (let i = 0; i + 2 <= zh.length; i += 2) words.add(zh.slice(i, i + 2));
    }
    cursor = page.nextCursor;
  } while (cursor);
  const list = [...words];
  const queries = new Set<string>(list);
  for (let i = 0; queries.size < wanted && i < list.length * 4; i++) {
    const a = list[(i * 7) % list.length];
    const b = list[(i * 13 + 5) % list.length];
    queries.add(i % 3 === 0 ? a.slice(0, Math.max(2, a.length - 2)) : `${a} ${b}`);
  }
  return [...queries].slice(0, Math.max(wanted, 500));
}
