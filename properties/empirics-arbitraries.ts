/**
 * Empirics summaries built by construction for the empirical claims' properties and judge tests: a
 * set's pretrained and retraining levels first, then runs placed inside or outside the success
 * corner on purpose, so each property knows the verdict it must get. The real numbers come from
 * results/empirics/ (tests/empirics.test.ts runs the pipeline itself).
 */
import fc from 'fast-check';
import type { EmpiricsSummary, RunEntry, SetSummary, StabilityPoint } from '../empirics/unlearn/summary.ts';
import { plan } from '../empirics/unlearn/profiles.ts';
import { DEFAULTS } from './arbitraries.ts';
import type { CheckContext } from './types.ts';

export const A = DEFAULTS.empirics;

/** A set whose retraining sits at (r, r) and pretrained at (pf, pv), with the given runs and oracle accuracies. */
export function set(name: string, kind: string, size: number, r: number, pf: number, pv: number, runs: RunEntry[], oracleAcc: { forget: number[]; val: number[] } = { forget: Array(20).fill(0.85), val: Array(20).fill(0.85) }): SetSummary {
  return {
    name, kind, size,
    pretrained: { forget: pf, retain: pv, val: pv, accForget: 0.9, accVal: 0.85 },
    retrain: { forget: r, retain: r, val: r, accForget: 0.85, accVal: 0.85 },
    oracleAccuracy: oracleAcc,
    runs,
  };
}

export function summary(sets: SetSummary[], models = 20, points: StabilityPoint[] = []): EmpiricsSummary {
  const p = plan('quick', 'mnist');
  return {
    version: 1, tool: { name: 'ascent-verify', version: 'test', commit: 'test' },
    scale: { dataset: 'mnist', model: 'mlp', profile: 'quick', models, nTrain: 1000, nVal: 500, image: '14×14×1', grid: p.grid, forgetSets: sets.map((s) => s.name) },
    seed: 1, backend: 'cpu', createdAt: '2026-01-01T00:00:00Z', durationMs: 0, sets, stability: { set: sets[0]?.name ?? '', points },
  };
}

export const run = (method: 'GA' | 'GDA' | 'SCRUB', lr: number, epoch: number, forget: number, val: number, acc: { forget: number; val: number } = { forget: 0.85, val: 0.85 }): RunEntry =>
  ({ method, lr, epoch, broken: false, forget, retain: val, val, accForget: acc.forget, accVal: acc.val });

/** A value strictly inside (0, factor·r] — a success coordinate — or strictly above it. */
export const inside = (r: number, u: number): number => r * A.successFactor * (0.2 + 0.8 * u);
export const outside = (r: number, u: number): number => r * A.successFactor * (1.01 + u);

/** A context that hands `s` to the claims as the empirics run (default assumptions, quick profile). */
export const ctxWith = (s: EmpiricsSummary | null): CheckContext => ({ profile: 'quick', seed: 1, assumptions: DEFAULTS, digits: 50, log: () => {}, empirics: s && { path: '(drawn)', summary: s } });

/** Models per side below assumptions.empirics.minModels (the smoke profile's regime). */
export const fewModels = fc.integer({ min: 1, max: A.minModels - 1 });
