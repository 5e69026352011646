/**
 * Issue 14, deliverable 6: fast-check drives the CLI's parser and each command's validation with
 * arbitrary flags and values (extremes, non-numbers, empty strings, flags where values belong,
 * unknown flags, stray positionals, booleans with values) and checks the contract of design.md
 * for every outcome: exit 0 with finite output (one JSON document under --json), exit 2 with one
 * line on stderr and nothing on stdout, or exit 3 with one `not converged` line; never a stack
 * trace, an exit 1/4, or a hang (each call is timed).
 *
 * Calls main() in-process (thousands of subprocesses would not fit the time budget). Work-size
 * flags (--digits, --steps, --alpha-grid, --eps-grid, --batch of simulate) take arbitrary invalid
 * values but only small valid ones, so that a drawn input cannot legitimately run for minutes;
 * every other value is arbitrary. verify, report, bench and empirics are driven for parsing and
 * validation only (their valid runs take minutes), through their own fuzz of refusals.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../cli/main.ts';
import { SPECS } from '../cli/spec.ts';
import { fcParams, seedTag } from '../properties/seed.ts';

/** A generous bound per call on 2 busy cores: the slowest valid draw here takes well under a second alone. */
const PER_CALL_MS = 20_000;

const dir = mkdtempSync(join(tmpdir(), 'av-fuzz-'));
const put = (name: string, body: string): string => (writeFileSync(join(dir, name), body), join(dir, name));
const margins = put('m.json', '\uFEFF{"margins": [[1, 2, 3], [2, 3, 4]]}');
const batch1d = put('b1.jsonl', '\uFEFF{"R":1000,"F":250,"Rj":40,"alpha":0.3,"lambda":0.05}\n{"R":10,"F":5,"Rj":3,"alpha":1e-400,"lambda":1e400}\n');
const batch2d = put('b2.jsonl', '{"R":1000,"F":100,"Rij":50,"alpha":0.01,"lambda":0.01,"eps":0.3}\n');

/** A valid starting point per command; mutations then break or stretch it. */
const BASE: Record<string, string[]> = {
  lambertw: ['1'],
  solve1d: ['--R', '1000', '--F', '250', '--Rj', '40', '--alpha', '0.3', '--lambda', '0.05'],
  solve2d: ['--R', '1000', '--F', '100', '--Rij', '50', '--alpha', '0.01', '--lambda', '0.01', '--eps', '0.3'],
  figure4: ['--R', '34', '--F', '12', '--Rij', '2', '--lambda', '0.563', '--eps-grid', '0.1:0.9:2', '--alpha-grid', '10'],
  iterate: ['--R', '1000', '--F', '100', '--Rj', '50', '--alpha', '0.12', '--lambda', '0.01', '--eta', '0.1', '--steps', '1000'],
  simulate: ['--objective', 'DA', '--batch', '4', '--steps', '50', '--eta', '0.05', '--backend', 'cpu'],
  klom: ['--oracle', margins, '--unlearned', margins],
  figure: ['4', '--R', '34', '--F', '12', '--Rij', '2', '--lambda', '0.563', '--out', join(dir, 'f4.svg')],
  claims: ['show', 'L3.ordering'],
};
/** Commands whose valid runs are long: only refusals are drawn (an invalid value is always injected). */
const REFUSAL_ONLY = ['verify', 'report', 'bench', 'empirics'];

/** Work-size flags: arbitrary invalid values, small valid ones. */
const COST: Record<string, fc.Arbitrary<string>> = {
  digits: fc.integer({ min: 10, max: 40 }).map(String),
  steps: fc.integer({ min: 1, max: 2000 }).map(String),
  'alpha-grid': fc.integer({ min: 1, max: 20 }).map(String),
  'eps-grid': fc.tuple(fc.constantFrom('0.1', '0.5', '1e-9', '0.999999999999', '0', '1', 'x', ''), fc.constantFrom('0.2', '0.9', '0.999999999999', '2', 'NaN'), fc.integer({ min: 0, max: 3 })).map(([a, b, n]) => `${a}:${b}:${n}`),
  batch: fc.integer({ min: 1, max: 8 }).map(String),
  trajectory: fc.integer({ min: 1, max: 50 }).map(String),
};

const EXTREMES = ['1e-320', '1e308', '1e400', '-1e400', '1e-400', '-0', '0', 'NaN', 'Infinity', '-Infinity', '', ' ', 'abc', '1e', '.5', '5.', '+1', '-1', '0x10', '1_000', '1e99999999999999999', '9007199254740993', '1e12', '1e-12', '0.999999999999', '1.0000000000001', '−1', '--', '-', 'true', 'false'];
const invalid = fc.constantFrom('NaN', '', 'abc', '1e400x', 'Infinity', '-1e999', '−1', '0x10');
const value: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXTREMES),
  fc.double().map(String),
  fc.integer({ min: -5, max: 2000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: -400, max: 400 })).map(([m, e]) => `${m}e${e}`),
  // -h and --help… ask for help (exit 0 by design): mapped away rather than filtered
  fc.string({ maxLength: 6 }).map((s) => (s === '-h' || s.startsWith('--help') ? `x${s}` : s)),
);

type Mutation =
  | { kind: 'set'; flag: string; value: string }
  | { kind: 'drop'; index: number }
  | { kind: 'unknown'; name: string }
  | { kind: 'positional'; value: string }
  | { kind: 'bool'; value: string }
  | { kind: 'dangling'; flag: string };

function mutationArb(command: string): fc.Arbitrary<Mutation> {
  const names = SPECS[command]!.flags.filter((f) => f.value).map((f) => f.name);
  const set = names.length
    ? fc.constantFrom(...names).chain((flag) => (COST[flag] ? fc.oneof(COST[flag]!, invalid) : value).map((v): Mutation => ({ kind: 'set', flag, value: v })))
    : fc.constant<Mutation>({ kind: 'bool', value: 'true' });
  return fc.oneof(
    { weight: 6, arbitrary: set },
    { weight: 1, arbitrary: fc.nat(12).map((index): Mutation => ({ kind: 'drop', index })) },
    { weight: 1, arbitrary: fc.constantFrom('bogus', 'jsn', 'lamda', 'R ', '').map((name): Mutation => ({ kind: 'unknown', name })) },
    { weight: 1, arbitrary: value.map((v): Mutation => ({ kind: 'positional', value: v })) },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'yes', '', '1').map((v): Mutation => ({ kind: 'bool', value: v })) },
    { weight: 1, arbitrary: (names.length ? fc.constantFrom(...names) : fc.constant('json')).map((flag): Mutation => ({ kind: 'dangling', flag })) },
  );
}

function apply(base: string[], ms: Mutation[]): string[] {
  const argv = [...base];
  for (const m of ms) {
    if (m.kind === 'set') {
      const i = argv.indexOf(`--${m.flag}`);
      if (i >= 0 && i + 1 < argv.length) argv[i + 1] = m.value;
      else argv.push(`--${m.flag}`, m.value);
    } else if (m.kind === 'drop' && argv.length) argv.splice(m.index % argv.length, 1);
    else if (m.kind === 'unknown') argv.push(`--${m.name}`, '1');
    else if (m.kind === 'positional') argv.push(m.value);
    else if (m.kind === 'bool') argv.push(`--json=${m.value}`);
    else if (m.kind === 'dangling') argv.push(`--${m.flag}`);
  }
  return argv;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  let out = '', err = '';
  // FUZZ_LOG=file names each call before it runs, to find a call that never returns
  if (process.env.FUZZ_LOG) writeFileSync(process.env.FUZZ_LOG, `${JSON.stringify(argv)}\n`, { flag: 'a' });
  const t0 = performance.now();
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err, ms: performance.now() - t0 };
}

/** The contract for one outcome; returns a reason it is broken, or null. */
function broken(argv: string[], r: { code: number; out: string; err: string; ms: number }): string | null {
  const errLines = r.err.trim().split('\n').filter((l) => !/^(figure4|solve1d --batch|solve2d --batch|simulate):/.test(l) && !l.startsWith('[simulate'));
  if (r.ms > PER_CALL_MS) return `took ${r.ms.toFixed(0)} ms`;
  if (/\n\s+at /.test(r.err) || /\n\s+at /.test(r.out)) return 'a stack trace';
  if (r.code === 0) {
    if (!r.out.trim()) return 'exit 0 with no output';
    if (/(^|[^A-Za-z])(NaN|-?Infinity)([^A-Za-z]|$)/.test(r.out)) return 'a non-finite number in the output';
    const json = argv.includes('--json') || argv.includes('--json=true');
    if (json) {
      try {
        JSON.parse(r.out);
      } catch {
        return 'exit 0 with --json but not one JSON document';
      }
    }
    return null;
  }
  if (r.code === 2) return r.out === '' && r.err.trim().split('\n').length === 1 ? null : 'exit 2 without exactly one line on stderr and nothing on stdout';
  if (r.code === 3) return errLines.length === 1 && /not converged/.test(errLines[0]!) && (r.out === '' || argv.includes('--batch')) ? null : 'exit 3 without one "not converged" line';
  return `exit ${r.code}: ${r.err.split('\n')[0]}`;
}

describe(`CLI fuzz: every outcome is exit 0 with finite output, or exit 2 / exit 3 with one line ${seedTag}`, () => {
  for (const command of Object.keys(BASE)) {
    it(`${command}: arbitrary flags and values`, async () => {
      const argvs = fc.tuple(fc.array(mutationArb(command), { maxLength: 3 }), fc.boolean(), fc.boolean()).map(([ms, json, batch]) => {
        let base = BASE[command]!;
        if (batch && command === 'solve1d') base = ['--batch', batch1d];
        if (batch && command === 'solve2d') base = ['--batch', batch2d];
        return [command, ...apply(base, ms), ...(json ? ['--json'] : [])];
      });
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(argvs, async (argv) => {
          const r = await run(argv);
          seen.set(r.code, (seen.get(r.code) ?? 0) + 1);
          const why = broken(argv, r);
          if (why) throw new Error(`${why}: ascent-verify ${argv.map((a) => JSON.stringify(a)).join(' ')} → exit ${r.code}; stderr: ${r.err.slice(0, 300)}`);
        }),
        // figure renders a chart per answer (~0.3 s): fewer runs keep the file under a minute
        fcParams(command === 'figure' ? { quick: 30, full: 300 } : { quick: 120, full: 1000 }),
      );
      // a fuzz that only ever saw refusals would test nothing about answers
      expect(seen.get(0) ?? 0, `outcomes ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
      expect(seen.get(2) ?? 0, `outcomes ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
      console.log(`${command}: outcomes by exit code ${JSON.stringify(Object.fromEntries(seen))}`);
    });
  }

  it('inside every declared domain (edges included), the 1-D, 2-D, Figure 4 and iterative commands answer (exit 0) or say not converged (exit 3)', async () => {
    // log-uniform magnitudes between the domain's ends, the ends themselves drawn often
    const mag = (lo: number, hi: number): fc.Arbitrary<string> => fc.oneof(fc.constantFrom(`1e${lo}`, `1e${hi}`), fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: lo, max: hi - 1 })).map(([m, e]) => `${m}e${e}`));
    const counts = fc.tuple(fc.oneof(fc.constantFrom(1, 1e12), fc.integer({ min: 1, max: 1e6 })), fc.oneof(fc.constantFrom(1, 1e12), fc.integer({ min: 1, max: 1e6 })), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }));
    const config = fc.tuple(fc.constantFrom('solve1d', 'solve2d', 'figure4', 'iterate'), counts, mag(-12, 12), mag(-1000, 1000), fc.oneof(fc.constantFrom('1e-9', '0.999999999999', '0.5'), fc.double({ min: 1e-9, max: 0.999999999999, noNaN: true }).map(String)), mag(-12, 12)).map(([command, [R, F, u, v], lam64, lam1d, eps, eta]) => {
      const Rj = Math.max(1, Math.floor((u / 1000) * R));
      // α from 0 to its limit |F|/|R_j| by construction (v/1000 of it, rounded down to 6 digits)
      const alpha = new Decimal(F).div(Rj).times(v).div(1000).toSignificantDigits(6, Decimal.ROUND_DOWN).toString();
      const c = ['--R', String(R), '--F', String(F)];
      if (command === 'solve1d') return [command, ...c, '--Rj', String(Rj), '--alpha', alpha, '--lambda', lam1d, '--digits', '20', '--json'];
      if (command === 'solve2d') return [command, ...c, '--Rij', String(Rj), '--alpha', alpha, '--lambda', lam64, '--eps', eps, '--digits', '20', '--json'];
      if (command === 'figure4') return [command, ...c, '--Rij', String(Rj), '--lambda', lam64, '--eps-grid', `${eps}:${eps}:1`, '--alpha-grid', '8', '--json'];
      return [command, ...c, '--Rj', String(Rj), '--alpha', alpha, '--lambda', lam64, '--eta', eta, '--steps', '2000', '--json'];
    });
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(config, async (argv) => {
        const r = await run(argv);
        const key = `${argv[0]} ${r.code}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        // iterate refuses (exit 2) an η with η·λ ≥ 1 or with no stable fixed point: a joint limit, named in one line
        const allowed = argv[0] === 'iterate' ? [0, 2, 3] : [0, 3];
        if (!allowed.includes(r.code) || broken(argv, r)) throw new Error(`${broken(argv, r) ?? `exit ${r.code}`}: ascent-verify ${argv.join(' ')}; stderr: ${r.err.slice(0, 300)}`);
      }),
      fcParams({ quick: 120, full: 1000 }),
    );
    console.log(`in-domain outcomes ${JSON.stringify(Object.fromEntries(seen))}`);
  });

  it('verify, report, bench, empirics: refusals are one line and exit 2', async () => {
    const argvs = fc.tuple(fc.constantFrom(...REFUSAL_ONLY), fc.array(value, { maxLength: 2 }), fc.constantFrom('--seed', '--profile', '--bogus', '--workers', '--rho', '--results', '--claims', '--json=x')).chain(([command, extra, flag]) =>
      invalid.map((bad) => [command, ...(command === 'bench' ? ['nope'] : []), flag, ...(flag.includes('=') ? [] : [bad]), ...extra]),
    );
    await fc.assert(
      fc.asyncProperty(argvs, async (argv) => {
        const r = await run(argv);
        expect([2, 3], `${argv.join(' ')}: ${r.err}`).toContain(r.code);
        expect(broken(argv, r), argv.join(' ')).toBeNull();
      }),
      fcParams({ quick: 40, full: 300 }),
    );
  });
});
