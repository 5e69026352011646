/**
 * What an `empirics` run trains and unlearns, per profile: the data, the network, how many models,
 * the forget sets and the hyperparameter grids of GA, GDA and SCRUB.
 *
 * The paper's grids (App. J): GA lr ∈ {1e−5, 5e−5, 1e−4, 5e−4, 1e−3, 1e−2, 5e−2} × epochs ∈ {1, 3,
 * 5, 7, 10}; GDA and SCRUB lr ∈ {5e−5, 5e−4, 1e−3, 5e−3} × total epochs ∈ {5, 7, 10} × ascent
 * epochs ∈ {3, 5} × forget batch ∈ {32, 64}; batch 64; N = 100 models per side; ResNet-9 on
 * CIFAR-10. `full` is that grid. `quick` keeps every learning rate and every stopping epoch of the
 * paper (the two things E.illusion says cannot be known in advance) and fixes ascent epochs at 3
 * and forget batch at 32 for GDA and SCRUB, so it finishes in about 20 minutes on two CPU cores.
 * `n100` is the paper's statistical scale on what two CPU cores can train in under two hours: N = 100
 * models per side, full-resolution 28×28 MNIST (2,000 training and 1,000 validation digits), the MLP,
 * App. J's whole grids, and four of App. J's nine forget sets at this scale: 10 random (set 1), 100
 * random (set 2), 10 of highest PC1 (set 4, self-influence stand-in) and 10 of highest PC2 (set 7,
 * influence-matrix stand-in). It is the run `npm test` judges.
 * `smoke` exercises every code path on a few hundred images in seconds; its verdicts are
 * inconclusive by construction (N = 4).
 *
 * Stopping epochs cost nothing extra: a run of the longest total epochs records margins after each
 * epoch in the grid, and those snapshots are exactly the shorter runs (same seed, same steps).
 */
import type { ModelKind } from '../models/index.ts';
import type { DatasetName } from '../data/types.ts';

export const PROFILES = ['smoke', 'quick', 'n100', 'full'] as const;
export type EmpiricsProfile = (typeof PROFILES)[number];

export const METHODS = ['GA', 'GDA', 'SCRUB'] as const;
export type Method = (typeof METHODS)[number];

/** A forget set by kind and size; positions are drawn by forgetSets.ts. */
export interface ForgetSetSpec {
  /** random: uniform without replacement; influence: highest self-influence (stand-in for the
   *  datamodel PC1 sets); pc2: highest projection onto the 2nd principal component of the
   *  last-layer influence matrix (stand-in for the PC2 sets, influencePCs.ts); subpopulation: the
   *  images of one class nearest a seeded anchor; correlated: the synthetic dataset's own forget
   *  group (its correlation with R is ρ) */
  kind: 'random' | 'influence' | 'pc2' | 'subpopulation' | 'correlated';
  size: number;
}

export const forgetSetName = (f: ForgetSetSpec): string => `${f.kind}-${f.size}`;

export interface Grid {
  GA: { lr: number[]; epochs: number[] };
  GDA: { lr: number[]; epochs: number[]; ascentEpochs: number[]; forgetBatch: number[] };
  SCRUB: { lr: number[]; epochs: number[]; ascentEpochs: number[]; forgetBatch: number[] };
}

export interface PretrainRecipe {
  epochs: number;
  /** triangular schedule: 0 → peakLr at peakEpoch → 0 at the end, per step */
  peakLr: number;
  peakEpoch: number;
  momentum: number;
  weightDecay: number;
  batch: number;
}

export interface EmpiricsPlan {
  profile: EmpiricsProfile;
  dataset: DatasetName;
  model: ModelKind;
  /** integer downsampling factor applied to the images (MNIST 28 → 14 on the CPU) */
  downsample: number;
  /** training images D and validation images V drawn from the dataset */
  nTrain: number;
  nVal: number;
  /** models per side: N pretrained models are unlearned and compared with N oracles */
  models: number;
  /** pretrained and oracle models (on one forget set) for E.klom-stability's curve; ≥ models */
  stabilityModels: number;
  forgetSets: ForgetSetSpec[];
  grid: Grid;
  pretrain: PretrainRecipe;
  /** mini-batch of the unlearning passes over R (and of GA over F) */
  batch: number;
  /** SCRUB's distillation temperature and loss weights (Kurmanji et al.'s code) */
  scrub: { temperature: number; ceWeight: number; klWeight: number };
}

const PAPER_GRID: Grid = {
  GA: { lr: [1e-5, 5e-5, 1e-4, 5e-4, 1e-3, 1e-2, 5e-2], epochs: [1, 3, 5, 7, 10] },
  GDA: { lr: [5e-5, 5e-4, 1e-3, 5e-3], epochs: [5, 7, 10], ascentEpochs: [3, 5], forgetBatch: [32, 64] },
  SCRUB: { lr: [5e-5, 5e-4, 1e-3, 5e-3], epochs: [5, 7, 10], ascentEpochs: [3, 5], forgetBatch: [32, 64] },
};

const SCRUB = { temperature: 4, ceWeight: 0.99, klWeight: 0.1 };

/** The plan of a profile on a dataset (the network follows the dataset and profile unless --model says). */
export function plan(profile: EmpiricsProfile, dataset: DatasetName, model?: ModelKind): EmpiricsPlan {
  const p = basePlan(profile, dataset, model);
  // the synthetic data carries its own forget group; a random set of the same size beside it
  if (dataset === 'synthetic') p.forgetSets = [{ kind: 'correlated', size: 100 }, { kind: 'random', size: 100 }];
  return p;
}

function basePlan(profile: EmpiricsProfile, dataset: DatasetName, model?: ModelKind): EmpiricsPlan {
  if (profile === 'full') {
    return {
      profile, dataset, model: model ?? (dataset === 'cifar10' ? 'resnet9' : 'small-cnn'), downsample: 1,
      nTrain: dataset === 'cifar10' ? 50_000 : 8_000, nVal: dataset === 'cifar10' ? 10_000 : 2_000,
      models: 100, stabilityModels: 100,
      forgetSets: [
        { kind: 'random', size: 10 }, { kind: 'random', size: 100 }, { kind: 'random', size: 500 },
        { kind: 'influence', size: 10 }, { kind: 'influence', size: 100 }, { kind: 'subpopulation', size: 100 },
      ],
      grid: PAPER_GRID,
      pretrain: { epochs: 24, peakLr: 0.4, peakEpoch: 5, momentum: 0.9, weightDecay: 5e-4, batch: 512 },
      batch: 64, scrub: SCRUB,
    };
  }
  if (profile === 'n100') {
    return {
      profile, dataset, model: model ?? 'mlp', downsample: 1,
      nTrain: 2000, nVal: 1000, models: 100, stabilityModels: 100,
      forgetSets: [{ kind: 'random', size: 10 }, { kind: 'random', size: 100 }, { kind: 'influence', size: 10 }, { kind: 'pc2', size: 10 }],
      grid: PAPER_GRID,
      pretrain: { epochs: 10, peakLr: 0.2, peakEpoch: 2, momentum: 0.9, weightDecay: 5e-4, batch: 64 },
      batch: 64, scrub: SCRUB,
    };
  }
  const reduced = (g: Grid['GDA']): Grid['GDA'] => ({ ...g, ascentEpochs: [3], forgetBatch: [32] });
  if (profile === 'quick') {
    return {
      profile, dataset, model: model ?? 'mlp', downsample: dataset === 'mnist' ? 2 : 1,
      nTrain: 1000, nVal: 500, models: 20, stabilityModels: 80,
      forgetSets: [{ kind: 'random', size: 10 }, { kind: 'random', size: 100 }, { kind: 'influence', size: 10 }, { kind: 'subpopulation', size: 50 }],
      grid: { GA: PAPER_GRID.GA, GDA: reduced(PAPER_GRID.GDA), SCRUB: reduced(PAPER_GRID.SCRUB) },
      // MNIST 14×14, 1,000 digits: 97% train, 84% validation accuracy for the MLP
      pretrain: { epochs: 10, peakLr: 0.2, peakEpoch: 2, momentum: 0.9, weightDecay: 5e-4, batch: 64 },
      batch: 64, scrub: SCRUB,
    };
  }
  return {
    profile, dataset, model: model ?? 'mlp', downsample: dataset === 'mnist' ? 2 : 1,
    nTrain: 200, nVal: 100, models: 4, stabilityModels: 4,
    forgetSets: [{ kind: 'random', size: 10 }, { kind: 'influence', size: 10 }],
    grid: {
      GA: { lr: [1e-3, 5e-2], epochs: [1, 3] },
      GDA: { lr: [5e-3], epochs: [5], ascentEpochs: [3], forgetBatch: [32] },
      SCRUB: { lr: [5e-3], epochs: [5], ascentEpochs: [3], forgetBatch: [32] },
    },
    // 200 digits: about 70% validation accuracy, enough for the pipeline to mean something
    pretrain: { epochs: 10, peakLr: 0.2, peakEpoch: 2, momentum: 0.9, weightDecay: 5e-4, batch: 32 },
    batch: 64, scrub: SCRUB,
  };
}

/** One unlearning run of the grid: everything but the stopping epoch, which is a snapshot. */
export interface RunConfig {
  method: Method;
  lr: number;
  /** longest total epochs; margins are recorded after each epoch in `snapshots` */
  epochs: number;
  snapshots: number[];
  ascentEpochs?: number;
  forgetBatch?: number;
}

export const runKey = (r: RunConfig): string =>
  r.method === 'GA' ? `GA_lr${r.lr}` : `${r.method}_lr${r.lr}_asc${r.ascentEpochs}_fb${r.forgetBatch}`;

/** The grid as runs: each (method, lr, ascent epochs, forget batch) once, stopping epochs as snapshots. */
export function gridRuns(g: Grid): RunConfig[] {
  const runs: RunConfig[] = [];
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  for (const lr of g.GA.lr) runs.push({ method: 'GA', lr, epochs: Math.max(...g.GA.epochs), snapshots: sorted(g.GA.epochs) });
  for (const method of ['GDA', 'SCRUB'] as const) {
    const m = g[method];
    for (const lr of m.lr) for (const ascentEpochs of m.ascentEpochs) for (const forgetBatch of m.forgetBatch) {
      runs.push({ method, lr, epochs: Math.max(...m.epochs), snapshots: sorted(m.epochs), ascentEpochs, forgetBatch });
    }
  }
  return runs;
}

/** Throws a one-line message for a grid value that cannot run (reported as a UsageError). */
export function validatePlan(p: EmpiricsPlan): void {
  const pos = (v: number, what: string): void => {
    if (!(Number.isFinite(v) && v > 0)) throw new Error(`${what} must be a positive number, got ${v}`);
  };
  const posInt = (v: number, what: string): void => {
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`${what} must be a positive integer, got ${v}`);
  };
  for (const m of METHODS) {
    const g = p.grid[m];
    if (!g.lr.length || !g.epochs.length) throw new Error(`grid.${m} needs at least one lr and one epochs value`);
    g.lr.forEach((v) => pos(v, `grid.${m}.lr`));
    g.epochs.forEach((v) => posInt(v, `grid.${m}.epochs`));
    if (m !== 'GA') {
      const d = p.grid[m];
      d.forgetBatch.forEach((v) => posInt(v, `grid.${m}.forgetBatch`));
      d.ascentEpochs.forEach((v) => posInt(v, `grid.${m}.ascentEpochs`));
    }
  }
  posInt(p.models, 'models');
  if (p.stabilityModels < p.models) throw new Error(`stabilityModels (${p.stabilityModels}) must be ≥ models (${p.models})`);
  for (const f of p.forgetSets) {
    posInt(f.size, `forget set ${forgetSetName(f)} size`);
    if (f.size >= p.nTrain) throw new Error(`forget set ${forgetSetName(f)} must be smaller than the ${p.nTrain} training images`);
  }
}

/** The forget set whose oracles also draw E.klom-stability's curve: the largest random set. */
export function stabilitySet(p: EmpiricsPlan): string {
  const randoms = p.forgetSets.filter((f) => f.kind === 'random').sort((a, b) => b.size - a.size);
  return forgetSetName(randoms[0] ?? p.forgetSets[0]!);
}

/** Oracles per forget set: 2N (reference and independent retraining), stabilityModels for the stability set. */
export function oracleCount(p: EmpiricsPlan, set: string): number {
  return Math.max(2 * p.models, set === stabilitySet(p) ? p.stabilityModels : 0);
}

