// Fails CI when a required group of suites ran no test: a backend's (e.g. TEST_DATABASE_URL was
// lost on the way) or the browser's (e.g. /usr/bin/chromium missing, so the e2e project was off).
// Suites name what they need in brackets: "… [pglite]", "… [postgres]", "… [chromium]".
// Usage: node scripts/check-suites.mjs <report.json>[,<more.json>…] <tag>[,<tag>…]
import { existsSync, readFileSync } from 'node:fs';

const reports = (process.argv[2] ?? 'test-results/vitest.json').split(',');
const required = (process.argv[3] ?? 'pglite,postgres').split(',');
const counts = Object.fromEntries(required.map((b) => [b, 0]));
for (const path of reports) {
  if (!existsSync(path)) {
    console.error(`No test report at ${path}`);
    process.exit(1);
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      for (const b of required) if (t.status === 'passed' && t.ancestorTitles.some((a) => a.includes(`[${b}]`))) counts[b]++;
    }
  }
}
console.log('passed tests per suite tag:', counts);
const missing = required.filter((b) => counts[b] === 0);
if (missing.length) {
  console.error(`No test ran on: ${missing.join(', ')}`);
  process.exit(1);
}
