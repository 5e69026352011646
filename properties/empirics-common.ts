/**
 * What the empirical claims (L1.oracle-mirror, E.*) share: how they read an empirics run's
 * summary.json (empirics/unlearn/summary.ts), and the frame every one of them applies first.
 *
 * What "success" means (the paper plots it but never defines it): a run, stopped at a given epoch,
 * succeeds when its p95 KLoM on the forget set AND on the validation set are at most
 * assumptions.empirics.successFactor × the level an independent retraining reaches against the same
 * oracles (oracle B vs oracle A, summary.ts). Retraining is exact unlearning, so that level is what
 * finite-N noise alone gives; a run that matches it is indistinguishable from the oracle by KLoM.
 * A run "breaks the model" when its models blow up (NaN) or its validation KLoM exceeds the success
 * factor × the larger of retraining's and the pretrained models' validation KLoM: it moved validation
 * further from the oracles than doing nothing did, by more than noise. (Against retraining alone,
 * as before the n100 run, the pretrained models themselves "broke" three of its four sets: with 100
 * models the noise floor, 0.65 nats, is below the 1.1–1.9 nats by which removing F moves the oracles'
 * validation margins.) It "stays near the pretrained model" when it closes less than
 * assumptions.empirics.nearPretrained of the forget-KLoM gap between the pretrained models and
 * retraining.
 *
 * The frame (`empiricsClaim`): no run → inconclusive, with the command that produces one; fewer than
 * assumptions.empirics.minModels models per side (the smoke profile) → inconclusive, with what was
 * measured; otherwise the claim's own judge. A run at a scale other than the committed one
 * (properties/expected.json conditions.empirics) is reported, not compared.
 */
import type { Assumptions } from '../theory/assumptions.ts';
import type { EmpiricsSummary, RunEntry, SetSummary, StabilityLevel } from '../empirics/unlearn/summary.ts';
import { groupDraws } from '../empirics/unlearn/bootstrap.ts';
import { centred, percentileInterval } from '../empirics/metrics/klomBootstrap.ts';
import { scaleKey, scaleLabel } from '../empirics/unlearn/summaryIO.ts';
import { loadExpectations } from './expected.ts';
import type { ChartSeries, ChartSpec, CheckContext, ClaimModule, Description, EvidenceBase, Verdict } from './types.ts';

export type EmpiricsReading = Assumptions['empirics'];

export const EMPIRICS_ASSUMPTIONS = [
  'empirics: a run succeeds when its p95 KLoM on the forget and validation sets are ≤ assumptions.empirics.successFactor × an independent retraining\'s (properties/empirics-common.ts)',
  'results: the run verify reads (--empirics DIR, else the newest out/empirics/*/summary.json)',
];

export const fx = (v: number | undefined | null): string => (v === undefined || v === null ? '—' : v === 0 ? '0' : Math.abs(v) < 0.01 ? v.toExponential(2) : v.toFixed(3));
export const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

export function succeeded(e: RunEntry, s: SetSummary, a: Pick<EmpiricsReading, 'successFactor'>): boolean {
  return !e.broken && e.forget! <= a.successFactor * s.retrain.forget && e.val! <= a.successFactor * s.retrain.val;
}
export const broke = (e: RunEntry, s: SetSummary, a: Pick<EmpiricsReading, 'successFactor'>): boolean => e.broken || e.val! > a.successFactor * Math.max(s.retrain.val, s.pretrained.val);
/** Closed less than `nearPretrained` of the forget-KLoM gap from the pretrained models to retraining. */
export const nearPretrained = (e: RunEntry, s: SetSummary, a: Pick<EmpiricsReading, 'nearPretrained'>): boolean =>
  !e.broken && s.pretrained.forget - e.forget! < a.nearPretrained * (s.pretrained.forget - s.retrain.forget);

/** The success factors the sensitivity line reports: how the reading of "success" moves a count. */
export const SENSITIVITY_FACTORS = [1, 1.25, 1.5, 2, 3];
export const sensitivity = (pairs: { e: RunEntry; s: SetSummary }[]): number[] =>
  SENSITIVITY_FACTORS.map((f) => pairs.filter(({ e, s }) => succeeded(e, s, { successFactor: f })).length);
export const sensitivityLine = (counts: number[], of: number): string =>
  `successes at successFactor ${SENSITIVITY_FACTORS.map((f, i) => `${f}: ${counts[i]}`).join(', ')} (of ${of})`;

/** One (run, stopping epoch) as a counterexample prints it. */
export const runRecord = (e: RunEntry, s: SetSummary): Record<string, unknown> => ({
  forgetSet: s.name, method: e.method, lr: e.lr, epoch: e.epoch, ...(e.ascentEpochs ? { ascentEpochs: e.ascentEpochs, forgetBatch: e.forgetBatch } : {}),
  klomForget: e.forget, klomVal: e.val, retrainForget: s.retrain.forget, retrainVal: s.retrain.val,
});

/**
 * Spearman's rank correlation (average ranks for ties; Pearson on the ranks). NaN when either side
 * is constant or has fewer than two values.
 */
export function spearman(x: number[], y: number[]): number {
  const rank = (v: number[]): number[] => {
    const idx = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
    const r = new Array<number>(v.length);
    for (let k = 0; k < idx.length;) {
      let j = k;
      while (j + 1 < idx.length && v[idx[j + 1]!] === v[idx[k]!]) j++;
      for (let t = k; t <= j; t++) r[idx[t]!] = (k + j) / 2;
      k = j + 1;
    }
    return r;
  };
  const rx = rank(x), ry = rank(y), n = x.length;
  const mx = rx.reduce((a, b) => a + b, 0) / n, my = ry.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i]! - mx) * (ry[i]! - my);
    sxx += (rx[i]! - mx) ** 2;
    syy += (ry[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

type Bootstrapped = { forget?: number; retain?: number; val?: number; boot?: { forget: number[]; retain: number[]; val: number[] } };

/** Bootstrap intervals of entries' forget (x) and `y` KLoM as a series' error bars; nothing when any entry lacks replicates. */
export function klomBars(xs: Bootstrapped[], y: 'val' | 'retain', level: number): Pick<ChartSeries, 'intervals' | 'xIntervals'> {
  return xs.length && xs.every((e) => e.boot)
    ? { xIntervals: xs.map((e) => percentileInterval(centredBoot(e, 'forget'), level)), intervals: xs.map((e) => percentileInterval(centredBoot(e, y), level)) }
    : {};
}

/** What a KLoM panel draws: which methods, which set on the y-axis, and its id/title (default: E.ga-gda-fail's chart). */
export interface KlomPanel {
  methods?: readonly ('GA' | 'GDA' | 'SCRUB')[];
  /** the set whose p95 KLoM is the y-axis (the paper's Fig. 1/6: validation; Fig. 7: retain) */
  y?: 'val' | 'retain';
  id?: string;
  title?: string;
  /** the bootstrap intervals' level (assumptions.empirics.confidence) */
  level?: number;
}

/**
 * KLoM scatter of one forget set: forget (x) against validation or retain (y), every run, as the
 * paper's Figs. 1, 6 and 7. The dashed corner is the success bound on both axes (on the retain axis,
 * the same factor × retraining's retain KLoM, which success does not judge: drawn for reference).
 */
export function klomChart(s: SetSummary, scale: { dataset: string; model: string; models: number }, successFactor: number, panel: KlomPanel = {}): ChartSpec {
  const colors: Record<string, string> = { GA: '#d62728', GDA: '#1f77b4', SCRUB: '#2ca02c' };
  const methods = panel.methods ?? (['GA', 'GDA', 'SCRUB'] as const);
  const y = panel.y ?? 'val';
  const yName = y === 'val' ? 'validation' : 'retain';
  const shown = s.runs.filter((e) => methods.includes(e.method as 'GA') && !e.broken);
  const pts = (m: string): [number, number][] => shown.filter((e) => e.method === m).map((e) => [e.forget!, e[y]!]);
  const level = panel.level ?? 0.95;
  const bars = (xs: Bootstrapped[]) => klomBars(xs, y, level);
  const bx = successFactor * s.retrain.forget, by = successFactor * s.retrain[y];
  // linear axes starting just below the smallest value: at N = 20 every KLoM sits in a narrow band
  const all = [...shown.flatMap((e) => [e.forget!, e[y]!]), s.pretrained.forget, s.pretrained[y], s.retrain.forget, s.retrain[y]];
  const lo = 0.9 * Math.min(...all);
  const brokenHere = s.runs.filter((e) => methods.includes(e.method as 'GA') && e.broken).length;
  const ofAll = s.runs.filter((e) => methods.includes(e.method as 'GA')).length;
  return {
    id: panel.id ?? `empirics-klom-${s.name}`,
    title: panel.title ?? `KLoM p95 on ${s.name}: forget vs ${yName} (${scale.dataset}, ${scale.model}, N = ${scale.models})`,
    xLabel: 'p95 KLoM, forget set (nats)',
    yLabel: `p95 KLoM, ${yName} set (nats)`,
    series: [
      { label: 'pretrained (do nothing)', points: [[s.pretrained.forget, s.pretrained[y]]], kind: 'scatter' as const, color: '#000000', pointSize: 7, square: true, ...bars([s.pretrained]) },
      { label: 'independent retraining', points: [[s.retrain.forget, s.retrain[y]]], kind: 'scatter' as const, color: '#9467bd', pointSize: 7, square: true, ...bars([s.retrain]) },
      { label: `success region (≤ ${successFactor} × retraining)`, points: [[lo, by], [bx, by], [bx, lo]], kind: 'line' as const, color: '#9467bd', dashed: true },
      // after the reference markers: chart.js draws the first series on top, and runs that barely move sit on the pretrained model
      ...methods.map((m) => ({ label: m, points: pts(m), kind: 'scatter' as const, color: colors[m], pointSize: 3, ...bars(shown.filter((e) => e.method === m)) })),
    ],
    caption: `Each dot is one (run, stopping epoch) over N models; the dashed corner bounds success (both KLoMs ≤ ${successFactor} × an independent retraining's${y === 'retain' ? '; success is judged on forget and validation, the retain corner is drawn for reference' : ''}). ${brokenHere} of ${ofAll} pairs broke the model (NaN) and are not drawn.${s.retrain.boot ? ` Error bars: ${Math.round(100 * level)}% bootstrap intervals over models on both axes.` : ''}`,
  };
}

// ---------------------------------------------------------------- the frame every empirical claim applies

/** The run a verdict was measured on. */
export interface RunInfo {
  path: string;
  /** dataset/model/profile (empirics/unlearn/summaryIO.ts scaleKey) */
  scale: string;
  label: string;
  models: number;
  profile: string;
  dataset: string;
  model: string;
  seed: number;
  /** whether properties/expected.json commits expectations at this scale */
  committed: boolean;
  /** the scale record for the report (data.scale) */
  record: Record<string, unknown>;
}

/**
 * The claim re-measured and re-judged on every bootstrap replicate of the run (replicateSummary):
 * how many replicates reach each verdict, and the central `level` percentile interval of every key
 * number. Null for a summary made before summaries carried replicates.
 */
export interface BootstrapReading {
  /** the verdict on the point estimates, under the assumptions the replicates were judged with */
  point: Verdict;
  replicates: number;
  level: number;
  verdicts: Partial<Record<Verdict, number>>;
  intervals: Record<string, [number, number]>;
}

export interface EmpiricsEvidence<M> extends EvidenceBase {
  /** the run read, or null when verify found none */
  run: RunInfo | null;
  /** the claim's own measurement on that run (null without a run) */
  m: M | null;
  /** assumptions.empirics.minModels when measured (describe names it) */
  minModels: number;
  /** the same measurement on each bootstrap replicate (absent for a summary without replicates) */
  bootstrap?: BootstrapReading | null;
}

const centredCache = new WeakMap<object, Partial<Record<'forget' | 'retain' | 'val', number[]>>>();
/** An entry's replicates of one KLoM, re-centred on its point estimate (klomBootstrap.ts centred: why), computed once. */
export function centredBoot(x: { forget?: number; retain?: number; val?: number; boot?: Partial<Record<'forget' | 'retain' | 'val', number[]>> }, k: 'forget' | 'retain' | 'val'): number[] {
  let c = centredCache.get(x);
  if (!c) centredCache.set(x, (c = {}));
  return (c[k] ??= centred(x.boot![k]!, x[k]!));
}

/**
 * Replicate b of a run: every p95 KLoM replaced by its b-th bootstrap value (summary.ts), re-centred
 * on the point estimate (centredBoot), the reference oracles' accuracies redrawn with the same
 * indices as their KLoMs. Entries without replicates (broken runs) are kept as they are.
 */
export function replicateSummary(sum: EmpiricsSummary, b: number): EmpiricsSummary {
  let all = replicateCache.get(sum);
  if (!all) replicateCache.set(sum, (all = []));
  return (all[b] ??= buildReplicate(sum, b, oracleDraws(sum)));
}

// every empirical claim reads the same replicates of one summary: built once, with the oracle draws once
const replicateCache = new WeakMap<EmpiricsSummary, EmpiricsSummary[]>();
const drawCache = new WeakMap<EmpiricsSummary, Uint16Array[]>();
const oracleDraws = (sum: EmpiricsSummary): Uint16Array[] => {
  let d = drawCache.get(sum);
  if (!d) drawCache.set(sum, (d = groupDraws(sum.seed, 'oracle-A', sum.scale.models, sum.bootstrap!.replicates)));
  return d;
};

function buildReplicate(sum: EmpiricsSummary, b: number, draws: Uint16Array[]): EmpiricsSummary {
  const N = sum.scale.models;
  const dA = draws[b]!;
  const rep = <T extends { forget?: number; retain?: number; val?: number; boot?: { forget: number[]; retain: number[]; val: number[] } }>(x: T): T =>
    x.boot ? { ...x, forget: centredBoot(x, 'forget')[b]!, retain: centredBoot(x, 'retain')[b]!, val: centredBoot(x, 'val')[b]! } : x;
  const lvl = (x: StabilityLevel | null): StabilityLevel | null => (x?.boot ? { ...x, retain: centredBoot(x, 'retain')[b]!, val: centredBoot(x, 'val')[b]! } : x);
  return {
    ...sum,
    sets: sum.sets.map((s) => ({
      ...s, pretrained: rep(s.pretrained), retrain: rep(s.retrain), runs: s.runs.map(rep),
      oracleAccuracy: s.oracleAccuracy.forget.length === N ? { forget: Array.from(dA, (i) => s.oracleAccuracy.forget[i]!), val: Array.from(dA, (i) => s.oracleAccuracy.val[i]!) } : s.oracleAccuracy,
    })),
    stability: { ...sum.stability, points: sum.stability.points.map((p) => ({ ...p, pretrainedVsOracle: lvl(p.pretrainedVsOracle)!, oracleVsOracle: lvl(p.oracleVsOracle) })) },
  };
}

const pctLevel = (x: number): string => `${Number((100 * x).toFixed(1))}%`;

/** The fraction of replicates that must reach the point verdict: a central `level` interval on one side of a threshold. */
export const agreementNeeded = (level: number): number => (1 + level) / 2;

/**
 * The verdict a bootstrap reading allows, given the verdict on the point estimates: it stands when at
 * least (1 + level)/2 of the replicates reach it (for a verdict decided by one statistic against one
 * threshold, exactly "the statistic's central level-interval lies on the point's side"). Replicates
 * split only between holds and holds-with-caveat leave the claim standing but its caveat possible:
 * holds-with-caveat. Anything else straddles a threshold: inconclusive.
 */
export function bootstrapVerdict(point: Verdict, b: BootstrapReading | null | undefined): Verdict {
  if (!b || point === 'inconclusive') return point;
  const need = agreementNeeded(b.level) * b.replicates, n = (v: Verdict): number => b.verdicts[v] ?? 0;
  if (n(point) >= need) return point;
  if ((point === 'holds' || point === 'holds-with-caveat') && n('holds') + n('holds-with-caveat') >= need) return 'holds-with-caveat';
  return 'inconclusive';
}

/** The interval sentence of a description: the replicates' verdicts and the intervals of the named key numbers. */
export function bootstrapLine(b: BootstrapReading | null | undefined, decisive: string[], others: string[] = []): string {
  if (!b) return 'No bootstrap interval: this summary predates bootstrap replicates (rerun `ascent-verify empirics` on its directory to add them).';
  const counts = Object.entries(b.verdicts).map(([v, k]) => `${v} ${k}`).join(', ');
  // the decisive numbers always; the others only where the replicates move them
  const keys = [...decisive, ...others.filter((k) => !decisive.includes(k) && b.intervals[k] && b.intervals[k]![0] !== b.intervals[k]![1])].slice(0, 10);
  const iv = keys.filter((k) => b.intervals[k]).map((k) => `${k} [${fx(b.intervals[k]![0])}, ${fx(b.intervals[k]![1])}]`).join('; ');
  return `Bootstrap over models (${b.replicates} paired replicates re-centred on the point estimates, ${pctLevel(b.level)} percentile intervals): the claim re-judged on each replicate gives ${counts}${iv ? `; ${iv}` : ''}.`;
}

/** A run's summary as verify found it; `replicate` when it is a bootstrap replicate (measure skips charts). */
export type Found = { path: string; summary: EmpiricsSummary; replicate?: boolean };

export const foundIn = (ctx: Pick<CheckContext, 'empirics'>): Found | null => (ctx.empirics ?? null) as Found | null;

let committed: string | undefined;
/** The scale properties/expected.json commits expectations for (read once). */
const committedScale = (): string => (committed ??= loadExpectations().conditions.empirics);

export function runInfo(f: Found): RunInfo {
  const s = f.summary;
  return {
    path: f.path, scale: scaleKey(s), label: scaleLabel(s), models: s.scale.models, profile: s.scale.profile, dataset: s.scale.dataset, model: s.scale.model, seed: s.seed,
    committed: committedScale() === scaleKey(s),
    record: { ...s.scale, seed: s.seed, backend: s.backend, results: f.path },
  };
}

/** The command that re-runs the empirics at this run's scale and then verify for one claim. */
export const reproduceEmpirics = (r: RunInfo, id: string): string =>
  `ascent-verify empirics --profile ${r.profile} --dataset ${r.dataset} --model ${r.model} --seed ${r.seed} --out DIR && ascent-verify verify --empirics DIR --claims ${id}`;

export const NO_RUN = 'No empirics results: run `npx ascent-verify empirics --profile quick` (about 20 minutes on two CPU cores; `--profile smoke` in seconds) and verify again; verify reads the newest out/empirics/*/summary.json, or --empirics DIR.';

/** What a claim supplies: its measurement of one run, its judge and description of that measurement. */
export interface EmpiricsSpec<M extends EvidenceBase> {
  id: string;
  measureRun: (f: Found, a: EmpiricsReading, label: string) => M;
  /** pure; called only with a run of at least minModels models per side */
  judgeRun: (m: M, a: EmpiricsReading) => Verdict;
  /** `verdict` is 'inconclusive' also when the frame decided it (too few models): write the measurement plainly then */
  describeRun: (m: M, verdict: Verdict, run: RunInfo) => Description;
  keyRun: (m: M) => Record<string, number>;
  /** the key numbers whose intervals the description names first (the ones the verdict turns on) */
  decisive?: (m: M) => string[];
}

type Frame<M> = Pick<ClaimModule<EmpiricsEvidence<M>>, 'judge' | 'describe' | 'keyNumbers' | 'compared'> & {
  /** synchronous: the summary is already read, so properties can call it in their bodies */
  measure: (ctx: CheckContext) => EmpiricsEvidence<M>;
};

/** Measures and judges the claim on every replicate of the run (null without replicates). */
function bootstrapReading<M extends EvidenceBase>(spec: EmpiricsSpec<M>, f: Found, a: EmpiricsReading, label: string, m: M): BootstrapReading | null {
  const b = f.summary.bootstrap;
  if (!b || !f.summary.sets.every((s) => s.pretrained.boot && s.retrain.boot)) return null;
  const verdicts: Partial<Record<Verdict, number>> = {}, keys: Record<string, number[]> = {};
  for (let r = 0; r < b.replicates; r++) {
    const mr = spec.measureRun({ path: f.path, summary: replicateSummary(f.summary, r), replicate: true }, a, label);
    const v = spec.judgeRun(mr, a);
    verdicts[v] = (verdicts[v] ?? 0) + 1;
    for (const [k, x] of Object.entries(spec.keyRun(mr))) (keys[k] ??= []).push(x);
  }
  const intervals: Record<string, [number, number]> = {};
  for (const [k, xs] of Object.entries(keys)) if (xs.length === b.replicates && xs.every(Number.isFinite)) intervals[k] = percentileInterval(xs, a.confidence);
  return { point: spec.judgeRun(m, a), replicates: b.replicates, level: a.confidence, verdicts, intervals };
}

export function empiricsClaim<M extends EvidenceBase>(spec: EmpiricsSpec<M>): Frame<M> {
  return {
    measure(ctx) {
      const f = foundIn(ctx), minModels = ctx.assumptions.empirics.minModels;
      if (!f) return { casesTried: 0, casesInScope: 0, run: null, m: null, minModels };
      const run = runInfo(f), a = ctx.assumptions.empirics;
      const m = spec.measureRun(f, a, run.label);
      return { casesTried: m.casesTried, casesInScope: m.casesInScope, run, m, minModels, bootstrap: bootstrapReading(spec, f, a, run.label, m) };
    },
    judge(e, a) {
      if (!e.run || !e.m) return 'inconclusive';
      if (e.run.models < a.empirics.minModels) return 'inconclusive';
      return bootstrapVerdict(spec.judgeRun(e.m, a.empirics), e.bootstrap);
    },
    describe(e, verdict) {
      if (!e.run || !e.m) return { summary: 'not run: no empirics results', evidence: NO_RUN, counterexample: null };
      const d = spec.describeRun(e.m, verdict, e.run);
      const data = { ...(d.data ?? {}), scale: e.run.record };
      const unCompared = e.run.committed ? '' : `No verdict is committed for the scale ${e.run.scale}: this verdict is reported, not compared.`;
      const notes = [d.notes ?? '', unCompared].filter(Boolean).join(' ');
      if (e.run.models < e.minModels) {
        return {
          summary: `N = ${e.run.models} models per side, fewer than the ${e.minModels} a verdict needs`,
          evidence: `Too few models for KLoM to mean anything (N = ${e.run.models} < ${e.minModels}); what was measured: ${d.evidence}`,
          notes, counterexample: null, data, ...(d.charts ? { charts: d.charts } : {}),
        };
      }
      const line = bootstrapLine(e.bootstrap, spec.decisive?.(e.m) ?? [], Object.keys(spec.keyRun(e.m)));
      const b = e.bootstrap, point = b?.point ?? verdict, reproduce = reproduceEmpirics(e.run, spec.id);
      if (!b || verdict === point) {
        const counterexample = d.counterexample ? { ...d.counterexample, reproduce } : null;
        return { ...d, evidence: `${d.evidence} ${line}`, notes, data: { ...data, bootstrap: b ?? null }, counterexample };
      }
      // the bootstrap moved the verdict: the prose is the point estimates' (written for `point`), and says so
      const p = spec.describeRun(e.m, point, e.run), level = pctLevel(b.level), need = pctLevel(agreementNeeded(b.level));
      const split = Object.entries(b.verdicts).map(([v, k]) => `${v} ${k}`).join(', ');
      if (verdict === 'holds-with-caveat') {
        return {
          ...p, summary: `${p.summary} (but the caveat's condition is inside the ${level} interval)`,
          evidence: `${p.evidence} On the point estimates the verdict is ${point}; only the bootstrap replicates' split (${split}) separates it from its caveat, so the caveat cannot be excluded at ${level}. ${line}`,
          notes: [notes, p.notes ?? ''].filter(Boolean).join(' '), data: { ...data, bootstrap: b }, counterexample: { replicateVerdicts: b.verdicts, reproduce },
        };
      }
      return {
        ...p, summary: `${p.summary} (not decided at ${level} confidence)`,
        evidence: `${p.evidence} On the point estimates the verdict would be ${point}; fewer than ${need} of the bootstrap replicates reach it (${split}), so its intervals straddle a threshold. ${line}`,
        notes: [notes, p.notes ?? ''].filter(Boolean).join(' '), data: { ...data, bootstrap: b }, counterexample: null,
      };
    },
    keyNumbers: (e) => (e.m ? { casesTried: e.casesTried, casesInScope: e.casesInScope, ...spec.keyRun(e.m) } : { casesTried: 0, casesInScope: 0 }),
    compared: (_ctx, e) => e.run !== null && e.run.committed,
  };
}
