/**
 * Runs an empirics plan end to end in phases, on a pool of worker threads, resuming from whatever
 * whole files an earlier (interrupted) run left:
 *   1. pretrain max(N, stabilityModels) models on D;
 *   2. draw the forget sets (the influence sets need the pretrained models' scores);
 *   3. retrain 2N oracles on D \ F for every forget set (the first N are the reference the KLoM
 *      compares with; the second N are an independent retraining, the level a perfect unlearner
 *      reaches), and stabilityModels for the set the stability curve uses;
 *   4. run every grid configuration from each of the first N pretrained models;
 *   5. bootstrap every KLoM p95 over models (bootstrap.ts), one job per grid run and reference;
 *   6. summarise KLoM (summary.ts) into summary.json.
 * Each phase prints progress (done/total, elapsed, estimated time left). Jobs are deterministic,
 * so which worker ran a job, and whether the run was interrupted, changes no result.
 */
import { Worker } from 'node:worker_threads';
import { mkdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { jobLabel, type Job, type JobContextInit } from './jobTypes.ts';
import { prepareData, fingerprint, type DataSource } from './prepare.ts';
import { forgetSeed, randomForgetSet, subpopulationForgetSet, topK } from './forgetSets.ts';
import { forgetSetName, gridRuns, oracleCount, runKey, validatePlan, type EmpiricsPlan } from './profiles.ts';
import { paths, RunStore } from './store.ts';
import { summarise, type EmpiricsSummary } from './summary.ts';
import { influenceGram, topEigen, type InfluenceFactors } from './influencePCs.ts';
import { BOOTSTRAP_REPLICATES, bootFile, bootRows, bootTargets } from './bootstrap.ts';
import { releaseBackend, selectBackend, type BackendChoice } from '../backend.ts';
import type { FromWorker, ToWorker } from './worker.ts';

export interface EmpiricsOptions {
  plan: EmpiricsPlan;
  seed: number;
  source: DataSource;
  dir: string;
  backend: BackendChoice;
  /** worker threads (default: 2 on the cpu and wasm backends where 2 cores exist, 1 on a GPU) */
  workers?: number;
  log: (line: string) => void;
  /** a tool/version label stored with the results */
  tool: { name: string; version: string; commit: string };
}

/**
 * timing.json: one entry per session that ran (a resumed run has several), each with its wall-clock
 * milliseconds and the seconds of each phase it worked on; summary.json's durationMs is their sum,
 * so a run's cost is its whole cost however often it was interrupted.
 */
interface Timing {
  sessions: { startedAt: string; ms: number; phases: Record<string, number> }[];
}

export class RunMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunMismatchError';
  }
}

interface Manifest {
  version: 1;
  plan: EmpiricsPlan;
  seed: number;
  rho: number | null;
  fingerprint: string;
  /**
   * The backend that trained the models (BackendName). Backends round differently (wasm's XNNPACK
   * sums in another order than tfjs-cpu), so a resumed run must train on the same one: KLoM
   * compares unlearned with oracle models, and a difference of backend between them would be
   * measured as a difference of unlearning. Absent from runs made before it was recorded: those
   * are read as their summary.json names them, else as cpu (the only backend with worker
   * threads then; a GPU run that left no summary would be misread: resume it with --backend webgpu).
   */
  backend?: string;
}

/** The backend an earlier run in `store` trained on, as the manifest or its summary names it. */
function earlierBackend(old: Manifest, store: RunStore): { name: string; how: string } {
  if (old.backend) return { name: old.backend, how: 'run.json' };
  const s = store.readJson<{ backend?: string }>('summary.json');
  const name = s?.backend?.split(' ')[0];
  if (name) return { name, how: 'summary.json (run.json predates recording it)' };
  return { name: 'cpu', how: 'assumed: run.json predates recording it and there is no summary.json' };
}

export async function runEmpirics(o: EmpiricsOptions): Promise<EmpiricsSummary> {
  const t0 = Date.now();
  validatePlan(o.plan);
  const p = o.plan;
  const data = prepareData(p, o.seed, o.source);
  // the backend is chosen here, once: tfjs's cpu and wasm kernels are single-threaded, so they get
  // one worker thread per core; any other backend (one GPU device, or TensorFlow's own threads)
  // runs the jobs in this thread
  let chosen;
  try {
    chosen = await selectBackend(o.backend, o.log);
  } catch (e) {
    throw new BackendUnavailableError((e as Error).message);
  }
  const store = new RunStore(o.dir);
  mkdirSync(o.dir, { recursive: true });
  const manifest: Manifest = { version: 1, plan: p, seed: o.seed, rho: p.dataset === 'synthetic' ? (o.source.rho ?? 0.9) : null, fingerprint: fingerprint(data), backend: chosen.name };
  const old = store.readJson<Manifest>('run.json');
  const sameRun = (m: Manifest): string => JSON.stringify({ ...m, backend: undefined });
  if (old && sameRun(old) !== sameRun(manifest)) {
    throw new RunMismatchError(`--out ${o.dir} holds a different run (profile ${old.plan.profile}, dataset ${old.plan.dataset}, model ${old.plan.model}, seed ${old.seed}); give another --out to keep both, nothing was overwritten`);
  }
  if (old) {
    const was = earlierBackend(old, store);
    if (was.name !== chosen.name) {
      throw new RunMismatchError(`--out ${o.dir} holds a run trained on the ${was.name} backend (${was.how}), and this one would train on ${chosen.name}: models from two backends are not mixed (they round differently); resume it with --backend ${was.name}, or give another --out`);
    }
  }
  if (!old) store.writeJson('run.json', manifest);
  o.log(`empirics: ${p.profile} profile, ${p.dataset} (${data.train.n} training + ${data.val.n} validation images, ${data.train.height}×${data.train.width}×${data.train.channels}), ${p.model}, N = ${p.models} per side, seed ${o.seed} → ${o.dir}`);

  const nEval = data.train.n + data.val.n;
  // wall-clock seconds of each phase in this session; timing.json keeps every session's, saved after each phase
  // so an interrupted session's finished phases still count
  const phases: Record<string, number> = {};
  const timing = store.readJson<Timing>('timing.json') ?? { sessions: [] };
  const earlier = timing.sessions.reduce((ms, x) => ms + x.ms, 0);
  const saveTiming = (): void => store.writeJson('timing.json', { sessions: [...timing.sessions, { startedAt: new Date(t0).toISOString(), ms: Date.now() - t0, phases }] });
  const init: JobContextInit = { plan: p, seed: o.seed, source: o.source, dir: o.dir, forgetSets: {} };
  const pool = chosen.name === 'cpu' || chosen.name === 'wasm'
    ? await startPool(o.workers ?? Math.max(1, Math.min(2, cpus().length)), init, chosen.name, o.log)
    : await inProcessPool(init, `${chosen.name} (${chosen.device})`, o.log);
  // filled once pretraining has finished (the influence sets need the pretrained models)
  const sets: Record<string, number[]> = {};
  try {
    // 1. pretraining
    const nPre = Math.max(p.models, p.stabilityModels);
    // the weights are written last, so their presence means the whole job finished
    const preJobs: Job[] = Array.from({ length: nPre }, (_, i) => i).filter((i) => !store.has(paths.pretrainedWeights(i))).map((i) => ({ type: 'pretrain', i }));
    const cost = jobCost(p, data.train.n, nEval, sets);
    phases.pretrain = await phase('pretrain', preJobs, pool, o.log, 'models', cost);
    saveTiming();

    // 2. forget sets
    p.forgetSets.forEach((f, k) => {
      const name = forgetSetName(f);
      if (f.kind === 'correlated') sets[name] = Array.from(data.syntheticForget!);
      else if (f.kind === 'random') sets[name] = Array.from(randomForgetSet(data.train.n, f.size, forgetSeed(o.seed, f, k)));
      else if (f.kind === 'subpopulation') sets[name] = Array.from(subpopulationForgetSet(data.train, f.size, forgetSeed(o.seed, f, k)).positions);
      else if (f.kind === 'pc2') sets[name] = Array.from(pc2Set(store, p, data.train.n, data.train.classes, f.size, o.log));
      else {
        const mean = new Float64Array(data.train.n);
        for (let i = 0; i < p.models; i++) store.readF32(paths.pretrainedScores(i), data.train.n).forEach((v, j) => (mean[j] = mean[j]! + v / p.models));
        sets[name] = Array.from(topK(mean, f.size));
      }
    });
    const savedSets = store.readJson<Record<string, number[]>>('forget-sets.json');
    if (savedSets && JSON.stringify(savedSets) !== JSON.stringify(sets)) throw new RunMismatchError(`${o.dir}/forget-sets.json differs from the forget sets this run draws; the directory holds another run`);
    if (!savedSets) store.writeJson('forget-sets.json', sets);
    pool.setForgetSets(sets);

    // 3. oracles
    const oracleJobs: Job[] = [];
    for (const name of Object.keys(sets)) {
      for (let i = 0; i < oracleCount(p, name); i++) if (!store.hasF32(paths.oracleMargins(name, i), nEval)) oracleJobs.push({ type: 'oracle', set: name, i });
    }
    phases.oracles = await phase('oracles', oracleJobs, pool, o.log, 'models', cost);
    saveTiming();

    // 4. unlearning
    const unlearnJobs: Job[] = [];
    for (const name of Object.keys(sets)) {
      for (const run of gridRuns(p.grid)) {
        for (let i = 0; i < p.models; i++) {
          if (!store.hasF32(paths.unlearnedMargins(name, runKey(run), i), run.snapshots.length * nEval)) unlearnJobs.push({ type: 'unlearn', set: name, run, i });
        }
      }
    }
    phases.unlearn = await phase('unlearn', unlearnJobs, pool, o.log, 'runs', cost);
    saveTiming();

    // 5. bootstrap replicates of every KLoM p95 (bootstrap.ts), on the pool
    const bootJobs: Job[] = bootTargets(Object.keys(sets), gridRuns(p.grid))
      .filter((t) => !store.hasF32(bootFile(t), bootRows(t) * 3 * BOOTSTRAP_REPLICATES)).map((target) => ({ type: 'bootstrap', target }));
    phases.bootstrap = await phase('bootstrap', bootJobs, pool, o.log, 'entries', cost);
    saveTiming();
  } finally {
    await pool.close();
  }

  // 6. KLoM
  const t1 = Date.now();
  const summary = summarise({ plan: p, seed: o.seed, store, data, forgetSets: sets, backend: pool.device, tool: o.tool, durationMs: earlier + (Date.now() - t0) });
  phases.summary = (Date.now() - t1) / 1000;
  saveTiming();
  store.writeJson('summary.json', { ...summary, durationMs: earlier + (Date.now() - t0) });
  o.log(`summary: KLoM of ${summary.sets.reduce((s, x) => s + x.runs.length, 0)} (run, stopping epoch) pairs in ${((Date.now() - t1) / 1000).toFixed(1)} s → ${store.file('summary.json')}`);
  return summary;
}

/** The PC2 stand-in: the k images of D of highest projection onto the influence matrix's 2nd eigenvector. */
function pc2Set(store: RunStore, p: EmpiricsPlan, n: number, classes: number, k: number, log: (l: string) => void): Uint32Array {
  const t0 = Date.now();
  const models: InfluenceFactors[] = [];
  for (let i = 0; i < p.models; i++) {
    const f = store.file(paths.pretrainedFactors(i));
    const bytes = statSync(f).size, stride = bytes / 4 / n;
    if (!Number.isInteger(stride)) throw new Error(`${f} does not hold ${n} rows of influence factors`);
    models.push({ n, classes, width: stride - classes, rows: store.readF32(paths.pretrainedFactors(i), n * stride) });
  }
  const eig = topEigen(influenceGram(models), n, 2);
  log(`pc2: influence matrix of ${p.models} models, eigenvalues ${eig.values.map((v) => v.toPrecision(4)).join(', ')} (${eig.steps} subspace steps, ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return topK(eig.vectors[1]!, k);
}

/** Where jobs run: slots that each run one job at a time. */
interface Pool {
  slots: ((job: Job) => Promise<void>)[];
  setForgetSets: (sets: Record<string, number[]>) => void;
  device: string;
  close: () => Promise<void>;
}

export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

async function startPool(n: number, init: JobContextInit, backend: 'cpu' | 'wasm', log: (l: string) => void): Promise<Pool> {
  const workers = Array.from({ length: n }, () => new Worker(new URL('./worker.mjs', import.meta.url)));
  const devices = await Promise.all(workers.map((w) => new Promise<string>((resolve, reject) => {
    const onMsg = (m: FromWorker): void => {
      w.off('message', onMsg);
      if ('ready' in m) resolve(m.ready);
      else reject(new Error('error' in m ? m.error.split('\n')[0] : 'worker failed to start'));
    };
    w.on('message', onMsg);
    w.once('error', reject);
    w.postMessage({ init, backend } satisfies ToWorker);
  })));
  log(`workers: ${n} × ${devices[0]}`);
  let nextId = 0;
  const slots = workers.map((w) => (job: Job) => new Promise<void>((resolve, reject) => {
    const id = nextId++;
    const onMsg = (m: FromWorker): void => {
      w.off('message', onMsg);
      if ('error' in m) reject(new Error(m.error));
      else resolve();
    };
    w.on('message', onMsg);
    w.postMessage({ job, id } satisfies ToWorker);
  }));
  return {
    slots, device: devices[0]!,
    setForgetSets: (sets) => workers.forEach((w) => w.postMessage({ forgetSets: sets } satisfies ToWorker)),
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}

async function inProcessPool(init: JobContextInit, device: string, log: (l: string) => void): Promise<Pool> {
  const { JobContext } = await import('./jobs.ts');
  const ctx = new JobContext(init);
  log(`jobs run in this thread on ${device}`);
  return {
    slots: [(job) => ctx.run(job)], device,
    setForgetSets: (sets) => ctx.setForgetSets(sets),
    close: async () => {
      ctx.dispose();
      await releaseBackend();
    },
  };
}

const fmtTime = (s: number): string => (s < 90 ? `${s.toFixed(0)} s` : `${(s / 60).toFixed(1)} min`);

/**
 * A job's rough cost in images through the network (a training step counted as three forwards), so
 * the time-left estimate is not fooled by the cheap GA jobs that come first. Evaluation runs at
 * about half the speed per image of training (small batches of margins read back), and every job
 * pays about nEval for building the model and loading weights: fitted to the n100 profile on wasm
 * (GA 0.15 s, GDA 0.68 s, SCRUB 0.88 s, pretraining 0.8 s a job).
 */
function jobCost(p: EmpiricsPlan, nD: number, nEval: number, sets: Record<string, number[]>): (j: Job) => number {
  const evalCost = (2 * nEval) / 3 + nEval;
  return (j) => {
    if (j.type === 'pretrain') return 3 * nD * p.pretrain.epochs + evalCost;
    // only the ratio of costs within a phase matters: a bootstrap job's cost is its snapshots
    if (j.type === 'bootstrap') return 'run' in j.target ? j.target.run.snapshots.length : 1;
    const nF = sets[j.set]?.length ?? 0;
    if (j.type === 'oracle') return 3 * (nD - nF) * p.pretrain.epochs + evalCost;
    const r = j.run;
    const passes = r.method === 'GA' ? 3 * nF * r.epochs : 3 * (nF * r.ascentEpochs! + (nD - nF) * r.epochs);
    return passes * (r.method === 'SCRUB' ? 4 / 3 : 1) + ((2 * nEval) / 3) * r.snapshots.length + nEval;
  };
}

/** Runs `jobs` on the pool, printing progress; resolves to the phase's wall-clock seconds, rejects on the first job error. */
function phase(name: string, jobs: Job[], pool: Pool, log: (l: string) => void, unit: string, cost: (j: Job) => number): Promise<number> {
  if (!jobs.length) {
    log(`${name}: nothing to do (all done earlier)`);
    return Promise.resolve(0);
  }
  const t0 = Date.now();
  let next = 0, done = 0, lastPrint = 0, doneCost = 0;
  const total = jobs.length;
  const totalCost = jobs.reduce((a, j) => a + cost(j), 0);
  const bar = (f: number): string => '█'.repeat(Math.round(f * 20)).padEnd(20, '░');
  return new Promise<number>((resolve, reject) => {
    let failed = false;
    const feed = (slot: Pool['slots'][number]): void => {
      if (failed) return;
      if (next >= total) {
        if (done === total) resolve((Date.now() - t0) / 1000);
        return;
      }
      const job = jobs[next++]!;
      slot(job).then(() => {
        done++;
        doneCost += cost(job);
        const now = Date.now();
        if (done === total || now - lastPrint > 10_000) {
          lastPrint = now;
          const el = (now - t0) / 1000;
          log(`${name.padEnd(9)} ▕${bar(done / total)}▏ ${done}/${total} ${unit} · ${fmtTime(el)} · ~${fmtTime((el / doneCost) * (totalCost - doneCost))} left`);
        }
        feed(slot);
      }, (e: Error) => {
        failed = true;
        reject(new Error(`${jobLabel(job)} failed: ${e.message}`));
      });
    };
    for (const slot of pool.slots) feed(slot);
  });
}
