/**
 * Writes (default) or checks (--check) README.md's verdict table from a results.json:
 *   npx tsx scripts/readme-table.ts out/quick/results.json [--check]
 * --check exits 1 naming every row where README, properties/expected.json and the results differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadExpectations } from '../properties/expected.ts';
import { tableVerdicts, verdictTable, withTable } from '../reports/verdictTable.ts';
import type { Results } from '../reports/results.ts';

const ROOT = resolve(import.meta.dirname, '..');
const [resultsPath, flag] = process.argv.slice(2);
if (!resultsPath || (flag !== undefined && flag !== '--check')) {
  console.error('usage: npx tsx scripts/readme-table.ts RESULTS.json [--check]');
  process.exit(2);
}
const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as Results;
const readmePath = join(ROOT, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const generated = withTable(readme, verdictTable(results.claims));
if (flag !== '--check') {
  writeFileSync(readmePath, generated);
  console.log(`README.md: verdict table of ${results.claims.length} claims written from ${resultsPath}`);
  process.exit(0);
}
const problems: string[] = [];
const readmeVerdicts = tableVerdicts(readme);
const expected = loadExpectations().claims;
for (const c of results.claims) {
  const inReadme = readmeVerdicts.get(c.id);
  if (inReadme !== c.verdict) problems.push(`${c.id}: README says ${inReadme ?? '(no row)'}, results say ${c.verdict}`);
  if (expected[c.id]?.verdict !== c.verdict) problems.push(`${c.id}: properties/expected.json says ${expected[c.id]?.verdict ?? '(none)'}, results say ${c.verdict}`);
}
for (const id of readmeVerdicts.keys()) if (!results.claims.some((c) => c.id === id)) problems.push(`${id}: in README but not in the results`);
if (problems.length === 0 && generated !== readme) problems.push('README\'s verdict table differs from the one generated from the results (a summary changed): run `npx tsx scripts/readme-table.ts out/quick/results.json`');
for (const p of problems) console.error(`README table: ${p}`);
console.log(problems.length ? `README table: ${problems.length} disagreement(s)` : `README table: ${results.claims.length} rows agree with properties/expected.json and ${resultsPath}`);
process.exit(problems.length ? 1 : 0);
