// Writes `.br` and `.gz` beside every text asset of a build (JS, CSS, SVG, JSON) at brotli 11 /
// gzip 9, once per build, so @fastify/static (`preCompressed`) sends them as they are.
// Usage: tsx scripts/precompress.ts <folder>…  (run by `npm run build:storefront`)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { compressSync, MIN_COMPRESS_BYTES } from '../src/platform/http/compression.js';

const TEXT = new Set(['.js', '.mjs', '.css', '.svg', '.json', '.html', '.txt', '.xml', '.map']);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
let before = 0;
let after = 0;
for (const dir of process.argv.slice(2)) {
  for (const path of files(dir)) {
    if (!TEXT.has(extname(path))) continue;
    const body = readFileSync(path);
    if (body.length < MIN_COMPRESS_BYTES) continue;
    const br = compressSync(body, 'br', 'static');
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, compressSync(body, 'gzip', 'static'));
    count++;
    before += body.length;
    after += br.length;
  }
}
console.log(`precompressed ${count} files: ${(before / 1024).toFixed(0)} KiB → ${(after / 1024).toFixed(0)} KiB (br)`);
