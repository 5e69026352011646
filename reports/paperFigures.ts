/**
 * The paper's figures redrawn by name, as ChartSpecs (drawn by charts.ts), from theory/ only:
 * - Figure 4 at a declared configuration: over ε, the α-window the paper guarantees (Lemma 9's
 *   α_{D>DA} to min(α_{R>D}, |F|/|R_ij|), shaded blue, dashed edges), the exact set where the
 *   solutions are ordered R > D > DA (shaded green, solid edges; drawn beneath so both of its ends
 *   stay visible), DA's fold (above it DA has no minimum: shaded grey) and α's ceiling |F|/|R_ij|.
 * - Figure 5 under one link reading: the pretraining loss landscape (heatmap of octiles), its
 *   minima, and where gradient descent on the retraining and on the GDA objectives ends when
 *   started from the pretrained model, with each model's decision boundaries in the caption.
 * - Figures 1, 2, 6, 7 from an empirics run's summary.json (empirics/unlearn/summary.ts), through
 *   the KLoM scatter the E.* claims draw (properties/empirics-common.ts klomChart): Fig. 1 GA and
 *   GDA, forget against validation KLoM, per forget set; Fig. 6 the same with SCRUB; Fig. 7 with
 *   the retain KLoM on the y-axis; Fig. 2 the smallest random forget set's GA runs, by learning
 *   rate (scatter) and over stopping epochs (the mean of the forget, validation and retain KLoM).
 */
import { epsGrid, figure4Row, type Figure4Row, type Figure4Setting } from '../theory/figure4.ts';
import { classify, gradientDescent, LINKS, loss, multiStartMinima, WEIGHTS, type Link } from '../theory/toy52.ts';
import type { ChartSeries, ChartSpec } from '../properties/types.ts';
import { klomBars, klomChart } from '../properties/empirics-common.ts';
import type { EmpiricsSummary, RunEntry, SetSummary } from '../empirics/unlearn/summary.ts';

/** Declared Figure 4 configurations: one where the guaranteed window opens (ε ≳ 0.4), one where it is empty at every ε. */
export const FIGURE4_CONFIGS: Record<string, Figure4Setting & { note: string }> = {
  window: { R: '1000', F: '100', Rij: '20', lambda: '1', note: 'the guaranteed window is non-empty for ε ≳ 0.4' },
  empty: { R: '1000', F: '100', Rij: '200', lambda: '0.1', note: 'the guaranteed window is empty at every ε, while the exact set is not' },
};

export const FIGURE4_CAPTION = 'Paper, Figure 4: "Cross dimensional data correlations ε lead DA to failure for a certain range of values. We present the range of α as a function of the correlation ε, for which we can guarantee that DA is detrimental. The (- -) lines represent the minimum α for which the coordinates of the original model become bigger than the coordinates of the DA unlearning algorithm and with the (·) the maximum α for which the coordinates of the oracle are bigger than those of the original model."';

export function figure4Rows(s: Figure4Setting, eps = { min: 0.05, max: 0.95, points: 19 }, alphaGrid = 200): Figure4Row[] {
  return epsGrid(eps).map((e) => figure4Row(s, e, alphaGrid));
}

export function figure4Spec(id: string, s: Figure4Setting, rows: Figure4Row[]): ChartSpec {
  const win = rows.filter((r) => r.guaranteed && r.guaranteed.to > r.guaranteed.from);
  const exactParts = Math.max(0, ...rows.map((r) => r.exact.length));
  const series: ChartSeries[] = [];
  const alphaMax = rows[0]?.alphaMax ?? Number(s.F) / Number(s.Rij);
  const top = Math.max(alphaMax, ...rows.map((r) => r.fold)) * 1.6;
  // exact set first (drawn beneath the guaranteed window), one band per interval index
  for (let k = 0; k < exactParts; k++) {
    const rs = rows.filter((r) => r.exact[k] && r.exact[k]!.from > 0);
    const lower = `exact R > D > DA: lower end${exactParts > 1 ? ` (part ${k + 1})` : ''}`;
    series.push({ label: lower, kind: 'line', color: '#2ca02c', points: rs.map((r) => [r.eps, r.exact[k]!.from]) });
    series.push({ label: `exact R > D > DA: upper end${exactParts > 1 ? ` (part ${k + 1})` : ''}`, kind: 'line', color: '#2ca02c', points: rs.map((r) => [r.eps, r.exact[k]!.to]), fill: { to: lower }, fillColor: 'rgba(44,160,44,0.22)' });
  }
  series.push({ label: 'guaranteed: α_{D>DA} (Lemma 9)', kind: 'line', dashed: true, color: '#1f4e9c', points: win.map((r) => [r.eps, r.guaranteed!.from]) });
  series.push({ label: 'guaranteed: min(α_{R>D}, |F|/|R_ij|) (Lemma 10)', kind: 'line', dotted: true, color: '#1f4e9c', points: win.map((r) => [r.eps, r.guaranteed!.to]), fill: { to: 'guaranteed: α_{D>DA} (Lemma 9)' }, fillColor: 'rgba(31,78,156,0.30)' });
  series.push({ label: "DA's fold (above: DA has no minimum)", kind: 'line', color: '#d62728', points: rows.map((r) => [r.eps, r.fold]), fill: { value: top }, fillColor: 'rgba(127,127,127,0.18)' });
  series.push({ label: 'α = |F|/|R_ij| (largest possible α)', kind: 'line', dashed: true, color: '#555555', points: rows.length ? [[rows[0]!.eps, alphaMax], [rows[rows.length - 1]!.eps, alphaMax]] : [] });
  const state = win.length ? `the guaranteed window is non-empty at ${win.length} of ${rows.length} ε values (from ε = ${win[0]!.eps.toFixed(2)})` : `the guaranteed window is empty at all ${rows.length} ε values`;
  const notInside = rows.filter((r) => r.contained === false).length;
  return {
    id,
    title: `Figure 4 redrawn: |R| = ${s.R}, |F| = ${s.F}, |R_ij| = ${s.Rij}, λ = ${s.lambda}`,
    xLabel: 'correlation ε',
    yLabel: 'α = |F_ij|/|R_ij| (log scale)',
    yLog: true,
    series,
    caption: `Blue: the α-window the paper guarantees (dashed lower end, dotted upper end); green: where the exact solutions are ordered R > D > DA; grey above the red line: DA has no minimum. Here ${state}${!win.length ? '.' : notInside ? `; at ${notInside} ε the guaranteed window is NOT inside the exact set.` : '; wherever it is non-empty it lies inside the exact set.'}`,
  };
}

export interface Figure5Result {
  spec: ChartSpec;
  link: Link;
  pretrained: { a: number; b: number };
  minima: { a: number; b: number; loss: number }[];
  retrain: { a: number; b: number };
  gda: { a: number; b: number };
  boundaries: Record<'pretrained' | 'retrain' | 'gda', number[]>;
}

export const FIGURE5_CAPTION = 'Paper, Figure 5: "Unlearning certain forget sets leads to the wrong decision boundary under GDA. Left: We show the MSE loss landscape for a pretrained model … We denote as (X) the global minimum, while (o) is the local minimum. … retraining keeps the model in the same global optimum as the pretrained model, while GDA chooses the local minimum."';

/** Figure 5 under one link reading: landscape, minima, where retraining and GDA end from the pretrained model. */
export function figure5(linkName: string, lambda = 0.1, eta = 0.1, steps = 20000): Figure5Result {
  const link = LINKS[linkName]!;
  const pre = { link, weights: WEIGHTS.pretrain, lambda };
  const { minima } = multiStartMinima(pre);
  const start = minima[0]!;
  const retrain = gradientDescent({ link, weights: WEIGHTS.retrain, lambda }, start.a, start.b, eta, steps);
  const gda = gradientDescent({ link, weights: WEIGHTS.gda, lambda }, start.a, start.b, eta, steps);
  const pts = [...minima, retrain, gda];
  const aLo = Math.min(-0.5, ...pts.map((p) => p.a)) - 0.3, aHi = Math.max(3, ...pts.map((p) => p.a)) + 0.3;
  const bLo = Math.min(-2, ...pts.map((p) => p.b)) - 0.3, bHi = Math.max(0.8, ...pts.map((p) => p.b)) + 0.3;
  const na = 70, nb = 60;
  const vals: { a: number; b: number; v: number }[] = [];
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) {
    const a = aLo + ((aHi - aLo) * i) / (na - 1), b = bLo + ((bHi - bLo) * j) / (nb - 1);
    vals.push({ a, b, v: loss(pre, a, b) });
  }
  const sorted = vals.map((x) => x.v).sort((x, y) => x - y);
  const edges = Array.from({ length: 7 }, (_, k) => sorted[Math.floor(((k + 1) * sorted.length) / 8)]!);
  const shades = ['#08306b', '#08519c', '#2171b5', '#4292c6', '#6baed6', '#9ecae1', '#c6dbef', '#eff3ff'];
  const series: ChartSeries[] = shades.map((color, k) => ({
    label: k === 0 ? 'pretraining loss: lowest eighth' : k === 7 ? 'highest eighth' : `octile ${k + 1}`,
    kind: 'scatter', square: true, color,
    points: vals.filter((x) => (k === 0 || x.v >= edges[k - 1]!) && (k === 7 || x.v < edges[k]!)).map((x) => [x.a, x.b] as [number, number]),
  }));
  series.push({ label: 'global minimum (pretrained model)', kind: 'scatter', color: '#d62728', pointSize: 8, square: false, points: [[start.a, start.b]] });
  if (minima.length > 1) series.push({ label: 'other local minima', kind: 'scatter', color: '#ffd700', pointSize: 7, points: minima.slice(1).map((m) => [m.a, m.b]) });
  series.push({ label: 'retraining: descent path', kind: 'line', color: '#2ca02c', points: retrain.path });
  series.push({ label: 'GDA: descent path', kind: 'line', dashed: true, color: '#ff7f0e', points: gda.path });
  series.push({ label: 'retraining ends', kind: 'scatter', color: '#2ca02c', pointSize: 7, points: [[retrain.a, retrain.b]] });
  series.push({ label: 'GDA ends', kind: 'scatter', color: '#ff7f0e', pointSize: 7, points: [[gda.a, gda.b]] });
  const bd = (a: number, b: number): number[] => classify(link, a, b, WEIGHTS.pretrain).boundaries;
  const boundaries = { pretrained: bd(start.a, start.b), retrain: bd(retrain.a, retrain.b), gda: bd(gda.a, gda.b) };
  const f = (xs: number[]): string => (xs.length ? xs.map((x) => `x = ${x.toFixed(3)}`).join(', ') : 'none');
  return {
    spec: {
      id: `figure5-${link.name}`,
      title: `Figure 5 redrawn, ${link.name} link: pretraining landscape; where retraining and GDA go`,
      xLabel: 'a', yLabel: 'b', series,
      caption: `${link.description}; λ = ${lambda}; gradient descent η = ${eta}, ${steps} steps from the pretrained model. ${minima.length} local minim${minima.length === 1 ? 'um' : 'a'} of the pretraining loss. Decision boundaries (b·x² + a·x = threshold): pretrained ${f(boundaries.pretrained)}; retraining ${f(boundaries.retrain)}; GDA ${f(boundaries.gda)}.`,
    },
    link, pretrained: { a: start.a, b: start.b }, minima: minima.map((m) => ({ a: m.a, b: m.b, loss: m.loss })),
    retrain: { a: retrain.a, b: retrain.b }, gda: { a: gda.a, b: gda.b }, boundaries,
  };
}

// ---------------------------------------------------------------- Figures 1, 2, 6, 7 (empirics)

/** The paper's captions for the KLoM figures (quoted, shortened with …). */
export const EMPIRICS_CAPTIONS: Record<1 | 2 | 6 | 7, string> = {
  1: 'Paper, Figure 1: "Ascent Fails to Forget. We apply Gradient Ascent and Gradient Descent/Ascent to Pretrained models to unlearn a selected forget set … KLoM scores (x-axis, y-axis) measure the quality of unlearning on a given set … (0 means perfect unlearning). We measure KLoM values over each data-point in a set and report the 95th percentile in each group. Different (x/y) points in the plot represent results for different unlearning method hyper-parameters. … A Pretrained model is similar to an Oracle on the validation set but very different on the forget set. On such set, unlearning with Gradient Ascent or Gradient Descent/Ascent either breaks the model or does not move much from the Pretrained starting point."',
  2: 'Paper, Figure 2: "The Ascent Forgets Illusion. The left plot shows KLoM scores of Gradient Ascent when unlearning just 10 random samples (axis and points follow Fig. 1). Some runs (- - -) seem to achieve unlearning without breaking the model. On the right, we present the average KLoM between retain, validation and forget sets (y-axis) along time of unlearning (x-axis). We observe that in order for Gradient Ascent to unlearn such (easy) sets in practice, one would need to (i) select the learning rate, (ii) know when to stop fine-tuning."',
  6: 'Paper, Figure 6: "We present the KLoM scores of Gradient Ascent, Gradient Descent/Ascent and SCRUB when unlearning over each one of the forget sets (axes and points follow Fig. 1). We find an increase in forget set size and containing high influence points to strongly decrease the likelihood of any run achieving successful unlearning. For SCRUB we observe that runs remain close to the pretrained model in terms of KLoM scores under our experimental setup."',
  7: 'Paper, Figure 7: "We present the KLoM scores of Gradient Ascent, Gradient Descent/Ascent and SCRUB when unlearning over each forget set. x-axis and points follow Fig. 1 and y-axis now displays the KLoM score in the retain set instead of the validation set. … A pretrained model has low KLoM scores on both the validation and retain sets with very similar magnitudes."',
};

export const EMPIRICS_FIGURES = [1, 2, 6, 7] as const;
export type EmpiricsFigure = (typeof EMPIRICS_FIGURES)[number];

/** Figure 2's set when none is named: the smallest random forget set (the paper's 10 random samples). */
export function figure2Set(sum: EmpiricsSummary): SetSummary | undefined {
  const random = sum.sets.filter((s) => s.kind === 'random').sort((a, b) => a.size - b.size);
  return random[0];
}

const LR_COLORS = ['#08519c', '#3182bd', '#6baed6', '#31a354', '#fd8d3c', '#e6550d', '#a50f15', '#54278f', '#636363'];
const lrLabel = (lr: number): string => `lr = ${lr.toExponential(0).replace('e-', 'e−')}`;
const mean3 = (k: { forget?: number; val?: number; retain?: number }): number => (k.forget! + k.val! + k.retain!) / 3;
/** the level of the figures' error bars (assumptions.empirics.confidence's default) */
const level95 = 0.95;

/** Figure 2 on one set: GA's (run, epoch) pairs coloured by learning rate, and their mean KLoM over stopping epochs. */
export function figure2Specs(s: SetSummary, scale: EmpiricsSummary['scale'], successFactor: number): ChartSpec[] {
  const ga = s.runs.filter((e) => e.method === 'GA');
  const lrs = [...new Set(ga.map((e) => e.lr))].sort((a, b) => a - b);
  const ok = (e: RunEntry): boolean => !e.broken && [e.forget, e.val, e.retain].every((v) => v !== undefined && Number.isFinite(v));
  const bx = successFactor * s.retrain.forget, by = successFactor * s.retrain.val;
  const inside = ga.filter((e) => ok(e) && e.forget! <= bx && e.val! <= by);
  const all = [...ga.filter(ok).flatMap((e) => [e.forget!, e.val!]), s.pretrained.forget, s.pretrained.val, s.retrain.forget, s.retrain.val];
  const lo = 0.9 * Math.min(...all);
  const where = inside.length ? `: ${inside.map((e) => `${lrLabel(e.lr)} at epoch ${e.epoch}`).join(', ')}` : '';
  const scatter: ChartSpec = {
    id: `figure2-${s.name}-lr`,
    title: `Figure 2 redrawn (left): GA on ${s.name} by learning rate (${scale.dataset}, ${scale.model}, N = ${scale.models})`,
    xLabel: 'p95 KLoM, forget set (nats)',
    yLabel: 'p95 KLoM, validation set (nats)',
    series: [
      { label: 'pretrained (do nothing)', points: [[s.pretrained.forget, s.pretrained.val]], kind: 'scatter' as const, color: '#000000', pointSize: 7, square: true, ...klomBars([s.pretrained], 'val', level95) },
      { label: 'independent retraining', points: [[s.retrain.forget, s.retrain.val]], kind: 'scatter' as const, color: '#9467bd', pointSize: 7, square: true, ...klomBars([s.retrain], 'val', level95) },
      { label: `success region (≤ ${successFactor} × retraining)`, points: [[lo, by], [bx, by], [bx, lo]], kind: 'line' as const, color: '#9467bd', dashed: true },
      // after the reference markers: chart.js draws the first series on top, and the slowest runs sit exactly on the pretrained model
      ...lrs.map((lr, i) => {
        const es = ga.filter((e) => e.lr === lr && ok(e));
        return { label: lrLabel(lr), kind: 'scatter' as const, color: LR_COLORS[i % LR_COLORS.length], pointSize: 4, points: es.map((e) => [e.forget!, e.val!] as [number, number]), ...klomBars(es, 'val', level95) };
      }),
    ],
    caption: `Each dot is one GA run (learning rate) stopped at one of epochs ${[...new Set(ga.map((e) => e.epoch))].sort((a, b) => a - b).join(', ')}, over N models. ${inside.length} of ${ga.length} (learning rate, epoch) pairs fall inside the success corner${where}. ${ga.filter((e) => !ok(e)).length} broke the model (NaN) and are not drawn.${s.retrain.boot ? ' Error bars: 95% bootstrap intervals over models on both axes.' : ''}`,
  };
  const level = (k: { forget: number; val: number; retain: number }): number => mean3(k);
  const epochs = [...new Set(ga.map((e) => e.epoch))].sort((a, b) => a - b);
  const last = epochs[epochs.length - 1] ?? 1;
  const best = ga.filter(ok).reduce<RunEntry | null>((b, e) => (b === null || mean3(e) < mean3(b) ? e : b), null);
  const time: ChartSpec = {
    id: `figure2-${s.name}-epochs`,
    title: `Figure 2 redrawn (right): GA on ${s.name}, mean KLoM of forget, validation, retain over epochs`,
    xLabel: 'stopping epoch (0: the pretrained model)',
    yLabel: 'mean of p95 KLoM on forget, validation, retain (nats)',
    series: [
      ...lrs.map((lr, i) => ({ label: lrLabel(lr), kind: 'line' as const, color: LR_COLORS[i % LR_COLORS.length], dashed: i % 2 === 1, points: [[0, level(s.pretrained)] as [number, number], ...ga.filter((e) => e.lr === lr && ok(e)).sort((a, b) => a.epoch - b.epoch).map((e) => [e.epoch, mean3(e)] as [number, number])] })),
      { label: 'independent retraining', kind: 'line' as const, dotted: true, color: '#9467bd', points: [[0, level(s.retrain)], [last, level(s.retrain)]] },
    ],
    caption: `Each line is one learning rate's run, its mean p95 KLoM over the forget, validation and retain sets at each stopping epoch (epoch 0: the pretrained model, ${level(s.pretrained).toFixed(3)}); dotted: an independent retraining's level, ${level(s.retrain).toFixed(3)}. ${best ? `Lowest: ${lrLabel(best.lr)} at epoch ${best.epoch}, ${mean3(best).toFixed(3)}.` : 'No run finished without breaking the model.'}`,
  };
  return [scatter, time];
}

/**
 * Figure 1, 6 or 7 per forget set (`set`: one set's name, or every set), or Figure 2 on one set
 * (default: the smallest random one). Each entry: the set it draws and its chart. Throws Error
 * naming the sets there are when `set` names none of them.
 */
export function empiricsFigure(n: EmpiricsFigure, sum: EmpiricsSummary, successFactor: number, set?: string): { set: string; spec: ChartSpec }[] {
  const names = sum.sets.map((s) => s.name);
  if (set !== undefined && set !== 'all' && !names.includes(set)) throw new Error(`--set must be one of ${[...names, ...(n === 2 ? [] : ['all'])].join(', ')}, got "${set}"`);
  if (n === 2) {
    if (set === 'all') throw new Error(`figure 2 draws one forget set: --set must be one of ${names.join(', ')}`);
    const s = set === undefined ? figure2Set(sum) : sum.sets.find((x) => x.name === set);
    if (!s) throw new Error('figure 2 needs a random forget set, and this run has none (name one with --set)');
    return figure2Specs(s, sum.scale, successFactor).map((spec) => ({ set: s.name, spec }));
  }
  const sets = set === undefined || set === 'all' ? sum.sets : sum.sets.filter((s) => s.name === set);
  const scale = `${sum.scale.dataset}, ${sum.scale.model}, N = ${sum.scale.models}`;
  return sets.map((s) => ({
    set: s.name,
    spec: klomChart(s, sum.scale, successFactor, n === 1
      ? { methods: ['GA', 'GDA'], id: `figure1-${s.name}`, title: `Figure 1 redrawn: GA and GDA on ${s.name}, forget vs validation KLoM (${scale})` }
      : n === 6
        ? { id: `figure6-${s.name}`, title: `Figure 6 redrawn: GA, GDA, SCRUB on ${s.name}, forget vs validation KLoM (${scale})` }
        : { y: 'retain', id: `figure7-${s.name}`, title: `Figure 7 redrawn: GA, GDA, SCRUB on ${s.name}, forget vs retain KLoM (${scale})` }),
  }));
}
