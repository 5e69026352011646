#!/usr/bin/env node
// `npm test`: typecheck, the property tests (vitest), `verify --profile quick` (fails when any
// claim's verdict or key number moved from properties/expected.json), the README's verdict table
// against the results, and the report in headless Chromium. Every stage has a wall-clock limit:
// vitest cannot time out synchronous code, so a hung iteration would otherwise hang `npm test`;
// here its stage is killed (with its whole process group) and named.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules/tsx/dist/cli.mjs');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');

/** Runs one stage; resolves to its exit status, or 124 when it overran `limitS` seconds. */
function run(name, args, limitS, env = process.env) {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env, detached: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.log(`\n── ${name}: TIMED OUT after ${limitS} s (the stage's wall-clock limit); killing it`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
    }, limitS * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const status = timedOut ? 124 : (code ?? 1);
      console.log(`── ${name}: exit ${timedOut ? `124 (timed out at ${limitS} s)` : (code ?? signal)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      done(status);
    });
  });
}

const stages = [];
stages.push(['typecheck', await run('typecheck', [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], 300)]);
stages.push(['property tests', await run('property tests', [vitest, 'run'], 900)]);
// the empirical claims are judged on the committed n100 MNIST run (results/empirics/, made by
// `ascent-verify empirics --profile n100`, under 2 hours here; its margins are not committed, its
// summary with bootstrap replicates is); tests/empirics.test.ts runs the whole pipeline on the smoke profile
const committedEmpirics = join(root, 'results/empirics/mnist-mlp-n100');
const out = join(root, 'out/quick');
stages.push(['verify (moved verdicts or key numbers)', await run('verify', [join(root, 'bin/ascent-verify.js'), 'verify', '--profile', 'quick', '--out', out, '--empirics', existsSync(join(committedEmpirics, 'summary.json')) ? committedEmpirics : 'none'], 600)]);
if (existsSync(join(out, 'results.json'))) stages.push(['README verdict table', await run('README verdict table', [tsx, join(root, 'scripts/readme-table.ts'), join(out, 'results.json'), '--check'], 120)]);
else stages.push(['README verdict table (no results.json to check against)', 1]);
// the report as a reader sees it, in headless Chromium, on the report the quick profile just made
let browserChecked = false;
if (existsSync(process.env.CHROMIUM ?? '/usr/bin/chromium')) {
  browserChecked = true;
  stages.push(['browser test of the report', await run('browser test of report.html', [vitest, 'run', '--config', join(root, 'vitest.browser.config.ts')], 300, { ...process.env, REPORT: join(out, 'report.html') })]);
} else {
  console.log('SKIPPED: browser test of report.html — no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)');
}
const failed = stages.filter(([, s]) => s !== 0).map(([n]) => n);
console.log(failed.length
  ? `npm test FAILED: ${failed.join(', ')}`
  : `npm test passed: typecheck, property tests, every verdict and key number as expected, the README table${browserChecked ? ', and the report in the browser' : ' (the browser check was SKIPPED: no Chromium)'}`);
process.exit(failed.length ? 1 : 0);
