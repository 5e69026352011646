/**
 * The non-convex toy of Sec. 5.2 (Figure 5): T52.two-minima, T52.retrain-keeps, T52.gda-switches,
 * T52.no-recovery, each evaluated under every reading of the garbled link (assumptions.toy52.link;
 * `all` runs them all). A verdict says under which readings the claim holds.
 */
import { classify, gradientDescent, LINKS, localMinima, loss, WEIGHTS, type Link, type Objective, type ToyPoint } from '../toy52.ts';
import type { ChartSeries, ChartSpec, CheckContext, CheckResult, Claim, Verdict } from './types.ts';

const pattern = (c: boolean[]): string => c.map((x, i) => `x${i + 1} ${x ? '✓' : '✗'}`).join(', ');

interface Reading {
  link: Link;
  minimaD: ToyPoint[];
  pretrained: ToyPoint;
  retrain: { a: number; b: number; gradNorm: number; path: [number, number][] };
  minimaR: ToyPoint[];
  gda: { a: number; b: number; gradNorm: number; path: [number, number][] };
  finetune: { a: number; b: number; gradNorm: number; path: [number, number][] };
}

const cache = new Map<string, Reading[]>();

/** Pretrained = global minimum of L_D; retraining, GDA = gradient descent from it; finetuning = GD on L_R from GDA. */
function readings(ctx: CheckContext): Reading[] {
  const t = ctx.assumptions.toy52;
  const key = JSON.stringify(t);
  const hit = cache.get(key);
  if (hit) return hit;
  const names = t.link === 'all' ? Object.keys(LINKS) : [t.link];
  const out = names.map((name) => {
    const link = LINKS[name]!;
    const problem = (o: Objective) => ({ link, weights: WEIGHTS[o], lambda: t.lambda });
    const minimaD = localMinima(problem('pretrain')).minima;
    const pretrained = minimaD[0]!;
    const gd = (o: Objective, a: number, b: number) => gradientDescent(problem(o), a, b, t.finetune.eta, t.finetune.steps);
    const retrain = gd('retrain', pretrained.a, pretrained.b);
    const gda = gd('gda', pretrained.a, pretrained.b);
    const finetune = gd('retrain', gda.a, gda.b);
    return { link, minimaD, pretrained, retrain, minimaR: localMinima(problem('retrain')).minima, gda, finetune };
  });
  cache.set(key, out);
  return out;
}

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
  return `Readings of the link: ${Object.values(LINKS).map((l) => `${l.name}: ${l.description}`).join('; ')}. Loss normalised by the objective's total weight, ridge (λ/2)‖θ‖² with λ = ${t.lambda}; pretrained model = global minimum of L_D (grid scan + Newton); retraining, GDA and finetuning = gradient descent with η = ${t.finetune.eta} for ${t.finetune.steps} steps.`;
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

function checkTwoMinima(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const holdsUnder = rs.filter((r) => r.minimaD.length >= 2).map((r) => r.link.name);
  const verdict = verdictFor(holdsUnder, all);
  const detail = rs.map((r) => `${r.link.name}: ${r.minimaD.length} local minim${r.minimaD.length === 1 ? 'um' : 'a'} (${r.minimaD.map((m) => `(a, b) = (${fmt(m.a)}, ${fmt(m.b)}), L = ${fmt(m.loss)}, ${pattern(classify(r.link, m.a, m.b, WEIGHTS.pretrain).correct)}`).join('; ')})`);
  const fail = rs.find((r) => r.minimaD.length < 2);
  const show = rs.find((r) => r.minimaD.length >= 2) ?? rs[0]!;
  return {
    verdict, casesTried: rs.length, casesInScope: rs.length,
    counterexample: fail ? { link: fail.link.name, minima: fail.minimaD.map((m) => ({ a: m.a, b: m.b, loss: m.loss })) } : null,
    summary: `A global and a distinct local minimum ${readingsText(holdsUnder, all)}.`,
    evidence: `Local minima of the pretraining loss (grid scan of the ball that holds every minimiser with loss ≤ L(0), then Newton to |∇L| < 1e−12, Hessian positive definite): ${detail.join(' — ')}.`,
    notes: settingNotes(ctx),
    charts: [landscape('T52.two-minima-landscape', show, 'pretrain', ctx.assumptions.toy52.lambda, show.minimaD.map((m, i) => ({ label: i === 0 ? 'global minimum' : 'local minimum', color: i === 0 ? '#d62728' : '#ff7f0e', points: [[m.a, m.b]] })))],
  };
}

function checkRetrainKeeps(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map((r) => {
    const pre = classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain);
    const ret = classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain);
    const globalR = r.minimaR[0]!;
    const isGlobal = Math.hypot(globalR.a - r.retrain.a, globalR.b - r.retrain.b) < 1e-6;
    const samePattern = pre.correct.every((c, i) => c === ret.correct[i]);
    const expected = ret.correct.join() === [true, true, false, true].join() && ret.nCorrect === 11 && ret.nWrong === 1;
    return { r, pre, ret, isGlobal, samePattern, expected, ok: samePattern && expected && isGlobal, stays: samePattern && expected };
  });
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const staysOnly = rows.filter((x) => x.stays && !x.isGlobal).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, retrained: { a: bad.r.retrain.a, b: bad.r.retrain.b }, classification: pattern(bad.ret.correct), onR: `${bad.ret.nCorrect} correct, ${bad.ret.nWrong} wrong`, globalMinimumOfLR: { a: bad.r.minimaR[0]!.a, b: bad.r.minimaR[0]!.b }, retrainedIsGlobal: bad.isGlobal } : null,
    summary: `Retraining stays in the pretrained minimum, which is also L_R's global minimum, with x1, x2, x4 right and x3 wrong (11/1), ${readingsText(holdsUnder, all)}.` + (staysOnly.length ? ` Under ${staysOnly.join(', ')} it stays in the pretrained basin, but that basin is no longer L_R's global minimum.` : ''),
    evidence: rows.map((x) => `${x.r.link.name}: gradient descent on L_R from the pretrained (${fmt(x.r.pretrained.a)}, ${fmt(x.r.pretrained.b)}) ends at (${fmt(x.r.retrain.a)}, ${fmt(x.r.retrain.b)}) (|∇L| = ${x.r.retrain.gradNorm.toExponential(1)}), classifying ${pattern(x.ret.correct)}: ${x.ret.nCorrect} correct, ${x.ret.nWrong} wrong on R; ${x.isGlobal ? 'this is' : `this is NOT`} L_R's global minimum${x.isGlobal ? '' : ` (which is (${fmt(x.r.minimaR[0]!.a)}, ${fmt(x.r.minimaR[0]!.b)}), classifying ${pattern(classify(x.r.link, x.r.minimaR[0]!.a, x.r.minimaR[0]!.b, WEIGHTS.retrain).correct)})`}`).join(' — ') + '.',
    notes: settingNotes(ctx),
  };
}

function checkGdaSwitches(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map((r) => {
    const seen = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.gda);
    const onR = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain);
    const pre = classify(r.link, r.pretrained.a, r.pretrained.b, WEIGHTS.pretrain);
    const switched = pre.correct.some((c, i) => c !== seen.correct[i]);
    const ok = switched && seen.correct.join() === [true, true, true, false].join() && seen.nCorrect === 10 && seen.nWrong === 0 && onR.nCorrect === 10 && onR.nWrong === 2;
    return { r, seen, onR, ok };
  });
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  const show = rs[0]!;
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, gda: { a: bad.r.gda.a, b: bad.r.gda.b }, classification: pattern(bad.seen.correct) } : null,
    summary: `GDA moves to the other minimum (x1, x2, x3 right: 10/0 on what it sees, 10/2 on R) ${readingsText(holdsUnder, all)}.`,
    evidence: rows.map((x) => `${x.r.link.name}: gradient descent on the GDA loss from the pretrained model ends at (${fmt(x.r.gda.a)}, ${fmt(x.r.gda.b)}), classifying ${pattern(x.seen.correct)}: ${x.seen.nCorrect} correct, ${x.seen.nWrong} wrong on the samples GDA sees, ${x.onR.nCorrect} correct, ${x.onR.nWrong} wrong on the real retain set; decision boundaries at x = ${x.seen.boundaries.map((v) => v.toFixed(3)).join(', ')}`).join(' — ') + '.',
    notes: settingNotes(ctx),
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

function checkNoRecovery(ctx: CheckContext): CheckResult {
  const rs = readings(ctx);
  const all = rs.map((r) => r.link.name);
  const rows = rs.map((r) => {
    const gda = classify(r.link, r.gda.a, r.gda.b, WEIGHTS.retrain);
    const fin = classify(r.link, r.finetune.a, r.finetune.b, WEIGHTS.retrain);
    const ret = classify(r.link, r.retrain.a, r.retrain.b, WEIGHTS.retrain);
    const stuck = fin.correct.join() === gda.correct.join() && fin.correct.join() !== ret.correct.join();
    return { r, fin, ret, ok: stuck };
  });
  const holdsUnder = rows.filter((x) => x.ok).map((x) => x.r.link.name);
  const bad = rows.find((x) => !x.ok);
  const show = rs[0]!;
  return {
    verdict: verdictFor(holdsUnder, all), casesTried: rs.length, casesInScope: rs.length,
    counterexample: bad ? { link: bad.r.link.name, finetuned: { a: bad.r.finetune.a, b: bad.r.finetune.b }, classification: pattern(bad.fin.correct), retrained: pattern(bad.ret.correct) } : null,
    summary: `Finetuning on R after GDA stays in the inferior minimum ${readingsText(holdsUnder, all)}.`,
    evidence: rows.map((x) => `${x.r.link.name}: finetuning (gradient descent on L_R) from the GDA solution ends at (${fmt(x.r.finetune.a)}, ${fmt(x.r.finetune.b)}), classifying ${pattern(x.fin.correct)} (${x.fin.nCorrect} correct, ${x.fin.nWrong} wrong on R), against retraining's ${pattern(x.ret.correct)}: ${x.ok ? 'it does not recover' : 'it recovers the retrained solution'}`).join(' — ') + '.',
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
  { id: 'T52.gda-switches', paperRef: 'Sec. 5.2, Fig. 5', statement: 'GDA moves the model to the other minimum, whose boundary gets x1, x2, x3 right (10 correct, 0 wrong on what it sees) but is wrong on the real retain set (10 correct, 2 wrong).', assumptions: TOY, expected: 'holds', check: checkGdaSwitches },
  { id: 'T52.no-recovery', paperRef: 'Sec. 5.2', statement: 'Finetuning on R after GDA does not bring the model back (it stays in the inferior minimum).', assumptions: TOY, expected: 'holds-with-caveat', check: checkNoRecovery },
];
