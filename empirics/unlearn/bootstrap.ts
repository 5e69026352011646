/**
 * The bootstrap phase of an empirics run: for every grid run of every forget set, and for the two
 * reference points of each set (pretrained models, independent retraining), the p95 KLoM over F, R
 * and V under BOOTSTRAP_REPLICATES paired resamples of the models (metrics/klomBootstrap.ts says
 * what a replicate is). One job per (set, grid run), written to boot/<set>/<run>.f32 as
 * snapshots × 3 × replicates float32 values, so it runs on the worker pool, resumes like every other
 * phase, and summary.ts only reads it.
 *
 * Pairing: replicate b redraws the pretrained-model indices (the unlearned models of every grid run
 * inherit them), the reference oracles A and the independent-retraining oracles B with streams
 * seeded by (run seed, group), identical in every job, so any statistic built from several entries
 * (a success count) can be bootstrapped from the stored replicates as a whole.
 */
import { draws, groupP95, panel, resampledKlomPerSample, type ModelPanel } from '../metrics/klomBootstrap.ts';
import { retainPositions } from './forgetSets.ts';
import { runKey, type EmpiricsPlan, type RunConfig } from './profiles.ts';
import { jobSeed, paths, type RunStore } from './store.ts';

/** Resamples per summary: a 95% percentile interval reads the 2.5th and 97.5th of 200 values. */
export const BOOTSTRAP_REPLICATES = 200;

/** What one bootstrap job covers: a grid run's snapshots, or one of a set's reference points. */
export type BootTarget = { set: string; run: RunConfig } | { set: string; reference: 'pretrained' | 'retrain' };

export const bootFile = (t: BootTarget): string => `boot/${t.set}/${'run' in t ? runKey(t.run) : t.reference}.f32`;
export const bootRows = (t: BootTarget): number => ('run' in t ? t.run.snapshots.length : 1);

export interface BootContext {
  store: RunStore;
  plan: EmpiricsPlan;
  seed: number;
  nD: number;
  nVal: number;
  forgetSets: Record<string, number[]>;
  replicates?: number;
}

export const bootSeed = (runSeed: number): number => jobSeed(runSeed, 'bootstrap');

/** The redraws of one group of n models, identical wherever they are drawn. */
export const groupDraws = (runSeed: number, group: string, n: number, replicates: number): Uint16Array[] =>
  draws(n, replicates, jobSeed(bootSeed(runSeed), group, n));

const sig4 = (v: number): number => Number(v.toPrecision(4));

/**
 * p95 KLoM over each group under every replicate, models `du` of `u` against `dO` of `o`;
 * out[g][b], rounded to 4 significant digits (what the summary stores).
 */
export function bootGroups(u: ModelPanel, du: Uint16Array[], o: ModelPanel, dO: Uint16Array[], groups: ArrayLike<number>[]): number[][] {
  const out: number[][] = groups.map(() => []);
  for (let b = 0; b < du.length; b++) groupP95(resampledKlomPerSample(u, du[b]!, o, dO[b]!), groups).forEach((v, g) => out[g]!.push(sig4(v)));
  return out;
}

/** Computes one target's replicates: rows of [F × B, R × B, V × B]; NaN rows for a broken snapshot. */
export function bootstrapTarget(c: BootContext, t: BootTarget): Float32Array {
  const B = c.replicates ?? BOOTSTRAP_REPLICATES, N = c.plan.models, nEval = c.nD + c.nVal;
  const F = c.forgetSets[t.set];
  if (!F) throw new Error(`unknown forget set ${t.set}`);
  const groups = [F, retainPositions(c.nD, F), Array.from({ length: c.nVal }, (_, k) => c.nD + k)];
  const read = (rel: string, floats: number): Float32Array => c.store.readF32(rel, floats);
  const A = panel(Array.from({ length: N }, (_, i) => read(paths.oracleMargins(t.set, i), nEval)), 'oracle');
  const dA = groupDraws(c.seed, 'oracle-A', N, B);
  const out = new Float32Array(bootRows(t) * 3 * B).fill(Number.NaN);
  const fill = (row: number, ms: ArrayLike<number>[], du: Uint16Array[]): void => {
    bootGroups(panel(ms, 'unlearned'), du, A, dA, groups).forEach((vals, g) => out.set(vals, (row * 3 + g) * B));
  };
  if ('reference' in t) {
    const ms = t.reference === 'pretrained'
      ? Array.from({ length: N }, (_, i) => read(paths.pretrainedMargins(i), nEval))
      : Array.from({ length: N }, (_, i) => read(paths.oracleMargins(t.set, N + i), nEval));
    fill(0, ms, groupDraws(c.seed, t.reference === 'pretrained' ? 'pretrained' : 'oracle-B', N, B));
    return out;
  }
  const rows = t.run.snapshots.length, dPre = groupDraws(c.seed, 'pretrained', N, B);
  const files = Array.from({ length: N }, (_, i) => read(paths.unlearnedMargins(t.set, runKey(t.run), i), rows * nEval));
  for (let r = 0; r < rows; r++) {
    const ms = files.map((f) => f.subarray(r * nEval, (r + 1) * nEval));
    // a snapshot where some model blew up has no KLoM (summary.ts: broken); its rows stay NaN
    if (ms.some((m) => m.some((v) => !Number.isFinite(v)))) continue;
    fill(r, ms, dPre);
  }
  return out;
}

/** The stored replicates of one row of a target, as the summary's KlomBoot; undefined for a broken row. */
export function bootOfRow(data: Float32Array, row: number, B: number): { forget: number[]; retain: number[]; val: number[] } | undefined {
  const at = (g: number): number[] => Array.from(data.subarray((row * 3 + g) * B, (row * 3 + g + 1) * B), sig4);
  const f = at(0);
  return f.some((v) => Number.isNaN(v)) ? undefined : { forget: f, retain: at(1), val: at(2) };
}

/** A target's replicates: the file a bootstrap job wrote, else computed here (and written). */
export function bootstrapOf(c: BootContext, t: BootTarget): Float32Array {
  const B = c.replicates ?? BOOTSTRAP_REPLICATES, floats = bootRows(t) * 3 * B, rel = bootFile(t);
  if (c.store.hasF32(rel, floats)) return c.store.readF32(rel, floats);
  const data = bootstrapTarget(c, t);
  c.store.writeF32(rel, data);
  return data;
}

/** Every bootstrap target of a plan. */
export function bootTargets(sets: string[], runs: RunConfig[]): BootTarget[] {
  return sets.flatMap((set) => [{ set, reference: 'pretrained' as const }, { set, reference: 'retrain' as const }, ...runs.map((run) => ({ set, run }))]);
}
