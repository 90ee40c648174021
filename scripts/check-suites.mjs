// Fails CI when a backend's suites ran no test (e.g. TEST_DATABASE_URL was lost on the way).
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? 'test-results/vitest.json', 'utf8'));
const required = (process.argv[3] ?? 'pglite,postgres').split(',');
const counts = Object.fromEntries(required.map((b) => [b, 0]));
for (const file of report.testResults) {
  for (const t of file.assertionResults) {
    for (const b of required) if (t.status === 'passed' && t.ancestorTitles.some((a) => a.includes(`[${b}]`))) counts[b]++;
  }
}
console.log('passed tests per backend:', counts);
const missing = required.filter((b) => counts[b] === 0);
if (missing.length) {
  console.error(`No test ran on: ${missing.join(', ')}`);
  process.exit(1);
}
