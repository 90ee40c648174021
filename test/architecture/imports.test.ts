import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The house rules, read from the imports (decision 0029):
 *  1. a module reaches another only through its `index.ts` (src/modules/<b>/index.ts);
 *  2. the web apps reach the server's code only through src/web-contract.ts (browser-safe
 *     contracts) — and the storefront's server files (`*.server.ts`, `entry.server.tsx`) also through
 *     the platform's HTTP helpers they share with the API (CSP, cookies, UTM attribution);
 *  3. nothing under a `logic/` folder does I/O: no database, network, file system, clock or
 *     randomness — neither by import nor by `Date.now()`, `new Date()` or `Math.random()`.
 * Exceptions are named below with their reason; one that no longer occurs fails the test too.
 */
const ROOT = resolve(__dirname, '../..');
const SRC = join(ROOT, 'src');

const EXCEPTIONS: Array<{ from: string; to: string; why: string }> = [
  {
    from: 'src/modules/orders/views.ts',
    to: 'src/modules/after-sales/views',
    why: "the console's order detail embeds the refunds' view schema; through after-sales/index.ts it would load after-sales' service, which imports orders: a cycle",
  },
  {
    from: 'src/modules/orders/views.ts',
    to: 'src/modules/fulfilment/views',
    why: "the console's order detail embeds the shipments' view schema; fulfilment/index.ts imports orders: the same cycle",
  },
  {
    from: 'src/modules/after-sales/logic/plan.test.ts',
    to: 'src/modules/pricing/logic/test-fixtures',
    why: 'the refund plan is tested on quotes built with the pricing tests’ own fixtures (test code, not a dependency)',
  },
];

const IO_MODULES = [/^node:(fs|net|http|https|child_process|dgram|dns|tls|worker_threads|crypto)/, /^(fs|net|http|https|child_process|crypto)$/, /^drizzle-orm/, /^pg$/, /^@electric-sql\/pglite/, /^ioredis$/, /^bullmq$/, /^fastify/];
const IO_FILES = [/src\/platform\/db\//, /src\/platform\/clock\.ts$/, /src\/platform\/ids\.ts$/, /src\/modules\/[^/]+\/(service|schema|routes[^/]*)\.ts$/];

function files(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export interface Violation {
  file: string;
  target: string;
  rule: string;
}

/** The specifier resolved to a repository path (without extension), or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return spec;
  return relative(ROOT, resolve(dirname(file), spec)).split(sep).join('/').replace(/\.(js|ts|tsx)$/, '');
}

/** What one file breaks. `source` is its text; `file` its path from the repository root. */
export function check(file: string, source: string): Violation[] {
  const found: Violation[] = [];
  const abs = join(ROOT, file);
  const imports = ts.preProcessFile(source, true, true).importedFiles.map((i) => i.fileName);
  const own = /^src\/modules\/([^/]+)\//.exec(file)?.[1];
  for (const spec of imports) {
    const to = target(abs, spec);
    const other = /^src\/modules\/([^/]+)(\/(.*))?$/.exec(to);
    if (own && other && other[1] !== own && other[3] !== 'index' && other[3] !== undefined) {
      found.push({ file, target: to, rule: 'modules reach each other through index.ts' });
    }
    if (file.startsWith('web/') && to.startsWith('src/') && to !== 'src/web-contract') {
      const serverFile = /(\.server\.tsx?$|entry\.server\.tsx$)/.test(file);
      if (!(serverFile && /^src\/platform\/(http\/(csp|cookies)|settings\/store-timezone|attribution)$/.test(to))) {
        found.push({ file, target: to, rule: 'web apps reach the server through src/web-contract.ts' });
      }
    }
    if (/\/logic\//.test(file) && !/\.test\.ts$/.test(file)) {
      if (IO_MODULES.some((r) => r.test(to)) || IO_FILES.some((r) => r.test(`${to}.ts`))) found.push({ file, target: to, rule: 'logic/ does no I/O' });
    }
  }
  if (/\/logic\//.test(file) && !/\.test\.ts$/.test(file)) {
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node) => {
      const text = n.getText(sf);
      if (ts.isCallExpression(n) && /^(Date\.now|Math\.random)$/.test(n.expression.getText(sf))) found.push({ file, target: text, rule: 'logic/ reads no clock or randomness' });
      if (ts.isNewExpression(n) && n.expression.getText(sf) === 'Date' && (n.arguments?.length ?? 0) === 0) found.push({ file, target: text, rule: 'logic/ reads no clock or randomness' });
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

describe('architecture: imports keep the house rules', () => {
  it('finds a violation of each rule in made-up files (the checker works)', () => {
    expect(check('src/modules/cart/service.ts', "import { orders } from '../orders/schema.js';").map((v) => v.rule)).toEqual(['modules reach each other through index.ts']);
    expect(check('src/modules/cart/service.ts', "import { OrderService } from '../orders/index.js';")).toEqual([]);
    expect(check('web/console/src/x.tsx', "import { thumbnailUrl } from '../../../src/modules/media/renditions';").map((v) => v.rule)).toEqual(['web apps reach the server through src/web-contract.ts']);
    expect(check('src/modules/pricing/logic/x.ts', "import { sql } from 'drizzle-orm';\nconst t = Date.now(); const r = Math.random(); const d = new Date();").map((v) => v.rule)).toEqual([
      'logic/ does no I/O',
      'logic/ reads no clock or randomness',
      'logic/ reads no clock or randomness',
      'logic/ reads no clock or randomness',
    ]);
    expect(check('src/modules/pricing/logic/x.ts', "const d = new Date('2026-01-01'); export const f = (now: Date) => now;")).toEqual([]);
  });

  it('holds across src/ and web/, apart from the named exceptions', () => {
    const all = [...files(SRC), ...files(join(ROOT, 'web'))].map((f) => relative(ROOT, f).split(sep).join('/'));
    const violations = all.flatMap((f) => check(f, readFileSync(join(ROOT, f), 'utf8')));
    const excused = (v: Violation) => EXCEPTIONS.some((e) => e.from === v.file && e.to === v.target);
    expect(violations.filter((v) => !excused(v))).toEqual([]);
    const unused = EXCEPTIONS.filter((e) => !violations.some((v) => v.file === e.from && v.target === e.to));
    expect(unused).toEqual([]);
  });
});
