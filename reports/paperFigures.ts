/**
 * The paper's figures redrawn by name, as ChartSpecs (drawn by charts.ts), from theory/ only:
 * - Figure 4 at a declared configuration: over ε, the α-window the paper guarantees (Lemma 9's
 *   α_{D>DA} to min(α_{R>D}, |F|/|R_ij|), shaded blue, dashed edges), the exact set where the
 *   solutions are ordered R > D > DA (shaded green, solid edges; drawn beneath so both of its ends
 *   stay visible), DA's fold (above it DA has no minimum: shaded grey) and α's ceiling |F|/|R_ij|.
 * - Figure 5 under one link reading: the pretraining loss landscape (heatmap of octiles), its
 *   minima, and where gradient descent on the retraining and on the GDA objectives ends when
 *   started from the pretrained model, with each model's decision boundaries in the caption.
 */
import { epsGrid, figure4Row, type Figure4Row, type Figure4Setting } from '../theory/figure4.ts';
import { classify, gradientDescent, LINKS, loss, multiStartMinima, WEIGHTS, type Link } from '../theory/toy52.ts';
import type { ChartSeries, ChartSpec } from '../properties/types.ts';

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
