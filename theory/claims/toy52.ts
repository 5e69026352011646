/**
 * The non-convex toy of Sec. 5.2 (Figure 5): T52.two-minima, T52.retrain-keeps, T52.gda-switches,
 * T52.no-recovery, each evaluated under every reading of the garbled link (assumptions.toy52.link;
 * `all` runs them all). A verdict says under which readings the claim holds.
 */
import { classify, gradientDescent, LINKS, localMinima, loss, multiStartMinima, WEIGHTS, type Link, type Objective, type ToyPoint, type ToyProblem } from '../toy52.ts';
import type { ChartSeries, ChartSpec, CheckContext, CheckResult, Claim, Verdict } from '../../properties/types.ts';

const pattern = (c: boolean[]): string => c.map((x, i) => `x${i + 1} ${x ? '✓' : '✗'}`).join(', ');

type Run = { a: number; b: number; gradNorm: number; path: [number, number][] };

interface Reading {
  link: Link;
  minimaD: ToyPoint[];
  /** minima of L_D found by the multi-start descent over the disc holding every stationary point */
  multiStart: { count: number; radius: number; starts: number };
  pretrained: ToyPoint;
  retrain: Run;
  minimaR: ToyPoint[];
  gda: Run;
  /** gradient descent on L_D from the GDA solution: which pretraining basin GDA's solution lies in */
  gdaBasinD: Run;
  finetune: Run;
}

/**
 * The setting and its probes: the reading the verdicts use, and three other readings of the
 * paper's loose description whose outcome the evidence reports (they never set the verdict).
 */
const VARIANTS = {
  base: 'as read (ridge (λ/2)‖θ‖², each objective normalised by its own weight, pretrained = global minimum of L_D)',
  ridgeFull: 'ridge λ‖θ‖² (i.e. λ → 2λ)',
  normaliseByD: 'every objective divided by |D| = 14',
  pretrainFromZero: 'pretrained = gradient descent on L_D from θ = 0',
} as const;
type Variant = keyof typeof VARIANTS;

const cache = new Map<string, Reading[]>();

/** Pretrained = global minimum of L_D (or GD from 0); retraining, GDA = gradient descent from it; finetuning = GD on L_R from GDA. */
function readings(ctx: CheckContext, variant: Variant = 'base'): Reading[] {
  const t = ctx.assumptions.toy52;
  const key = JSON.stringify([t, variant]);
  const hit = cache.get(key);
  if (hit) return hit;
  const names = t.link === 'all' ? Object.keys(LINKS) : [t.link];
  const lambda = variant === 'ridgeFull' ? 2 * t.lambda : t.lambda;
  const out = names.map((name) => {
    const link = LINKS[name]!;
    const problem = (o: Objective): ToyProblem => ({ link, weights: WEIGHTS[o], lambda, ...(variant === 'normaliseByD' ? { normaliser: 14 } : {}) });
    const minimaD = localMinima(problem('pretrain')).minima;
    const ms = multiStartMinima(problem('pretrain'));
    const gd = (o: Objective, a: number, b: number): Run => gradientDescent(problem(o), a, b, t.finetune.eta, t.finetune.steps);
    let pretrained = minimaD[0]!;
    if (variant === 'pretrainFromZero') {
      const z = gd('pretrain', 0, 0);
      pretrained = minimaD.reduce((best, m) => (Math.hypot(m.a - z.a, m.b - z.b) < Math.hypot(best.a - z.a, best.b - z.b) ? m : best));
    }
    const retrain = gd('retrain', pretrained.a, pretrained.b);
    const gda = gd('gda', pretrained.a, pretrained.b);
    const finetune = gd('retrain', gda.a, gda.b);
    return {
      link, minimaD, pretrained, retrain, minimaR: localMinima(problem('retrain')).minima, gda, finetune,
      gdaBasinD: gd('pretrain', gda.a, gda.b),
      multiStart: { count: ms.minima.length, radius: ms.radius, starts: ms.starts },
    };
  });
  cache.set(key, out);
  return out;
}

/** Under each probe, the readings under which `ok` holds, as one sentence. */
function probes(ctx: CheckContext, ok: (r: Reading) => boolean): string {
  const rows = (Object.keys(VARIANTS) as Variant[]).filter((v) => v !== 'base').map((v) => {
    const rs = readings(ctx, v);
    const yes = rs.filter(ok).map((r) => r.link.name);
    return `${VARIANTS[v]}: ${yes.length ? yes.join(', ') : 'none'}`;
  });
  return `Probes of the setting's other readings (not used for the verdict) — the claim holds under: ${rows.join('; ')}.`;
}

const near = (p: { a: number; b: number }, q: { a: number; b: number }): boolean => Math.hypot(p.a - q.a, p.b - q.b) < 1e-5;

function verdictFor(holdsUnder: string[], all: string[]): Verdict {
  return holdsUnder.length === all.length ? 'holds' : holdsUnder.length ? 'holds-with-caveat' : 'refuted';
}

function readingsText(holdsUnder: string[], all: string[]): string {
  if (holdsUnder.length === all.length) return `under every reading of the link (${all.join(', ')})`;
  if (!holdsUnder.length) return `under none of the readings (${all.join(', ')})`;
  return `only under the ${holdsUnder.join(' and ')} reading${holdsUnder.length > 1 ? 's' : ''} (not ${all.filter((x) => !holdsUnder.includes(x)).join(', ')})`;
}

function settingNotes(ctx: CheckContext): string {
  const t = ctx.assumptions.toy52;
  return `Readings of the link: ${Object.values(LINKS).map((l) => `${l.name}: ${l.description}`).join('; ')}. Labels ±1 are compared with h directly, (h − y)², even for the (0, 1)-valued links, where h can never reach −1: there a sample counts as +1 when h > 1/2 (the middle of σ's range; the midpoint of the labels, 0, would call every sample +1). Loss normalised by the objective's total weight (14, 12, 10), ridge (λ/2)‖θ‖² as in Eq. (1) with λ = ${t.lambda}; pretrained model = global minimum of L_D (the paper's 'global minimum ×' of Fig. 5; grid scan + Newton, confirmed by multi-start descent over the disc holding every stationary point); retraining, GDA and finetuning = gradient descent with η = ${t.finetune.eta} for ${t.finetune.steps} steps (assumptions.toy52.finetune), retraining and GDA from the pretrained model, finetuning from GDA's solution. Weighted counts as the paper counts them (cluster sizes).`;
}

const fmt = (x: number): string => x.toFixed(4);

/** The loss landscape of one objective under one link, with marked points and paths. */
function landscape(id: string, r: Reading, objective: Objective, lambda: number, marks: { label: string; color: string; points: [number, number][]; line?: boolean }[]): ChartSpec {
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

/**
 * Decision functions z(x) = a·x + b·x² of several models against x, with the link's threshold and
 * the four samples: a sample is classified +1 where its model's curve lies above the threshold
 * (the dashed-boundary picture of Figure 5, as curves of the score).
 */
function decisionChart(id: string, r: Reading, models: { label: string; color: string; a: number; b: number }[]): ChartSpec {
  const xs = Array.from({ length: 121 }, (_, i) => -2 + (7 * i) / 120);
  const series: ChartSeries[] = models.map((m) => ({ label: `${m.label}: z = ${m.a.toFixed(3)}x ${m.b < 0 ? '−' : '+'} ${Math.abs(m.b).toFixed(3)}x²`, kind: 'line', color: m.color, points: xs.map((x) => [x, m.a * x + m.b * x * x] as [number, number]) }));
  series.push({ label: `threshold z = ${r.link.threshold}`, kind: 'line', dashed: true, color: '#000000', points: [[-2, r.link.threshold], [5, r.link.threshold]] });
  series.push({ label: 'samples labelled +1 (x = 1, 4)', kind: 'scatter', color: '#2ca02c', pointSize: 7, points: [[1, r.link.threshold], [4, r.link.threshold]] });
  series.push({ label: 'samples labelled −1 (x = −1, 3)', kind: 'scatter', color: '#d62728', pointSize: 7, points: [[-1, r.link.threshold], [3, r.link.threshold]] });
  return { id, title: `Decision functions, ${r.link.name} link`, xLabel: 'input x', yLabel: 'score z = a·x + b·x²', series, caption: 'A model classifies a sample +1 where its curve is above the dashed threshold; the boundaries are where a curve crosses it (compare Figure 5, right).' };
}

const twoMinimaOk = (r: Reading): boolean => r.minimaD.length >= 2;

function checkTwoMinima(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const holdsUnder = rs.filter(twoMinimaOk).map((r) => r.link.name);
  const verdict = verdictFor(holdsUnder, all);
  const detail = rs.map((r) => `${r.link.name}: ${r.minimaD.length} local minim${r.minimaD.length === 1 ? 'um' : 'a'} (${r.minimaD.map((m) => `(a, b) = (${fmt(m.a)}, ${fmt(m.b)}), L = ${fmt(m.loss)}, Hessian eigenvalues ${m.eigenvalues.map((e) => e.toPrecision(3)).join(', ')}, ${pattern(classify(r.link, m.a, m.b, WEIGHTS.pretrain).correct)}`).join('; ')}; multi-start descent from ${r.multiStart.starts} starts over the disc of radius ${r.multiStart.radius.toFixed(1)} that holds every stationary point found ${r.multiStart.count})`);
  const fail = rs.find((r) => !twoMinimaOk(r));
  const show = rs.find(twoMinimaOk) ?? rs[0]!;
  return {
    verdict, casesTried: rs.length, casesInScope: rs.length,
    counterexample: fail ? { link: fail.link.name, minima: fail.minimaD.map((m) => ({ a: m.a, b: m.b, loss: m.loss })) } : null,
    summary: `A global and a distinct local minimum ${readingsText(holdsUnder, all)}.`,
    evidence: `Local minima of the pretraining loss (grid scan of the ball that holds every minimiser with loss ≤ L(0), then Newton to |∇L| < 1e−12, Hessian positive definite): ${detail.join(' — ')}. ${probes(ctx, twoMinimaOk)}`,
    notes: settingNotes(ctx),
    charts: [landscape('T52.two-minima-landscape', show, 'pretrain', ctx.assumptions.toy52.lambda, show.minimaD.map((m, i) => ({ label: i === 0 ? 'global minimum' : 'local minimum', color: i === 0 ? '#d62728' : '#ff7f0e', points: [[m.a, m.b]] })))],
  };
}

function retrainRow(r: Reading) {
  const pre = classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain);
  const ret = classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain);
  const isGlobal = near(r.minimaR[0]!, r.retrain);
  const samePattern = pre.correct.every((c, i) => c === ret.correct[i]);
  const expected = ret.correct.join() === [true, true, false, true].join() && ret.nCorrect === 11 && ret.nWrong === 1;
  return { r, pre, ret, isGlobal, samePattern, expected, ok: samePattern && expected && isGlobal, stays: samePattern && expected };
}

function checkRetrainKeeps(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map(retrainRow);
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const staysOnly = rows.filter((x) => x.stays && !x.isGlobal).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, retrained: { a: bad.r.retrain.a, b: bad.r.retrain.b }, classification: pattern(bad.ret.correct), onR: `${bad.ret.nCorrect} correct, ${bad.ret.nWrong} wrong`, globalMinimumOfLR: { a: bad.r.minimaR[0]!.a, b: bad.r.minimaR[0]!.b }, retrainedIsGlobal: bad.isGlobal } : null,
    summary: `Retraining stays in the pretrained minimum, which is also L_R's global minimum, with x1, x2, x4 right and x3 wrong (11/1), ${readingsText(holdsUnder, all)}.` + (staysOnly.length ? ` Under ${staysOnly.join(', ')} it stays in the pretrained basin, but that basin is no longer L_R's global minimum (the paper's "keeping the same plane is still preferential" fails).` : ''),
    evidence: rows.map((x) => `${x.r.link.name}: gradient descent on L_R from the pretrained (${fmt(x.r.pretrained.a)}, ${fmt(x.r.pretrained.b)}) ends at (${fmt(x.r.retrain.a)}, ${fmt(x.r.retrain.b)}) (|∇L| = ${x.r.retrain.gradNorm.toExponential(1)}), classifying ${pattern(x.ret.correct)}: ${x.ret.nCorrect} correct, ${x.ret.nWrong} wrong on R; ${x.isGlobal ? 'this is' : `this is NOT`} L_R's global minimum${x.isGlobal ? '' : ` (which is (${fmt(x.r.minimaR[0]!.a)}, ${fmt(x.r.minimaR[0]!.b)}), classifying ${pattern(classify(x.r.link, x.r.minimaR[0]!.a, x.r.minimaR[0]!.b, WEIGHTS.retrain).correct)})`}`).join(' — ') + `. ${probes(ctx, (r) => retrainRow(r).ok)}`,
    notes: settingNotes(ctx),
  };
}

function gdaRow(r: Reading) {
  const seen = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.gda);
  const onR = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain);
  const pre = classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain);
  const switched = pre.correct.some((c, i) => c !== seen.correct[i]);
  const counts = seen.correct.join() === [true, true, true, false].join() && seen.nCorrect === 10 && seen.nWrong === 0 && onR.nCorrect === 10 && onR.nWrong === 2;
  // "the other minimum": GDA's solution lies in the basin (under gradient descent on L_D) of a pretraining minimum other than the pretrained one
  const basin = r.minimaD.find((m) => near(m, r.gdaBasinD)) ?? null;
  const otherMinimum = basin !== null && !near(basin, r.pretrained);
  return { r, seen, onR, counts: switched && counts, otherMinimum, basin, ok: switched && counts && otherMinimum };
}

function checkGdaSwitches(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map(gdaRow);
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const countsOnly = rows.filter((x) => x.counts && !x.otherMinimum).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  const show = rs[0]!;
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, gda: { a: bad.r.gda.a, b: bad.r.gda.b }, classification: pattern(bad.seen.correct), pretrainingMinima: bad.r.minimaD.length, basinOfGdaSolutionUnderLD: bad.basin ? { a: bad.basin.a, b: bad.basin.b } : null } : null,
    summary: `GDA moves to the other minimum of the pretraining landscape (x1, x2, x3 right: 10/0 on what it sees, 10/2 on R) ${readingsText(holdsUnder, all)}.` + (countsOnly.length ? ` Under ${countsOnly.join(', ')} GDA's solution has exactly the stated counts, but the pretraining landscape has no other minimum for it to be in.` : ''),
    evidence: rows.map((x) => `${x.r.link.name}: gradient descent on the GDA loss from the pretrained model ends at (${fmt(x.r.gda.a)}, ${fmt(x.r.gda.b)}), classifying ${pattern(x.seen.correct)}: ${x.seen.nCorrect} correct, ${x.seen.nWrong} wrong on the samples GDA sees, ${x.onR.nCorrect} correct, ${x.onR.nWrong} wrong on the real retain set; decision boundaries at x = ${x.seen.boundaries.map((v) => v.toFixed(3)).join(', ')}; gradient descent on L_D from there reaches ${x.basin ? `the pretraining ${near(x.basin, x.r.pretrained) ? 'minimum GDA started from' : 'local (other) minimum'} (${fmt(x.basin.a)}, ${fmt(x.basin.b)})` : 'no listed minimum'}`).join(' — ') + `. ${probes(ctx, (r) => gdaRow(r).ok)}`,
    notes: settingNotes(ctx) + ' "The other minimum" is read as the pretraining landscape\'s other minimum (Fig. 5: "GDA chooses the local minimum"): GDA\'s solution must lie in its basin under gradient descent on L_D.',
    charts: [
      landscape('T52.gda-switches-landscape', show, 'gda', ctx.assumptions.toy52.lambda, [
        { label: 'pretrained model', color: '#d62728', points: [[show.pretrained.a, show.pretrained.b]] },
        { label: 'GDA path', color: '#ff7f0e', points: show.gda.path, line: true },
        { label: 'GDA end', color: '#ff7f0e', points: [[show.gda.a, show.gda.b]] },
      ]),
      decisionChart('T52.gda-switches-boundaries', show, [
        { label: 'pretrained', color: '#1f77b4', a: show.pretrained.a, b: show.pretrained.b },
        { label: 'retrained', color: '#2ca02c', a: show.retrain.a, b: show.retrain.b },
        { label: 'GDA', color: '#ff7f0e', a: show.gda.a, b: show.gda.b },
      ]),
    ],
  };
}

function recoveryRow(r: Reading) {
  const gda = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain);
  const fin = classify(r.link, r.finetune.a, r.finetune.b, WEIGHTS.retrain);
  const ret = classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain);
  const stuck = fin.correct.join() === gda.correct.join() && fin.correct.join() !== ret.correct.join();
  const finIsGlobalR = near(r.minimaR[0]!, r.finetune);
  return { r, fin, ret, finIsGlobalR, ok: stuck };
}

function checkNoRecovery(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map(recoveryRow);
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const inferiorIsGlobal = rows.filter((x) => x.ok && x.finIsGlobalR).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  const show = rs[0]!;
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, finetuned: { a: bad.r.finetune.a, b: bad.r.finetune.b }, classification: pattern(bad.fin.correct), retrained: pattern(bad.ret.correct) } : null,
    summary: `Finetuning on R after GDA stays in the inferior minimum ${readingsText(holdsUnder, all)}.` + (inferiorIsGlobal.length ? ` Under ${inferiorIsGlobal.join(', ')} that minimum is L_R's global minimum: inferior by its count on R (10/2 against 11/1), not by the loss finetuning minimises.` : ''),
    evidence: rows.map((x) => `${x.r.link.name}: finetuning (gradient descent on L_R) from the GDA solution ends at (${fmt(x.r.finetune.a)}, ${fmt(x.r.finetune.b)}) (|∇L| = ${x.r.finetune.gradNorm.toExponential(1)}), classifying ${pattern(x.fin.correct)} (${x.fin.nCorrect} correct, ${x.fin.nWrong} wrong on R), against retraining's ${pattern(x.ret.correct)}: ${x.ok ? 'it does not recover' : 'it recovers the retrained solution'}${x.finIsGlobalR ? "; the end point is L_R's global minimum" : ''}`).join(' — ') + `. ${probes(ctx, (r) => recoveryRow(r).ok)}`,
    notes: settingNotes(ctx),
    charts: [landscape('T52.no-recovery-landscape', show, 'retrain', ctx.assumptions.toy52.lambda, [
      { label: 'retrained (GD from pretrained)', color: '#2ca02c', points: [[show.retrain.a, show.retrain.b]] },
      { label: 'finetuning path from GDA', color: '#ff7f0e', points: show.finetune.path, line: true },
      { label: 'finetuned end', color: '#d62728', points: [[show.finetune.a, show.finetune.b]] },
    ])],
  };
}

const TOY = ['h_θ(x) = σ(a·x + b·x²), x ∈ {−1, 1, 3, 4}, y ∈ {−1, 1, −1, 1}, weights {5, 4, 1, 4}', 'weighted MSE normalised by the total weight, ridge (λ/2)‖θ‖²', 'the link σ: assumptions.toy52.link (all readings by default)'];

export const claims: Claim[] = [
  { id: 'T52.two-minima', paperRef: 'Sec. 5.2, Fig. 5', statement: 'The pretraining loss landscape has a global minimum and a distinct local minimum.', assumptions: TOY, expected: 'holds-with-caveat', check: checkTwoMinima },
  { id: 'T52.retrain-keeps', paperRef: 'Sec. 5.2, Fig. 5', statement: 'Retraining keeps the model in the same (global) minimum as pretraining: x1, x2, x4 correct, x3 wrong (11 correct, 1 wrong on R).', assumptions: TOY, expected: 'holds-with-caveat', check: checkRetrainKeeps },
  { id: 'T52.gda-switches', paperRef: 'Sec. 5.2, Fig. 5', statement: 'GDA moves the model to the other minimum, whose boundary gets x1, x2, x3 right (10 correct, 0 wrong on what it sees) but is wrong on the real retain set (10 correct, 2 wrong).', assumptions: TOY, expected: 'holds-with-caveat', check: checkGdaSwitches },
  { id: 'T52.no-recovery', paperRef: 'Sec. 5.2', statement: 'Finetuning on R after GDA does not bring the model back (it stays in the inferior minimum).', assumptions: TOY, expected: 'holds-with-caveat', check: checkNoRecovery },
];
