/**
 * Commits measured key numbers (and, with --verdicts, verdicts) from a results.json made under the
 * committed conditions into properties/expected.json, for the claims named:
 *   npx tsx scripts/update-expected.ts out/quick/results.json L2.closed-form[,…] [--verdicts]
 * A moved verdict is a finding: commit it only with its evidence in the commit message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXPECTED_PATH, loadExpectations } from '../properties/expected.ts';
import type { Results } from '../reports/results.ts';

const [resultsPath, idList, ...rest] = process.argv.slice(2);
if (!resultsPath || !idList) {
  console.error('usage: npx tsx scripts/update-expected.ts RESULTS.json ID[,ID…]|all [--verdicts]');
  process.exit(2);
}
const results = JSON.parse(readFileSync(resultsPath, 'utf8')) as Results;
const exp = loadExpectations();
if (results.seed !== exp.conditions.seed || results.profile !== exp.conditions.profile) {
  console.error(`${resultsPath} was made with seed ${results.seed}, profile ${results.profile}; expected.json is committed for seed ${exp.conditions.seed}, profile ${exp.conditions.profile}`);
  process.exit(2);
}
const ids = idList === 'all' ? results.claims.map((c) => c.id) : idList.split(',');
for (const id of ids) {
  const rec = results.claims.find((c) => c.id === id);
  if (!rec) {
    console.error(`${id} is not in ${resultsPath}`);
    process.exit(2);
  }
  const old = exp.claims[id] ?? { verdict: rec.verdict, key: {} };
  exp.claims[id] = { ...old, verdict: rest.includes('--verdicts') ? rec.verdict : old.verdict, key: rec.keyNumbers };
  console.log(`${id}: ${JSON.stringify(rec.keyNumbers)}${rest.includes('--verdicts') ? ` verdict ${rec.verdict}` : ''}`);
}
writeFileSync(fileURLToPath(EXPECTED_PATH), `${JSON.stringify(exp, null, 1)}\n`);
