#!/usr/bin/env node
// `npm test`: the property tests (vitest), then `verify --profile quick`, which fails when any
// claim's verdict differs from the verdict committed as expected. Both must pass.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`── ${[cmd, ...args].join(' ')}: exit ${r.status ?? r.signal} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
};

const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root]);
const props = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run']);
// the empirical claims are judged on the committed quick MNIST run (results/empirics/, made by
// `ascent-verify empirics --profile quick`, about 20 minutes here); tests/empirics.test.ts runs the
// whole pipeline on the smoke profile
const committedEmpirics = join(root, 'results/empirics/mnist-mlp-quick');
const verify = run(process.execPath, [join(root, 'bin/ascent-verify.js'), 'verify', '--profile', 'quick', '--out', join(root, 'out/quick'), '--empirics', existsSync(join(committedEmpirics, 'summary.json')) ? committedEmpirics : 'none']);
// the report as a reader sees it, in headless Chromium, on the report the quick profile just made
let browser = 0;
if (existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) {
  process.env.REPORT = join(root, 'out/quick/report.html');
  browser = run(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(root, 'vitest.browser.config.ts')]);
} else {
  console.log('SKIPPED: browser test of report.html — no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)');
}
const failed = [tsc && 'typecheck', props && 'property tests', verify && 'verify (moved verdicts)', browser && 'browser test of the report'].filter(Boolean);
console.log(failed.length ? `npm test FAILED: ${failed.join(', ')}` : 'npm test passed: typecheck, property tests, every verdict as expected, and the report in the browser');
process.exit(failed.length ? 1 : 0);
