/**
 * What the four T52.* claims (Sec. 5.2, Figure 5) share: the toy's runs under each reading of the
 * garbled link (pretrained = global minimum of L_D; retraining, GDA = gradient descent from it;
 * finetuning = gradient descent on L_R from GDA's solution), the setting's probes, and the link
 * family σ_κ (theory/toy52.ts linkFamily: κ = 0 logistic, κ = 1 tanh-half) on which a claim that
 * holds under one reading and not the other has its boundary located: the readings are the cases on
 * both sides, the family's grid κ = k/20 where the outcome flips is the boundary, and fast-check's
 * shrinking over k gives the smallest failing κ.
 */
import fc from 'fast-check';
import { classify, gradientDescent, linkFamily, LINKS, localMinima, loss, multiStartMinima, WEIGHTS, type Link, type Objective, type ToyPoint, type ToyProblem } from '../theory/toy52.ts';
import type { Assumptions } from '../theory/assumptions.ts';
import { smallestCounterexample } from './shrink.ts';
import type { ChartSeries, ChartSpec, CheckContext } from './types.ts';

export type Run = { a: number; b: number; gradNorm: number; steps: number; path: [number, number][] };

export interface Reading {
  link: Link;
  minimaD: ToyPoint[];
  /** minima of L_D found by the multi-start descent over the disc holding every stationary point (named readings only) */
  multiStart: { count: number; radius: number; starts: number } | null;
  pretrained: ToyPoint;
  retrain: Run;
  minimaR: ToyPoint[];
  gda: Run;
  /** gradient descent on L_D from the GDA solution: which pretraining basin GDA's solution lies in */
  gdaBasinD: Run;
  finetune: Run;
}

/** The setting's other readings of the paper's loose description: reported beside the verdict, never setting it. */
export const VARIANTS = {
  base: 'as read (ridge (λ/2)‖θ‖², each objective normalised by its own weight, pretrained = global minimum of L_D)',
  ridgeFull: 'ridge λ‖θ‖² (i.e. λ → 2λ)',
  normaliseByD: 'every objective divided by |D| = 14',
  pretrainFromZero: 'pretrained = gradient descent on L_D from θ = 0',
} as const;
export type Variant = keyof typeof VARIANTS;

/** A planted error (test seam for the meta-tests): a factor on λ, or other cluster weights for an objective. */
export interface Plant {
  lambdaFactor?: number;
  weights?: Partial<Record<Objective, readonly number[]>>;
}

export const near = (p: { a: number; b: number }, q: { a: number; b: number }): boolean => Math.hypot(p.a - q.a, p.b - q.b) < 1e-5;


/**
 * The runs of the toy under one link, each computed on first use and kept (a claim that needs only
 * the pretraining minima does not pay for the descents), cached by link, setting, variant and plant:
 * the four claims share them.
 */
class LazyReading implements Reading {
  private memo = new Map<string, unknown>();
  constructor(readonly link: Link, private readonly t: Assumptions['toy52'], private readonly variant: Variant, private readonly plant: Plant, private readonly withMultiStart: boolean) {}
  private once<T>(key: string, f: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, f());
    return this.memo.get(key) as T;
  }
  private problem(o: Objective): ToyProblem {
    const lambda = (this.variant === 'ridgeFull' ? 2 : 1) * this.t.lambda * (this.plant.lambdaFactor ?? 1);
    return { link: this.link, weights: this.plant.weights?.[o] ?? WEIGHTS[o], lambda, ...(this.variant === 'normaliseByD' ? { normaliser: 14 } : {}) };
  }
  private gd(o: Objective, a: number, b: number): Run {
    return gradientDescent(this.problem(o), a, b, this.t.finetune.eta, this.t.finetune.steps);
  }
  get minimaD(): ToyPoint[] { return this.once('minimaD', () => localMinima(this.problem('pretrain')).minima); }
  get minimaR(): ToyPoint[] { return this.once('minimaR', () => localMinima(this.problem('retrain')).minima); }
  get multiStart(): Reading['multiStart'] {
    return this.once('multiStart', () => {
      if (!this.withMultiStart) return null;
      const ms = multiStartMinima(this.problem('pretrain'));
      return { count: ms.minima.length, radius: ms.radius, starts: ms.starts };
    });
  }
  get pretrained(): ToyPoint {
    return this.once('pretrained', () => {
      if (this.variant !== 'pretrainFromZero') return this.minimaD[0]!;
      const z = this.gd('pretrain', 0, 0);
      return this.minimaD.reduce((best, m) => (Math.hypot(m.a - z.a, m.b - z.b) < Math.hypot(best.a - z.a, best.b - z.b) ? m : best));
    });
  }
  get retrain(): Run { return this.once('retrain', () => this.gd('retrain', this.pretrained.a, this.pretrained.b)); }
  get gda(): Run { return this.once('gda', () => this.gd('gda', this.pretrained.a, this.pretrained.b)); }
  get finetune(): Run { return this.once('finetune', () => this.gd('retrain', this.gda.a, this.gda.b)); }
  get gdaBasinD(): Run { return this.once('gdaBasinD', () => this.gd('pretrain', this.gda.a, this.gda.b)); }
}

const cache = new Map<string, Reading>();

export function readingFor(link: Link, t: Assumptions['toy52'], variant: Variant = 'base', plant: Plant = {}, withMultiStart = true): Reading {
  const key = JSON.stringify([link.name, t, variant, plant, withMultiStart]);
  let r = cache.get(key);
  if (!r) cache.set(key, (r = new LazyReading(link, t, variant, plant, withMultiStart)));
  return r;
}

/** The readings assumptions.toy52.link names (`all`: every reading). */
export function readings(ctx: Pick<CheckContext, 'assumptions'>, variant: Variant = 'base', plant: Plant = {}): Reading[] {
  const t = ctx.assumptions.toy52;
  const names = t.link === 'all' ? Object.keys(LINKS) : [t.link];
  // the multi-start cross-check runs for the readings the verdict uses, not for the probes
  return names.map((n) => readingFor(LINKS[n]!, t, variant, plant, variant === 'base'));
}

/** The family grid κ = k/FAMILY_STEPS. */
export const FAMILY_STEPS = 20;

export interface FamilyEvidence {
  /** κ = k/20, k = 0..20, and whether the claim holds there */
  grid: { kappa: number; ok: boolean }[];
  /** where the outcome flips between neighbouring grid points: [κ_k, κ_{k+1}] */
  flips: [number, number][];
  /** the smallest failing κ fast-check's shrinking found over k (null: none fails) */
  shrunk: { kappa: number; seed: number; path: string } | null;
}

/** The claim along the family σ_κ (runs without the multi-start cross-check), and its smallest failing κ. */
export function familyScan(ctx: Pick<CheckContext, 'assumptions' | 'seed'>, ok: (r: Reading) => boolean, seed: number, plant: Plant = {}): FamilyEvidence {
  const at = (k: number): boolean => ok(readingFor(linkFamily(k / FAMILY_STEPS), ctx.assumptions.toy52, 'base', plant, false));
  const grid = Array.from({ length: FAMILY_STEPS + 1 }, (_, k) => ({ kappa: k / FAMILY_STEPS, ok: at(k) }));
  const flips: [number, number][] = [];
  for (let k = 0; k < FAMILY_STEPS; k++) if (grid[k]!.ok !== grid[k + 1]!.ok) flips.push([grid[k]!.kappa, grid[k + 1]!.kappa]);
  const r = smallestCounterexample(fc.integer({ min: 0, max: FAMILY_STEPS }), (k) => !at(k), seed, 60);
  return { grid, flips, shrunk: r ? { kappa: r.value / FAMILY_STEPS, seed: r.seed, path: r.path } : null };
}

/** One claim's outcome under every reading, with the probes. */
export interface ReadingsEvidence<Row> {
  casesTried: number;
  casesInScope: number;
  rows: Row[];
  /** under each probe of VARIANTS, the readings under which the claim holds */
  probes: { variant: string; holdsUnder: string[] }[];
  family: FamilyEvidence;
  setting: { lambda: number; eta: number; maxSteps: number };
  seed: number;
  profile: string;
  charts: ChartSpec[];
}

export function probes(ctx: CheckContext, ok: (r: Reading) => boolean, plant: Plant = {}): { variant: string; holdsUnder: string[] }[] {
  return (Object.keys(VARIANTS) as Variant[]).filter((v) => v !== 'base').map((v) => ({ variant: VARIANTS[v], holdsUnder: readings(ctx, v, plant).filter(ok).map((r) => r.link.name) }));
}

/** The shared verdict rule: holds under every reading, under none (refuted), or under some (the reading is the condition). */
export function judgeReadings(oks: readonly boolean[]): 'holds' | 'holds-with-caveat' | 'refuted' | 'inconclusive' {
  if (!oks.length) return 'inconclusive';
  const n = oks.filter(Boolean).length;
  return n === oks.length ? 'holds' : n === 0 ? 'refuted' : 'holds-with-caveat';
}

export function readingsText(rows: readonly { link: string; ok: boolean }[]): string {
  const yes = rows.filter((r) => r.ok).map((r) => r.link), all = rows.map((r) => r.link);
  if (yes.length === all.length) return `under every reading of the link (${all.join(', ')})`;
  if (!yes.length) return `under none of the readings (${all.join(', ')})`;
  return `only under the ${yes.join(' and ')} reading${yes.length > 1 ? 's' : ''} (not ${all.filter((x) => !yes.includes(x)).join(', ')})`;
}

export function probesText(p: { variant: string; holdsUnder: string[] }[]): string {
  return `Probes of the setting's other readings (not used for the verdict) — the claim holds under: ${p.map((x) => `${x.variant}: ${x.holdsUnder.length ? x.holdsUnder.join(', ') : 'none'}`).join('; ')}.`;
}

export function familyText(f: FamilyEvidence): string {
  const holds = f.grid.filter((g) => g.ok).length;
  return `Along the link family σ_κ(z) = (1 + κ)/(1 + e^{−z}) − κ (κ = 0 logistic, κ = 1 tanh-half), κ = k/${FAMILY_STEPS}: the claim holds at ${holds} of ${f.grid.length} points; ` +
    (f.flips.length ? `its outcome flips between κ = ${f.flips.map(([a, b]) => `${a} and ${b}`).join(', between κ = ')}` : 'its outcome never flips on the grid') +
    (f.shrunk ? `; the smallest failing κ fast-check's shrinking found is ${f.shrunk.kappa}.` : '; it fails nowhere on the family.');
}

export const TOY = ['h_θ(x) = σ(a·x + b·x²), x ∈ {−1, 1, 3, 4}, y ∈ {−1, 1, −1, 1}, weights {5, 4, 1, 4}', 'weighted MSE normalised by the total weight, ridge (λ/2)‖θ‖²', 'the link σ: assumptions.toy52.link (all readings by default); the family σ_κ joins the logistic and tanh-half readings'];

export function settingNotes(s: { lambda: number; eta: number; maxSteps: number }): string {
  return `Readings of the link: ${Object.values(LINKS).map((l) => `${l.name}: ${l.description}`).join('; ')}. Labels ±1 are compared with h directly, (h − y)², even for the (0, 1)-valued links, where h can never reach −1: there a sample counts as +1 when h > 1/2 (the middle of σ's range). Loss normalised by the objective's total weight (14, 12, 10), ridge (λ/2)‖θ‖² as in Eq. (1) with λ = ${s.lambda}; pretrained model = global minimum of L_D (grid scan + Newton, confirmed by multi-start descent over the disc holding every stationary point); retraining, GDA and finetuning = gradient descent with η = ${s.eta} until |∇L| < 1e−12 (at most ${s.maxSteps} steps, else NonConvergenceError), retraining and GDA from the pretrained model, finetuning from GDA's solution. Weighted counts as the paper counts them (cluster sizes).`;
}

export const pattern = (c: boolean[]): string => c.map((x, i) => `x${i + 1} ${x ? '✓' : '✗'}`).join(', ');
export const fmt4 = (x: number): string => x.toFixed(4);
export const reproduceToy = (id: string, seed: number, profile: string): string => `ascent-verify verify --claims ${id} --seed ${seed} --profile ${profile}`;

/** Shared measurement of a T52 claim: rows per reading, probes, the family scan, the setting. */
export function measureReadings<Row>(ctx: CheckContext, row: (r: Reading) => Row, holds: (row: Row) => boolean, seed: number, plant: Plant, charts: (rs: Reading[]) => ChartSpec[]): ReadingsEvidence<Row> {
  const rs = readings(ctx, 'base', plant);
  const t = ctx.assumptions.toy52;
  const ok = (r: Reading): boolean => holds(row(r));
  return {
    casesTried: rs.length, casesInScope: rs.length, rows: rs.map(row),
    probes: probes(ctx, ok, plant),
    family: familyScan(ctx, ok, seed, plant),
    setting: { lambda: t.lambda, eta: t.finetune.eta, maxSteps: t.finetune.steps },
    seed: ctx.seed, profile: ctx.profile, charts: rs.length ? charts(rs) : [],
  };
}

/** The empty scope's description (no reading named). */
export const NO_READING = { summary: 'No reading of the link was measured.', evidence: 'assumptions.toy52.link names no reading.', counterexample: null };

/** What every T52 counterexample carries beside its failing reading: the family's smallest failing κ and the command. */
export function toyCounterexample(id: string, e: ReadingsEvidence<unknown>): Record<string, unknown> {
  return { ...(e.family.shrunk ? { smallestFailingKappa: e.family.shrunk.kappa, shrunkBy: 'fast-check', flipsBetween: e.family.flips } : {}), reproduce: reproduceToy(id, e.seed, e.profile) };
}

/** Key numbers every T52 claim pins: the readings held, the family's count, first flip and smallest failing κ. */
export function toyKeys<Row>(e: ReadingsEvidence<Row>, holds: (r: Row) => boolean): Record<string, number> {
  return {
    casesTried: e.casesTried, casesInScope: e.casesInScope, readingsHeld: e.rows.filter(holds).length,
    familyHeld: e.family.grid.filter((g) => g.ok).length, firstFlip: e.family.flips[0]?.[0] ?? -1, smallestFailingKappa: e.family.shrunk?.kappa ?? -1,
  };
}

/** Evidence built by construction for the judges' tests: the rows, a family that holds at κ = 0 or 1 only, the committed setting. */
export function constructed<Row>(rows: Row[], familyHoldsAt: 0 | 1): ReadingsEvidence<Row> {
  const grid = [{ kappa: 0, ok: familyHoldsAt === 0 }, { kappa: 1, ok: familyHoldsAt === 1 }];
  return { casesTried: rows.length, casesInScope: rows.length, rows, probes: [], family: { grid, flips: [[0, 1]], shrunk: { kappa: familyHoldsAt === 0 ? 1 : 0, seed: 1, path: '0' } }, setting: { lambda: 0.1, eta: 0.1, maxSteps: 20000 }, seed: 1, profile: 'quick', charts: [] };
}

/** Counts of a classification for evidence rows. */
export function counts(link: Link, a: number, b: number, o: Objective): { correct: boolean[]; nCorrect: number; nWrong: number; boundaries: number[] } {
  return classify(link, a, b, WEIGHTS[o]);
}

/** The loss landscape of one objective under one link, with marked points and paths. */
export function landscape(id: string, r: Reading, objective: Objective, lambda: number, marks: { label: string; color: string; points: [number, number][]; line?: boolean }[]): ChartSpec {
  const problem = { link: r.link, weights: WEIGHTS[objective], lambda };
  const na = 70, nb = 60, aLo = -0.5, aHi = 3, bLo = -2, bHi = 0.8;
  const vals: { a: number; b: number; v: number }[] = [];
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) {
    const a = aLo + ((aHi - aLo) * i) / (na - 1), b = bLo + ((bHi - bLo) * j) / (nb - 1);
    vals.push({ a, b, v: loss(problem, a, b) });
  }
  const sorted = vals.map((x) => x.v).sort((x, y) => x - y);
  const bins = 8;
  const edges = Array.from({ length: bins - 1 }, (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / bins)]!);
  const shades = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef', '#eff3ff'];
  const series: ChartSeries[] = shades.map((color, k) => ({
    label: k === 0 ? 'loss: lowest eighth' : k === bins - 1 ? 'loss: highest eighth' : `loss octile ${k + 1}`,
    kind: 'scatter' as const, square: true, pointSize: 4, color,
    points: vals.filter((x) => (k === 0 || x.v >= edges[k - 1]!) && (k === bins - 1 || x.v < edges[k]!)).map((x) => [x.a, x.b] as [number, number]),
  }));
  for (const m of marks) series.push({ label: m.label, kind: m.line ? 'line' : 'scatter', color: m.color, points: m.points, pointSize: 7 });
  return { id, title: `${objective === 'pretrain' ? 'Pretraining' : objective === 'retrain' ? 'Retraining' : 'GDA'} loss landscape, ${r.link.name} link`, xLabel: 'a', yLabel: 'b', series, caption: `Shades: octiles of the ${objective} loss over the window; markers: minima and gradient-descent paths (${r.link.description}).` };
}

/** Decision functions z(x) = a·x + b·x² of several models against x, with the link's threshold and the four samples (Figure 5's boundaries as score curves). */
export function decisionChart(id: string, r: Reading, models: { label: string; color: string; a: number; b: number }[]): ChartSpec {
  const xs = Array.from({ length: 121 }, (_, i) => -2 + (7 * i) / 120);
  const series: ChartSeries[] = models.map((m) => ({ label: `${m.label}: z = ${m.a.toFixed(3)}x ${m.b < 0 ? '−' : '+'} ${Math.abs(m.b).toFixed(3)}x²`, kind: 'line', color: m.color, points: xs.map((x) => [x, m.a * x + m.b * x * x] as [number, number]) }));
  series.push({ label: `threshold z = ${r.link.threshold}`, kind: 'line', dashed: true, color: '#000000', points: [[-2, r.link.threshold], [5, r.link.threshold]] });
  series.push({ label: 'samples labelled +1 (x = 1, 4)', kind: 'scatter', color: '#2ca02c', pointSize: 7, points: [[1, r.link.threshold], [4, r.link.threshold]] });
  series.push({ label: 'samples labelled −1 (x = −1, 3)', kind: 'scatter', color: '#d62728', pointSize: 7, points: [[-1, r.link.threshold], [3, r.link.threshold]] });
  return { id, title: `Decision functions, ${r.link.name} link`, xLabel: 'input x', yLabel: 'score z = a·x + b·x²', series, caption: 'A model classifies a sample +1 where its curve is above the dashed threshold; the boundaries are where a curve crosses it (compare Figure 5, right).' };
}
