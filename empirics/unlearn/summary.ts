/**
 * KLoM of every (forget set, grid run, stopping epoch) of an empirics run, from the margins files
 * the jobs wrote: the numbers the E.* and L1.oracle-mirror claims are judged on (claims.ts).
 *
 * For a set of N models compared with the first N oracles of the forget set ("oracle A"), per
 * sample KLoM (metrics/klom.ts), then the 95th percentile over the forget set F, the retain set
 * R = D \ F and the validation set V, as Georgiev et al. report it. Reference points per forget set:
 *  - pretrained: the N pretrained models (doing nothing);
 *  - retrain: oracles N..2N−1 ("oracle B"), an independent retraining: exactly what a perfect
 *    unlearner produces, so its KLoM is the level that sampling noise alone gives with N models.
 * Accuracies go with each entry: the fraction of (model, image) pairs with a positive margin, i.e.
 * where the model gives the true class more than half the probability. That is stricter than
 * arg-max accuracy (a near-uniform model scores 0, not 1/10) and is what the margins determine;
 * Lemma 1's bound holds for any per-image metric in [0, 1], this one included.
 * A snapshot in which any model's margins are NaN (ascent blew the model up) is `broken`: it has
 * no KLoM and counts as breaking the model.
 * Stability (E.klom-stability): on one forget set, p95 KLoM over R and V of pretrained[:n] against
 * oracle[:n], and of oracle[:n] against oracle[n:2n], for n = 5, 10, 20, 40, 60, 80, 100, … up to
 * what the run trained: KLoM between sets that should agree, as the number of models grows.
 * Bootstrap (metrics/klomBootstrap.ts): every p95 KLoM above also carries `boot`, its values under
 * BOOTSTRAP_REPLICATES paired resamples of the models (pretrained indices, reference oracles A and
 * independent-retraining oracles B, each with replacement; replicate b uses the same redraw in every
 * entry of the run), rounded to 4 significant digits, so the claims can bootstrap any statistic
 * built from several KLoMs (a success count) and put an interval on it.
 */
import { klomPerSample, percentileLinear } from '../metrics/klom.ts';
import { panel } from '../metrics/klomBootstrap.ts';
import { BOOTSTRAP_REPLICATES, bootGroups, bootOfRow, bootSeed, bootstrapOf, groupDraws, type BootContext } from './bootstrap.ts';
import type { RunData } from './prepare.ts';
import { forgetSetName, gridRuns, oracleCount, runKey, stabilitySet, type EmpiricsPlan, type Method } from './profiles.ts';
import { paths, type RunStore } from './store.ts';
import { retainPositions } from './forgetSets.ts';

export interface SetKlom {
  forget: number;
  retain: number;
  val: number;
}

/** A KLoM triple's values under each bootstrap replicate (same order in every entry of a summary). */
export interface KlomBoot {
  forget: number[];
  retain: number[];
  val: number[];
}

export interface RunEntry extends Partial<SetKlom> {
  boot?: KlomBoot;
  method: Method;
  lr: number;
  epoch: number;
  ascentEpochs?: number;
  forgetBatch?: number;
  broken: boolean;
  accForget?: number;
  accVal?: number;
}

export interface SetSummary {
  name: string;
  kind: string;
  size: number;
  pretrained: SetKlom & { accForget: number; accVal: number; boot?: KlomBoot };
  retrain: SetKlom & { accForget: number; accVal: number; boot?: KlomBoot };
  /** each reference oracle's accuracy on F and on V (L1.oracle-mirror) */
  oracleAccuracy: { forget: number[]; val: number[] };
  runs: RunEntry[];
}

export interface StabilityLevel {
  retain: number;
  val: number;
  boot?: { retain: number[]; val: number[] };
}

export interface StabilityPoint {
  n: number;
  pretrainedVsOracle: StabilityLevel;
  oracleVsOracle: StabilityLevel | null;
}

export interface EmpiricsSummary {
  version: 1;
  tool: { name: string; version: string; commit: string };
  scale: { dataset: string; model: string; profile: string; models: number; nTrain: number; nVal: number; image: string; grid: EmpiricsPlan['grid']; forgetSets: string[]; pretrainEpochs?: number };
  seed: number;
  backend: string;
  createdAt: string;
  durationMs: number;
  sets: SetSummary[];
  stability: { set: string; points: StabilityPoint[] };
  /** absent from summaries made before issue 13 */
  bootstrap?: { replicates: number; seed: number; method: string };
}

const p95 = (klom: Float64Array, idx: ArrayLike<number>): number => percentileLinear(Array.from(idx, (i) => klom[i]!), 95);

function accuracy(ms: Float32Array[], idx: ArrayLike<number>): number {
  let pos = 0;
  for (const m of ms) for (let k = 0; k < idx.length; k++) if (m[idx[k]!]! > 0) pos++;
  return pos / (ms.length * idx.length);
}

export interface SummariseInput {
  plan: EmpiricsPlan;
  seed: number;
  store: RunStore;
  data: RunData;
  forgetSets: Record<string, number[]>;
  backend: string;
  tool: EmpiricsSummary['tool'];
  durationMs: number;
  /** bootstrap replicates (default BOOTSTRAP_REPLICATES) */
  replicates?: number;
}

export function summarise(s: SummariseInput): EmpiricsSummary {
  const { plan: p, store, data } = s;
  const nD = data.train.n, nEval = nD + data.val.n, N = p.models;
  const V = Array.from({ length: data.val.n }, (_, k) => nD + k);
  const readAll = (rel: (i: number) => string, from: number, to: number): Float32Array[] =>
    Array.from({ length: to - from }, (_, k) => store.readF32(rel(from + k), nEval));
  const pre = readAll(paths.pretrainedMargins, 0, Math.max(N, p.stabilityModels));

  const reps = s.replicates ?? BOOTSTRAP_REPLICATES;
  const bc: BootContext = { store, plan: p, seed: s.seed, nD, nVal: data.val.n, forgetSets: s.forgetSets, replicates: reps };
  const sets: SetSummary[] = p.forgetSets.map((f) => {
    const name = forgetSetName(f);
    const F = s.forgetSets[name]!;
    const R = retainPositions(nD, F);
    const oracles = readAll((i) => paths.oracleMargins(name, i), 0, 2 * N);
    const A = oracles.slice(0, N), B = oracles.slice(N, 2 * N);
    const klomOf = (ms: Float32Array[]): SetKlom => {
      const k = klomPerSample(ms, A);
      return { forget: p95(k, F), retain: p95(k, R), val: p95(k, V) };
    };
    const runs: RunEntry[] = [];
    for (const run of gridRuns(p.grid)) {
      const files = Array.from({ length: N }, (_, i) => store.readF32(paths.unlearnedMargins(name, runKey(run), i), run.snapshots.length * nEval));
      const boots = bootstrapOf(bc, { set: name, run });
      run.snapshots.forEach((epoch, si) => {
        const ms = files.map((f) => f.subarray(si * nEval, (si + 1) * nEval));
        const base = { method: run.method, lr: run.lr, epoch, ...(run.method === 'GA' ? {} : { ascentEpochs: run.ascentEpochs, forgetBatch: run.forgetBatch }) };
        if (ms.some((m) => m.some((v) => !Number.isFinite(v)))) runs.push({ ...base, broken: true });
        else runs.push({ ...base, broken: false, ...klomOf(ms), accForget: accuracy(ms, F), accVal: accuracy(ms, V), boot: bootOfRow(boots, si, reps) });
      });
    }
    const preN = pre.slice(0, N);
    const refBoot = (reference: 'pretrained' | 'retrain') => bootOfRow(bootstrapOf(bc, { set: name, reference }), 0, reps);
    return {
      name, kind: f.kind, size: F.length,
      pretrained: { ...klomOf(preN), accForget: accuracy(preN, F), accVal: accuracy(preN, V), boot: refBoot('pretrained') },
      retrain: { ...klomOf(B), accForget: accuracy(B, F), accVal: accuracy(B, V), boot: refBoot('retrain') },
      oracleAccuracy: { forget: A.map((m) => accuracy([m], F)), val: A.map((m) => accuracy([m], V)) },
      runs,
    };
  });

  const stab = stabilitySet(p);
  const F = s.forgetSets[stab]!;
  const R = retainPositions(nD, F);
  const count = oracleCount(p, stab);
  const allOracles = readAll((i) => paths.oracleMargins(stab, i), 0, count);
  const points: StabilityPoint[] = [];
  for (const n of [5, 10, 20, 40, 60, 80, 100, 160].filter((n) => n <= Math.min(pre.length, count))) {
    const level = (u: Float32Array[], o: Float32Array[], who: string): StabilityLevel => {
      const k = klomPerSample(u, o);
      const [retain, val] = bootGroups(panel(u, 'pretrained'), groupDraws(s.seed, `stability-${who}-u`, n, reps), panel(o, 'oracle'), groupDraws(s.seed, `stability-${who}-o`, n, reps), [R, V]);
      return { retain: p95(k, R), val: p95(k, V), boot: { retain: retain!, val: val! } };
    };
    points.push({
      n, pretrainedVsOracle: level(pre.slice(0, n), allOracles.slice(0, n), 'pre'),
      oracleVsOracle: 2 * n <= count ? level(allOracles.slice(0, n), allOracles.slice(n, 2 * n), 'oracle') : null,
    });
  }

  return {
    version: 1,
    tool: s.tool,
    scale: {
      dataset: p.dataset, model: p.model, profile: p.profile, models: N, nTrain: nD, nVal: data.val.n,
      image: `${data.train.height}×${data.train.width}×${data.train.channels}`, grid: p.grid, forgetSets: p.forgetSets.map(forgetSetName),
      pretrainEpochs: p.pretrain.epochs,
    },
    seed: s.seed,
    backend: s.backend,
    createdAt: new Date().toISOString(),
    durationMs: s.durationMs,
    sets,
    stability: { set: stab, points },
    bootstrap: {
      replicates: reps, seed: bootSeed(s.seed),
      method: 'paired percentile bootstrap over models: each replicate redraws with replacement the N pretrained-model indices (the unlearned models inherit them), the N reference oracles and the N independent-retraining oracles (per stability point, its own n models), and recomputes per-sample KLoM and its p95',
    },
  };
}
