/**
 * The CLI contract (design.md): one JSON document with --json, one-line errors with exit code 2
 * for bad input and nothing written, results.json with every claim id exactly once.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../cli/main.ts';
import { checkOutDir, writeRunDir } from '../empirics/io/stagedDir.ts';

const ROOT = resolve(import.meta.dirname, '..');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('bad input: one line naming the argument and the allowed range, exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['non-numeric z', ['lambertw', 'abc'], /z must be a finite decimal number/],
    ['z below −1/e', ['lambertw', '-0.5'], /below the branch point/],
    ['W−1 at z ≥ 0', ['lambertw', '0.5', '--branch', '-1'], /W−1 is defined only for −1\/e ≤ z < 0/],
    ['unknown branch', ['lambertw', '1', '--branch', '2'], /--branch must be one of 0, -1/],
    ['digits too small', ['lambertw', '1', '--digits', '9'], /--digits must be an integer in \[10, 1000\]/],
    ['digits too large', ['lambertw', '1', '--digits', '1001'], /--digits must be an integer in \[10, 1000\]/],
    ['digits not an integer', ['lambertw', '1', '--digits', '12.5'], /--digits must be an integer/],
    ['|R| not a positive integer', ['solve1d', '--R', '0', '--F', '1', '--Rj', '1', '--alpha', '0', '--lambda', '1'], /--R must be a positive integer/],
    ['|F| fractional', ['solve1d', '--R', '10', '--F', '1.5', '--Rj', '1', '--alpha', '0', '--lambda', '1'], /--F must be a positive integer/],
    ['|R_j| > |R|', ['solve1d', '--R', '10', '--F', '5', '--Rj', '11', '--alpha', '0', '--lambda', '1'], /--Rj must be a positive integer ≤ \|R\| = 10/],
    ['λ ≤ 0', ['solve1d', '--R', '10', '--F', '5', '--Rj', '3', '--alpha', '0', '--lambda', '0'], /--lambda must be a number in \[1e-1000, 1e1000\], got "0"/],
    ['α < 0', ['solve1d', '--R', '10', '--F', '5', '--Rj', '3', '--alpha', '-0.1', '--lambda', '1'], /--alpha must be a number in \{0\} ∪ \[1e-300, 1e12\], got "-0.1"/],
    ['α|R_j| > |F|', ['solve1d', '--R', '10', '--F', '5', '--Rj', '3', '--alpha', '2', '--lambda', '1'], /α·\|R_j\| ≤ \|F\|/],
    ['missing argument', ['solve1d', '--R', '10', '--F', '5', '--Rj', '3', '--alpha', '1'], /--lambda is required/],
    ['unknown option', ['solve1d', '--R', '10', '--bogus', '1'], /unknown option --bogus/],
    ['unknown profile', ['verify', '--profile', 'huge'], /--profile must be one of quick, full/],
    ['bad seed', ['verify', '--seed', 'x'], /--seed must be an integer/],
    ['unknown claim id', ['verify', '--claims', 'L99.nope'], /unknown: L99.nope/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['unknown benchmark', ['bench', 'nope'], /bench needs one of: lambertw, sim/],
    ['ε outside (0, 1)', ['solve2d', '--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.01', '--lambda', '0.01', '--eps', '1'], /--eps must be a number in \[1e-9, 1 − 1e-12\], got "1"/],
    ['2-D α < 0', ['solve2d', '--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '-1', '--lambda', '0.01', '--eps', '0.5'], /--alpha must be a number in \{0\}/],
    ['2-D λ ≤ 0', ['solve2d', '--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.1', '--lambda', '-2', '--eps', '0.5'], /--lambda must be a number in \[1e-12, 1e12\], got "-2"/],
    ['bad ε grid', ['figure4', '--R', '1000', '--F', '100', '--Rij', '50', '--lambda', '0.01', '--eps-grid', '0.5:1.5:3'], /--eps-grid max must be a number in \[1e-9, 1 − 1e-12\]/],
    ['unknown objective', ['simulate', '--objective', 'XX', '--batch', '10', '--steps', '10', '--eta', '1'], /--objective must be one of D, R, DA, DA-iterative/],
    ['unknown loss', ['simulate', '--objective', 'DA', '--loss', 'hinge', '--batch', '10', '--steps', '10', '--eta', '1'], /--loss must be one of exponential, logistic/],
    ['batch not a positive integer', ['simulate', '--objective', 'DA', '--batch', '0', '--steps', '10', '--eta', '1'], /--batch must be an integer in \[1, 67108864\], got "0"/],
    ['steps not an integer', ['simulate', '--objective', 'DA', '--batch', '10', '--steps', '1.5', '--eta', '1'], /--steps must be an integer in \[1, 4294967295\], got "1.5"/],
    ['simulation η ≤ 0', ['simulate', '--objective', 'DA', '--batch', '10', '--steps', '10', '--eta', '0'], /--eta must be a number in \[1e-12, 1e12\], got "0"/],
    ['2-D simulation with the logistic loss', ['simulate', '--setting', '2d', '--objective', 'DA', '--loss', 'logistic', '--batch', '10', '--steps', '10', '--eta', '1'], /--setting 2d needs --loss exponential/],
    ['unknown simulation backend', ['simulate', '--objective', 'DA', '--batch', '10', '--steps', '10', '--eta', '1', '--backend', 'cuda'], /--backend must be one of auto, webgpu, cpu-workers, cpu/],
    ['η ≤ 0', ['iterate', '--R', '1000', '--F', '100', '--Rj', '50', '--alpha', '0.12', '--lambda', '0.01', '--eta', '0'], /--eta must be a number in \[1e-12, 1e12\] with η·λ < 1, got "0"/],
    ['η·λ ≥ 1', ['iterate', '--R', '1000', '--F', '100', '--Rj', '50', '--alpha', '0.12', '--lambda', '0.01', '--eta', '100'], /η·λ < 1/],
    ['η too large for any stable fixed point', ['iterate', '--R', '48376', '--F', '19518', '--Rj', '893', '--alpha', '6.06704874297', '--lambda', '0.00003342009195737641', '--eta', '0.1'], /too large: the two-step map has no stable fixed point/],
  ];
  for (const [what, argv, message] of cases) {
    it(`${what}: ${argv.join(' ')}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }

  it('a batch file with a bad line is rejected whole, naming the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-batch-'));
    const f = join(dir, 'b.jsonl');
    writeFileSync(f, '{"R":10,"F":5,"Rj":3,"alpha":0.5,"lambda":1}\n{"R":10,"F":5,"Rj":3,"alpha":-1,"lambda":1}\n');
    const r = await run(['solve1d', '--batch', f]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--batch line 2: --alpha must be a number in \{0\}/);
  });

  it('klom: unreadable, malformed and mismatched margins files are one-line errors naming the flag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-klom-'));
    const put = (name: string, body: string): string => (writeFileSync(join(dir, name), body), join(dir, name));
    const good = put('good.json', JSON.stringify({ margins: [[1, 2, 3], [2, 3, 4]] }));
    const cases: [string[], RegExp][] = [
      [['--oracle', join(dir, 'missing.json'), '--unlearned', good], /--oracle ".*missing.json" cannot be read \(ENOENT\)/],
      [['--oracle', good, '--unlearned', put('notjson.json', '{margins')], /--unlearned ".*" is not JSON; expected \{"margins": number\[models\]\[samples\]\}/],
      [['--oracle', good, '--unlearned', put('ragged.json', '{"margins": [[1, 2, 3], [1, 2]]}')], /margins\[1\] has 2 samples, margins\[0\] has 3/],
      [['--oracle', good, '--unlearned', put('nan.json', '{"margins": [[1, "x", 3]]}')], /margins\[0\]\[1\] must be a finite number, got "x"/],
      [['--oracle', good, '--unlearned', put('two.json', '{"margins": [[1, 2]]}')], /--oracle has 3 samples per model, --unlearned 2/],
      [['--oracle', good], /--unlearned/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(['klom', ...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });

  it('an unknown toy link in the assumptions is a one-line error listing the known links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-assume-'));
    const a = JSON.parse(readFileSync(join(ROOT, 'assumptions.json'), 'utf8'));
    a.toy52.link = 'softsign';
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    const r = await run(['verify', '--assumptions', join(dir, 'a.json'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/"toy52.link" must be one of all, logistic, tanh-half, printed-shifted, got "softsign"/);
  });

  it('an invalid assumptions file is rejected before anything runs, and nothing is written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-assume-'));
    const f = join(dir, 'a.json');
    const a = JSON.parse(readFileSync(join(ROOT, 'assumptions.json'), 'utf8'));
    a.precision.digits = 5;
    writeFileSync(f, JSON.stringify(a));
    const out = join(dir, 'out');
    const r = await run(['verify', '--assumptions', f, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/"precision.digits" must be an integer in \[10, 1000\], got 5/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('output contract', () => {
  it('lambertw with several z and --json prints one JSON array', async () => {
    const r = await run(['lambertw', '1', '-0.2', '100', '--json', '--digits', '20']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { z: string; value: string; digits: number; branch: number }[];
    expect(rows.map((x) => x.z)).toEqual(['1', '-0.2', '100']);
    expect(rows[0]!.value.startsWith('0.5671432904097838')).toBe(true);
    expect(rows.every((x) => x.digits === 20 && x.branch === 0)).toBe(true);
  });

  it('solve1d --json returns the closed forms with kinds, and --batch a JSON array', async () => {
    const r = await run(['solve1d', '--R', '1000', '--F', '250', '--Rj', '40', '--alpha', '0.3', '--lambda', '0.05', '--json']);
    const s = JSON.parse(r.out);
    expect(s.case).toBe(2);
    expect(s.stationaryDA.map((p: { branch: number; kind: string }) => [p.branch, p.kind])).toEqual([[0, 'min'], [-1, 'max']]);
    expect(s.wDA).toBe(s.stationaryDA[0].w);
    const dir = mkdtempSync(join(tmpdir(), 'av-batch-'));
    const f = join(dir, 'b.jsonl');
    writeFileSync(f, '{"R":1000,"F":250,"Rj":40,"alpha":0.3,"lambda":0.05}\n\n{"R":1000,"F":250,"Rj":40,"alpha":"0.01","lambda":"0.05","digits":20}\n');
    const b = JSON.parse((await run(['solve1d', '--batch', f])).out);
    expect(b).toHaveLength(2);
    expect(b[0].wDA).toBe(s.wDA);
    expect(b[1].case).toBe(1);
  });

  it('iterate --json reports {fixedPoint, converged, steps, stable}', async () => {
    const r = await run(['iterate', '--R', '1000', '--F', '100', '--Rj', '50', '--alpha', '0.12', '--lambda', '0.01', '--eta', '0.1', '--json']);
    const o = JSON.parse(r.out);
    expect(o.converged).toBe(true);
    expect(o.stable).toBe(true);
    expect(o.fixedPoint).toBeCloseTo(-3.2695526521, 8);
    expect(o.steps).toBeGreaterThan(0);
  });

  it('solve2d --json gives D, R, DA with kinds, and null DA past the fold', async () => {
    const a = JSON.parse((await run(['solve2d', '--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.01', '--lambda', '0.01', '--eps', '0.3', '--json'])).out);
    expect([a.D.kind, a.R.kind, a.DA.kind]).toEqual(['min', 'min', 'min']);
    expect(a.daMinimumExists).toBe(true);
    const b = JSON.parse((await run(['solve2d', '--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.5', '--lambda', '0.01', '--eps', '0.3', '--json'])).out);
    expect(b.DA).toBeNull();
    expect(Number(b.foldAlpha)).toBeGreaterThan(0.017); // a decimal string, as every arbitrary-precision number
    expect(Number(b.foldAlpha)).toBeLessThan(0.0178);
  });

  it('klom --json: one document with per-sample KLoM and its p95; identical model sets give 0 everywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-klom-'));
    const o = join(dir, 'o.json'), u = join(dir, 'u.json');
    writeFileSync(o, JSON.stringify({ margins: [[0, 5], [1, 5], [2, 6], [3, 6]] }));
    writeFileSync(u, JSON.stringify({ margins: [[0, 9], [1, 9]] }));
    const same = JSON.parse((await run(['klom', '--oracle', o, '--unlearned', o, '--json'])).out);
    expect(same.klom).toEqual([0, 0]);
    expect(same.p95).toBe(0);
    const r = JSON.parse((await run(['klom', '--oracle', o, '--unlearned', u, '--json'])).out);
    expect(r.samples).toBe(2);
    expect(r.models).toEqual({ oracle: 4, unlearned: 2 });
    // sample 0: u's margins 0 and 1 fall in bins whose oracle mass is 1/4 each: KL = log 2;
    // sample 1: both unlearned margins sit at 9 (top bin, no oracle mass): KL = log(1/1e−5)
    expect(r.klom[0]).toBeCloseTo(Math.log(2), 14);
    expect(r.klom[1]).toBeCloseTo(Math.log(1e5), 12);
    expect(r.p95).toBeCloseTo(Math.log(2) + 0.95 * (Math.log(1e5) - Math.log(2)), 12);
  });

  it('the installed bin exits 2 with a one-line error for bad input (real process)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/ascent-verify.js'), 'solve1d', '--R', '-3'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('claim registry and results.json', () => {
  it('verify writes results.json (schema of design.md) and report.md; a moved verdict exits 1 naming the claim', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-verify-'));
    // |R_j| = |R| always: case 2 is out of reach, so L3.case2-branches cannot be decided and its verdict moves
    const a = JSON.parse(readFileSync(join(ROOT, 'assumptions.json'), 'utf8'));
    a.setting1d.Rj.minFractionOfR = 1;
    a.profiles.quick.runs = 5;
    const f = join(dir, 'a.json');
    writeFileSync(f, JSON.stringify(a));
    const out = join(dir, 'out');
    const r = await run(['verify', '--assumptions', f, '--out', out, '--claims', 'L3.case2-branches,L4.distance-growth', '--seed', '3']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/MOVED L3.case2-branches: expected refuted, got inconclusive/);
    expect(r.err).toMatch(/claims: 1 passed, 1 failed/);
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(Object.keys(res).sort()).toEqual(['assumptions', 'claims', 'durationMs', 'profile', 'seed', 'startedAt', 'tool'].sort());
    expect(res.seed).toBe(3);
    expect(res.tool.name).toBe('ascent-verify');
    for (const c of res.claims) {
      for (const k of ['id', 'paperRef', 'statement', 'dependsOn', 'verdict', 'expected', 'casesTried', 'casesInScope', 'counterexample', 'evidence', 'summary', 'notes', 'keyNumbers', 'keyMoves', 'compared']) expect(c).toHaveProperty(k);
    }
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/<a id="L3.case2-branches"><\/a>/);
    expect(md).toMatch(/`setting1d.Rj.minFractionOfR` = 1/);
    expect(readdirSync(out).filter((x) => x.endsWith('.tmp'))).toEqual([]);
  });
});

describe('issue 14: edges, parsing, help, run directories', () => {
  const R1 = ['--R', '1000', '--F', '250', '--Rj', '40', '--alpha', '0.3'];
  const R2 = ['--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.01'];
  const refusals: [string, string[], RegExp][] = [
    ['subnormal λ (2-D)', ['solve2d', ...R2, '--lambda', '1e-320', '--eps', '0.3'], /--lambda must be a number in \[1e-12, 1e12\], got "1e-320"/],
    ['λ past float64 (iterate)', ['iterate', ...R1, '--lambda', '1e400', '--eta', '0.1'], /--lambda must be a number in \[1e-12, 1e12\], got "1e400"/],
    ['λ beyond the decimal range', ['solve1d', ...R1, '--lambda', '1e99999999999999999'], /--lambda must be a number in \[1e-1000, 1e1000\]/],
    ['NaN', ['solve1d', ...R1, '--lambda', 'NaN'], /--lambda must be .* got "NaN"/],
    ['empty value', ['solve1d', ...R1, '--lambda', ''], /--lambda must be .* got ""/],
    ['ε rounding to 1 in float64', ['solve2d', ...R2, '--lambda', '0.01', '--eps', '0.9999999999999999999'], /--eps must be a number in \[1e-9, 1 − 1e-12\]/],
    ['digits past the guarded limit', ['solve1d', ...R1, '--lambda', '0.05', '--digits', '1000'], /--digits must be an integer in \[10, 990\], got "1000"/],
    ['stray positional', ['solve1d', ...R1, '--lambda', '0.05', 'extra'], /unexpected argument "extra"/],
    ['unknown flag in last position', ['solve1d', ...R1, '--lambda', '0.05', '--lamda'], /unknown option --lamda; did you mean --lambda\?/],
    ['a flag where a value belongs', ['solve1d', '--R', '--F', '3'], /--R needs a value/],
    ['boolean with a value that is not true/false', ['lambertw', '1', '--json=yes'], /--json takes no value \(or =true \/ =false\)/],
    ['help for an unknown command', ['help', 'frob'], /no help for unknown command "frob"/],
  ];
  for (const [what, argv, message] of refusals) {
    it(`${what}: exit 2, one line`, async () => {
      const r = await run(argv);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    });
  }

  it('--digits 1000 is answered by lambertw, the top of its range', async () => {
    const r = await run(['lambertw', '1', '--digits', '1000', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).value).toHaveLength(1002); // "0." + 1000 digits
  });

  it('extreme λ in the decimal 1-D solve: Lemma 3 is decided on signs, not read as true because the product is tiny', async () => {
    // at λ = 1e308: w_D = 4.16e-310 > w_R = 4e-310 > 0 > w_DA = -8e-311, so (w_DA − w_D)(w_D − w_R) < 0
    const r = await run(['solve1d', ...R1, '--lambda', '1e308', '--json']);
    const s = JSON.parse(r.out);
    expect([s.wD, s.wR, s.wDA]).toEqual(['4.16e-310', '4e-310', '-8e-311']);
    expect(s.lemma3).toBe(false);
    // at α = |F|/|R| (w_D = w_R) it holds at any λ
    const b = JSON.parse((await run(['solve1d', '--R', '1000', '--F', '250', '--Rj', '40', '--alpha', '0.25', '--lambda', '1e308', '--json'])).out);
    expect(b.lemma3).toBe(true);
  });

  it('-0 is 0, and no output carries a non-finite number (Δ_RDA is null where DA has no minimum)', async () => {
    const r = await run(['solve1d', '--R', '1000', '--F', '250', '--Rj', '40', '--alpha', '-0', '--lambda', '0.05', '--json']);
    expect(JSON.parse(r.out).input.alpha).toBe('0');
    const c3 = await run(['solve1d', ...R1.slice(0, 6), '--alpha', '6', '--lambda', '0.05', '--json']);
    expect(JSON.parse(c3.out).deltaRDA).toBeNull();
    expect(c3.out).not.toMatch(/Infinity|NaN/);
  });

  it('solve2d text prints every coordinate in full (4.98e-14 is not cut to 4.98)', async () => {
    const r = await run(['solve2d', ...R2, '--lambda', '1e12', '--eps', '0.3']);
    expect(r.code).toBe(0);
    const j = JSON.parse((await run(['solve2d', ...R2, '--lambda', '1e12', '--eps', '0.3', '--json'])).out);
    expect(r.out).toContain(`x = ${j.D.x}, y = ${j.D.y}`);
    expect(Number(j.D.x)).toBeLessThan(1e-13);
  });

  it('valid input the mathematics cannot answer: one "not converged" line, exit 3', async () => {
    const r = await run(['solve2d', ...R2, '--lambda', '0.01', '--eps', '1e-9']);
    expect(r.code).toBe(3);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/solve2d: not converged: L_DA/);
  });

  it('help COMMAND and COMMAND --help (anywhere) print usage, flags with ranges, an example and the exit codes; --version', async () => {
    const a = await run(['help', 'solve2d']);
    const b = await run(['solve2d', '--R', '5', '--help']);
    expect(a.code).toBe(0);
    expect(b.out).toBe(a.out);
    for (const part of [/^usage: ascent-verify solve2d/, /--eps e +feature overlap ε: a number in \[1e-9, 1 − 1e-12\]/, /example: ascent-verify solve2d/, /3 valid input the mathematics could not answer/]) expect(a.out).toMatch(part);
    const v = await run(['--version']);
    expect(v.out.trim()).toMatch(/^ascent-verify \d+\.\d+\.\d+$/);
  });

  it('--json=false is text, --json=true is JSON', async () => {
    expect((await run(['lambertw', '1', '--json=false'])).out).toMatch(/^W0\(1\) = /);
    expect(JSON.parse((await run(['lambertw', '1', '--json=true'])).out).z).toBe('1');
  });

  it('batch files: a UTF-8 BOM is accepted; numbers keep their exact text (1e-400 is not 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-bom-'));
    const f = join(dir, 'b.jsonl');
    writeFileSync(f, '\uFEFF{"R":1000,"F":250,"Rj":40,"alpha":0.3,"lambda":1e-400}\r\n');
    const r = await run(['solve1d', '--batch', f]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)[0].input.lambda).toBe('1e-400');
    writeFileSync(f, '{"R":1000,"F":250,"Rj":40,"alpha":1e-400,"lambda":1}\n');
    expect((await run(['solve1d', '--batch', f])).err).toMatch(/--batch line 1: --alpha must be a number in \{0\} ∪ \[1e-300, 1e12\], got "1e-400"/);
    writeFileSync(f, '{"R":1000,"F":250,"Rj":40,"alpha":true,"lambda":1}\n');
    expect((await run(['solve1d', '--batch', f])).err).toMatch(/alpha must be a number or a decimal string, got true/);
  });

  it('an assumptions file with an unknown key is refused with the nearest valid key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-assume-'));
    const a = JSON.parse(readFileSync(join(ROOT, 'assumptions.json'), 'utf8'));
    a.setting1d.lamda = { min: 1, max: 2 };
    writeFileSync(join(dir, 'a.json'), `\uFEFF${JSON.stringify(a)}`);
    const out = join(dir, 'out');
    const r = await run(['verify', '--assumptions', join(dir, 'a.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/unknown key "setting1d.lamda"; did you mean "setting1d.lambda"\?/);
    expect(existsSync(out)).toBe(false);
  });

  it('--out is checked before any work: a file, or a directory holding foreign directories, is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-out-'));
    writeFileSync(join(dir, 'file'), 'x');
    mkdirSync(join(dir, 'mine', 'photos'), { recursive: true });
    for (const [out, message] of [[join(dir, 'file'), /exists and is not a directory/], [join(dir, 'file', 'x'), /which is not a directory/], [join(dir, 'mine'), /holds a directory "photos" that is not part of a run/]] as const) {
      const r = await run(['verify', '--claims', 'L2.closed-form', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });
});

describe('run directories (empirics/io/stagedDir.ts): the old run or the new one, never a mix', () => {
  const fresh = (): string => mkdtempSync(join(tmpdir(), 'av-stage-'));
  it('a new run replaces the old one whole: stale charts are gone, files that are not a run are kept', () => {
    const root = fresh(), dir = join(root, 'run');
    writeRunDir(dir, (s) => {
      writeFileSync(join(s, 'results.json'), 'old');
      mkdirSync(join(s, 'charts'));
      writeFileSync(join(s, 'charts', 'stale.png'), 'x');
    });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeRunDir(dir, (s) => writeFileSync(join(s, 'results.json'), 'new'));
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, 'charts', 'stale.png'))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(root)).toEqual(['run']);
  });
  it('a run that dies while writing leaves the old run untouched and no staging behind', () => {
    const root = fresh(), dir = join(root, 'run');
    writeRunDir(dir, (s) => writeFileSync(join(s, 'results.json'), 'old'));
    expect(() => writeRunDir(dir, (s) => {
      writeFileSync(join(s, 'results.json'), 'half');
      throw new Error('killed');
    })).toThrow('killed');
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['run']);
  });
  it('a kill between the two renames leaves the old run whole at run.previous-run; the next run puts it back first', () => {
    const root = fresh(), dir = join(root, 'run');
    writeRunDir(dir, (s) => writeFileSync(join(s, 'results.json'), 'old'));
    renameSync(dir, `${dir}.previous-run`); // the state between the renames
    mkdirSync(join(root, `.run.staging-999999999-1`)); // a dead process's staging
    expect(() => checkOutDir(dir)).not.toThrow();
    expect(() => writeRunDir(dir, () => {
      expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe('old'); // recovered before the new run writes
      throw new Error('killed');
    })).toThrow('killed');
    expect(readdirSync(root)).toEqual(['run']);
  });
});
