/**
 * This project's own claims (ids X.*, catalogued in theory/claims/simulation.ts): the paper's
 * qualitative 1-D conclusions under the true logistic loss instead of the exponential proxy. The
 * theory (positions on an α × λ grid, both losses) comes from theory/claims/simulation.ts; here
 * gradient descent confirms it: every sampled cell is simulated under the logistic loss (D, R and
 * DA from the pretrained w_D, float64 CPU engine) and the proxy's DA is simulated where App. E
 * case 3 says it diverges. The grid and the simulations are computed once per (seed, profile,
 * assumptions) and shared by the three checks.
 */
import { drawSizes, sizeRanges } from '../../theory/sampling.ts';
import { logisticCurvature } from '../../theory/logisticLoss1d.ts';
import { cellTheory, doNothingHolds, gridAxes, orderingHolds, regionMap, type CellTheory, type GridConfig, type Positions, type RegionMap } from '../../theory/claims/simulation.ts';
import type { ChartSpec, CheckContext, CheckResult, Claim } from '../../properties/types.ts';
import { sharedBatch } from './cpu.ts';
import { runSimulation } from './index.ts';


/** GD endpoints must match the theory this closely (relative, float64 at convergence). */
const ENDPOINT_TOL = 1e-9;

interface SampledCell {
  config: number;
  cell: CellTheory;
  /** simulated logistic endpoints (D, R, DA) or null where a run did not converge */
  sim: Positions | null;
  worstError: number;
  /** the proxy's DA simulated (case 3 cells only): its status */
  proxyStatus?: number;
}

interface Study {
  configs: GridConfig[];
  ordering: RegionMap[];
  doNothing: RegionMap[];
  cells: number;
  /** cells per App. E case of the proxy, and where the two losses differ per case */
  byCase: Record<1 | 2 | 3, { cells: number; orderingDiffer: number; doNothingDiffer: number }>;
  firstDiffer: { ordering: CellTheory & { config: GridConfig } | null; doNothing: CellTheory & { config: GridConfig } | null };
  sampled: SampledCell[];
  steps: number;
  seconds: number;
  maxAbsLogisticDA: number;
  /** cells where "doing nothing is at least as good" differs from α ≥ α_low = |F|²/(|R|(|F| + |D|)), per loss */
  offLowBoundary: { exponential: number; logistic: number };
}

const cache = new Map<string, Promise<Study>>();

function study(ctx: CheckContext): Promise<Study> {
  const key = JSON.stringify([ctx.seed, ctx.profile, ctx.assumptions.setting1d, ctx.assumptions.profiles[ctx.profile]]);
  let s = cache.get(key);
  if (!s) {
    s = buildStudy(ctx);
    cache.set(key, s);
  }
  return s;
}

/** The largest f″ of the logistic objective on [a, b] (σ(w)σ(−w) peaks at 0 and falls off on both sides). */
function maxCurvature(c: number, lambda: number, a: number, b: number): number {
  if (c >= 0 && a <= 0 && b >= 0) return lambda + c / 4;
  return Math.max(logisticCurvature(c, lambda, a), logisticCurvature(c, lambda, b));
}

async function buildStudy(ctx: CheckContext): Promise<Study> {
  const p = ctx.assumptions.profiles[ctx.profile];
  const s1 = ctx.assumptions.setting1d;
  // configurations grow like √runs: each brings a whole α × λ grid
  const nConfigs = Math.max(4, Math.ceil(Math.sqrt(p.runs) / 2));
  const alphaPoints = p.gridPoints, lambdaPoints = Math.max(5, Math.ceil(p.gridPoints / 3));
  const budget = ctx.profile === 'quick' ? 8000 : 40_000; // simulated cells (all of them in the quick profile)
  const configs = drawSizes((ctx.seed ^ 0x5a17) >>> 0, sizeRanges(s1, s1.Rj.minFractionOfR), nConfigs).map(({ sizes: z }) => ({ R: z.R, F: z.F, Rj: z.Rj }));
  const total = nConfigs * alphaPoints * lambdaPoints;
  const stride = Math.max(1, Math.ceil(total / budget));
  const byCase = { 1: { cells: 0, orderingDiffer: 0, doNothingDiffer: 0 }, 2: { cells: 0, orderingDiffer: 0, doNothingDiffer: 0 }, 3: { cells: 0, orderingDiffer: 0, doNothingDiffer: 0 } };
  const ordering: RegionMap[] = [], doNothing: RegionMap[] = [];
  const firstDiffer: Study['firstDiffer'] = { ordering: null, doNothing: null };
  const sampled: SampledCell[] = [];
  const offLowBoundary = { exponential: 0, logistic: 0 };
  let index = 0;
  ctx.log(`X.*: the exponential and logistic positions on ${total} cells (${nConfigs} configurations × ${alphaPoints} α × ${lambdaPoints} λ)…`);
  configs.forEach((config, ci) => {
    const { alphas, lambdas } = gridAxes(config, alphaPoints, s1.lambda, lambdaPoints);
    const rows = lambdas.map((lambda) =>
      alphas.map((alpha) => {
        const cell = cellTheory(config, alpha, lambda);
        const bc = byCase[cell.kase];
        bc.cells++;
        if (orderingHolds(cell.exponential) !== orderingHolds(cell.logistic)) {
          bc.orderingDiffer++;
          firstDiffer.ordering ??= { ...cell, config };
        }
        if (doNothingHolds(cell.exponential) !== doNothingHolds(cell.logistic)) {
          bc.doNothingDiffer++;
          firstDiffer.doNothing ??= { ...cell, config };
        }
        // α_low: where c_DA = c_D; below it DA lands between the original model and the oracle
        const atOrAboveLow = alpha * config.R * (2 * config.F + config.R) >= config.F * config.F * (1 - 1e-12);
        if (doNothingHolds(cell.exponential) !== atOrAboveLow) offLowBoundary.exponential++;
        if (doNothingHolds(cell.logistic) !== atOrAboveLow) offLowBoundary.logistic++;
        if (index++ % stride === 0) sampled.push({ config: ci, cell, sim: null, worstError: Number.POSITIVE_INFINITY });
        return cell;
      }),
    );
    ordering.push(regionMap(rows, config, alphas, lambdas, orderingHolds));
    doNothing.push(regionMap(rows, config, alphas, lambdas, doNothingHolds));
  });

  // gradient descent under the logistic loss on D, R and DA from w_D, for every sampled cell
  const n = sampled.length;
  const b = sharedBatch(3 * n, '1d', true);
  sampled.forEach(({ cell }, i) => {
    const wD = cell.logistic.wD;
    (['D', 'R', 'DA'] as const).forEach((obj, j) => {
      const k = 3 * i + j, c = obj === 'D' ? cell.cD : obj === 'R' ? cell.cR : cell.cDA;
      const target = obj === 'D' ? wD : obj === 'R' ? cell.logistic.wR : cell.logistic.wDA!;
      b.cP[k] = c;
      b.lambda[k] = cell.lambda;
      b.start[k] = wD;
      // η·f″ ≤ 0.9 on the whole path: monotone descent to the unique minimum, and below 2/f″(w*)
      b.eta![k] = 0.9 / maxCurvature(c, cell.lambda, Math.min(wD, target), Math.max(wD, target));
    });
  });
  const steps = ctx.profile === 'quick' ? 2_000_000 : 5_000_000;
  ctx.log(`X.*: gradient descent under the logistic loss on ${3 * n} runs…`);
  const t0 = performance.now();
  const r = await runSimulation(b, { objective: 'DA', loss: 'logistic', eta: 0, steps, backend: 'cpu-workers', log: ctx.log }); // float64: the endpoints are judged at 1e−9
  let maxAbs = 0;
  sampled.forEach((sc, i) => {
    const ok = [0, 1, 2].every((j) => r.status[3 * i + j] === 1);
    const target = [sc.cell.logistic.wD, sc.cell.logistic.wR, sc.cell.logistic.wDA!];
    if (ok) {
      sc.sim = { wD: r.w[3 * i]!, wR: r.w[3 * i + 1]!, wDA: r.w[3 * i + 2]! };
      sc.worstError = Math.max(...target.map((t, j) => Math.abs(r.w[3 * i + j]! - t) / (1 + Math.abs(t))));
    }
    maxAbs = Math.max(maxAbs, Math.abs(sc.cell.logistic.wDA!));
  });

  // the proxy's DA where App. E case 3 says it diverges
  const case3 = sampled.filter((sc) => sc.cell.kase === 3);
  if (case3.length) {
    const e = sharedBatch(case3.length, '1d', true);
    case3.forEach((sc, i) => {
      e.cP[i] = sc.cell.cDA;
      e.lambda[i] = sc.cell.lambda;
      e.start[i] = sc.cell.exponential.wD;
      e.eta![i] = 0.5 / (sc.cell.lambda - sc.cell.cDA);
    });
    const re = await runSimulation(e, { objective: 'DA', loss: 'exponential', eta: 0, steps: 1_000_000, backend: 'cpu' });
    case3.forEach((sc, i) => (sc.proxyStatus = re.status[i]));
  }
  return { configs, ordering, doNothing, cells: total, byCase, firstDiffer, sampled, steps, seconds: (performance.now() - t0) / 1000, maxAbsLogisticDA: maxAbs, offLowBoundary };
}

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

/** Maps for the report: fractions for every configuration, the α × λ strings for the first four. */
function mapData(maps: RegionMap[]): Record<string, unknown> {
  return {
    fractions: maps.map((m) => ({ ...m.config, exponential: m.fractionExponential, logistic: m.fractionLogistic, differ: m.differ })),
    maps: maps.slice(0, 4).map((m) => ({ ...m, alphas: m.alphas.map((a) => +a.toPrecision(6)), lambdas: m.lambdas.map((l) => +l.toPrecision(6)) })),
    legend: "rows: λ (log grid, ascending); columns: α on [0, |F|/|R_j|]; '1' the statement holds, '0' it does not",
  };
}

function mapChart(id: string, title: string, m: RegionMap): ChartSpec {
  const both: [number, number][] = [], none: [number, number][] = [], differ: [number, number][] = [];
  m.lambdas.forEach((l, j) =>
    m.alphas.forEach((a, i) => {
      const e = m.exponential[j]![i] === '1', g = m.logistic[j]![i] === '1';
      (e !== g ? differ : e ? both : none).push([a, l]);
    }),
  );
  return {
    id, title, xLabel: 'α (forget weight)', yLabel: 'λ (ridge)', yLog: true,
    series: [
      { label: 'holds under both losses', kind: 'scatter', points: both, pointSize: 3, square: true, color: '#2e7d32' },
      { label: 'fails under both losses', kind: 'scatter', points: none, pointSize: 3, square: true, color: '#c62828' },
      { label: 'the losses disagree', kind: 'scatter', points: differ, pointSize: 4, color: '#1565c0' },
    ],
    caption: `|R| = ${m.config.R}, |F| = ${m.config.F}, |R_j| = ${m.config.Rj}: ${pct(m.fractionExponential * m.alphas.length * m.lambdas.length, m.alphas.length * m.lambdas.length)} of the grid under the proxy, ${pct(m.fractionLogistic * m.alphas.length * m.lambdas.length, m.alphas.length * m.lambdas.length)} under the logistic loss.`,
  };
}

/** The shared verdict logic of the two region claims (header of theory/claims/simulation.ts). */
function regionCheck(ctx: CheckContext, which: 'ordering' | 'doNothing'): Promise<CheckResult> {
  return study(ctx).then((st) => {
    const holds = which === 'ordering' ? orderingHolds : doNothingHolds;
    const maps = which === 'ordering' ? st.ordering : st.doNothing;
    const name = which === 'ordering' ? "Lemma 3's ordering" : '"doing nothing is at least as good as DA"';
    const differ = maps.reduce((s, m) => s + m.differ, 0);
    const differKey = which === 'ordering' ? 'orderingDiffer' : 'doNothingDiffer';
    const unconverged = st.sampled.filter((s) => s.sim === null);
    const inaccurate = st.sampled.filter((s) => s.sim !== null && s.worstError > ENDPOINT_TOL);
    const simDisagree = st.sampled.filter((s) => s.sim !== null && holds(s.sim) !== holds(s.cell.logistic));
    const fracE = maps.reduce((s, m) => s + m.fractionExponential, 0) / maps.length;
    const fracL = maps.reduce((s, m) => s + m.fractionLogistic, 0) / maps.length;
    const worst = Math.max(0, ...st.sampled.filter((s) => s.sim).map((s) => s.worstError));
    const first = which === 'ordering' ? st.firstDiffer.ordering : st.firstDiffer.doNothing;
    const caseLine = ([1, 2, 3] as const).map((k) => `case ${k}: ${st.byCase[k][differKey]} of ${st.byCase[k].cells}`).join(', ');
    let verdict: CheckResult['verdict'];
    let summary: string;
    if (unconverged.length || inaccurate.length) {
      verdict = 'inconclusive';
      summary = `Gradient descent could not confirm the logistic positions: ${unconverged.length} sampled cells did not converge within ${st.steps} steps and ${inaccurate.length} ended farther than ${ENDPOINT_TOL} from the theory.`;
    } else if (fracL === 0 && fracE > 0) {
      verdict = 'refuted';
      summary = `${name} never holds under the logistic loss on the grid, while it holds on ${pct(fracE, 1)} of it under the proxy.`;
    } else if (differ === 0 && simDisagree.length === 0) {
      verdict = 'holds';
      summary = `${name} holds on exactly the same cells under the logistic loss as under the exponential proxy (${pct(fracL, 1)} of the α × λ grid on average), and gradient descent confirms every sampled cell.`;
    } else {
      verdict = 'holds-with-caveat';
      summary = `${name} carries over except on ${differ} of ${st.cells} cells (${caseLine}) where the two losses disagree${simDisagree.length ? `, and ${simDisagree.length} sampled cells where gradient descent and the theory disagree` : ''}.`;
    }
    const differCell = first ?? (simDisagree[0] ? { ...simDisagree[0].cell, config: st.configs[simDisagree[0].config]! } : null);
    return {
      verdict,
      casesTried: st.cells,
      casesInScope: st.cells,
      counterexample: verdict === 'holds' ? null : differCell ? { R: String(differCell.config.R), F: String(differCell.config.F), Rj: String(differCell.config.Rj), alpha: String(differCell.alpha), lambda: String(differCell.lambda), appECase: differCell.kase, exponential: differCell.exponential, logistic: differCell.logistic } : { unconverged: unconverged.length, inaccurate: inaccurate.length },
      summary,
      evidence:
        `${st.configs.length} configurations (|R|, |F|, |R_j|) from assumptions.setting1d, each on a grid of ${st.ordering[0]!.alphas.length} α ∈ [0, |F|/|R_j|] × ${st.ordering[0]!.lambdas.length} λ log-spaced in [${ctx.assumptions.setting1d.lambda.min}, ${ctx.assumptions.setting1d.lambda.max}] (${st.cells} cells). ` +
        `Positions: the proxy's by Lemma 2 (float64 Lambert W; w_DA = −∞ in App. E case 3), the logistic loss's as the unique minimum of c·log(1 + e^{−w}) + (λ/2)w² (Newton on w(1 + e^{w}) = c/λ, float64). ` +
        `${name} holds on ${pct(fracE, 1)} of the grid under the proxy and ${pct(fracL, 1)} under the logistic loss (mean over configurations); the losses disagree on ${differ} cells (${caseLine}). ` +
        `Gradient descent (CPU, float64, η·f″ ≤ 0.9 on each path, at most ${st.steps} steps) on D, R and DA under the logistic loss from w_D, on ${st.sampled.length} sampled cells: ${st.sampled.length - unconverged.length} converged on all three, largest relative distance to the theory ${worst.toExponential(2)} (tolerance ${ENDPOINT_TOL}); the statement computed from the simulated endpoints differs from the theory's on ${simDisagree.length} cells.` +
        (which === 'doNothing' ? ` Where: under both losses the statement fails exactly for α below α_low = |F|²/(|R|(|F| + |D|)) (App. E case 1's lower end, where c_DA > c_D puts DA between the original model and the oracle) — cells off that rule: ${st.offLowBoundary.exponential} (proxy), ${st.offLowBoundary.logistic} (logistic).` : '') +
        (which === 'ordering' ? ' Why it cannot differ: under either loss the minimiser w*(c) is strictly increasing in c (dw*/dc = −ℓ′(w*)/f″(w*) > 0), so every sign in the product is the sign of a difference of coefficients, the same for both losses.' : ''),
      notes: 'A project claim (not in the paper): the paper analyses the exponential proxy; this checks whether its qualitative conclusion carries over to the loss actually trained. The α × λ maps are in data.',
      data: { ...mapData(maps), byCase: st.byCase, simulatedCells: st.sampled.length, worstEndpointError: worst, ...(which === 'doNothing' ? { cellsOffAlphaLowRule: st.offLowBoundary } : {}) },
      charts: [mapChart(`X.${which === 'ordering' ? 'logistic-ordering' : 'logistic-do-nothing'}-map`, `${name}: proxy vs logistic loss over α and λ`, maps[0]!)],
    };
  });
}

async function checkDaMinimum(ctx: CheckContext): Promise<CheckResult> {
  const st = await study(ctx);
  const da = st.sampled.map((s) => ({ s, ok: s.sim !== null && Math.abs(s.sim.wDA! - s.cell.logistic.wDA!) / (1 + Math.abs(s.cell.logistic.wDA!)) <= ENDPOINT_TOL }));
  const failed = da.filter((d) => !d.ok);
  const case3 = st.sampled.filter((s) => s.cell.kase === 3);
  const case3ok = case3.filter((s) => s.sim !== null).length;
  const proxyDiverged = case3.filter((s) => s.proxyStatus === 2).length;
  const far = Math.max(0, ...case3.map((s) => Math.abs(s.cell.logistic.wDA!)));
  const verdict: CheckResult['verdict'] = failed.length === 0 ? (case3.length ? 'holds' : 'inconclusive') : failed.some((d) => d.s.sim === null) ? 'inconclusive' : 'refuted';
  const f = failed[0]?.s;
  const chart: ChartSpec = {
    id: 'X.logistic-da-minimum-endpoints',
    title: 'Logistic loss: where gradient descent on DA ends, against the theory',
    xLabel: 'theory: the unique minimum of the logistic DA objective',
    yLabel: 'simulation: GD endpoint from w_D',
    series: [
      { label: `App. E cases 1–2 (${st.sampled.length - case3.length})`, kind: 'scatter', pointSize: 3, points: st.sampled.filter((s) => s.sim && s.cell.kase !== 3).map((s) => [s.cell.logistic.wDA!, s.sim!.wDA!] as [number, number]) },
      { label: `App. E case 3, where the proxy diverges (${case3.length})`, kind: 'scatter', pointSize: 3, points: case3.filter((s) => s.sim).map((s) => [s.cell.logistic.wDA!, s.sim!.wDA!] as [number, number]) },
    ],
  };
  return {
    verdict,
    casesTried: st.sampled.length,
    casesInScope: st.sampled.length,
    counterexample: f ? { R: String(st.configs[f.config]!.R), F: String(st.configs[f.config]!.F), Rj: String(st.configs[f.config]!.Rj), alpha: String(f.cell.alpha), lambda: String(f.cell.lambda), theory: f.cell.logistic.wDA, simulated: f.sim?.wDA ?? null } : null,
    summary:
      verdict === 'holds'
        ? `Under the logistic loss DA has a unique minimum everywhere and gradient descent from w_D reached it in all ${st.sampled.length} sampled cells, including the ${case3.length} where the exponential proxy has none (there the proxy's own descent diverged in ${proxyDiverged} of ${case3.length}); those minima can lie far out (|w_DA| up to ${far.toPrecision(3)}).`
        : verdict === 'inconclusive'
          ? case3.length ? `${failed.length} sampled DA runs did not converge within the step budget, so the simulation cannot confirm the theory there.` : 'No sampled cell lies in App. E case 3: the grid does not reach the region in question.'
          : `${failed.length} sampled DA runs converged away from the theory's unique minimum.`,
    evidence:
      `Theory (theory/logisticLoss1d.ts): f′(w) = λσ(−w)(w(1 + e^{w}) − c/λ) and w(1 + e^{w}) is strictly increasing (derivative ≥ 1 − e^{−2}), so for every c — c_DA < 0 included — f has exactly one stationary point, its global minimum; log(1 + e^{−w}) grows only linearly as w → −∞, so the ridge wins. ` +
      `Simulation: on ${st.sampled.length} cells sampled from the ${st.cells}-cell grid of X.logistic-ordering, GD on the logistic DA objective from w_D (float64, η·f″ ≤ 0.9 on the path, at most ${st.steps} steps) converged to the theory's minimum within ${ENDPOINT_TOL} in ${da.length - failed.length}; in the ${case3.length} cells of App. E case 3 (proxy: no minimum) it converged in ${case3ok}, while the proxy's DA, simulated from its own w_D (η = 0.5/(λ − c_DA)), diverged in ${proxyDiverged}. The logistic minima there sit near c_DA/λ: the largest |w_DA| was ${far.toPrecision(4)}, so DA still ends far from the oracle — App. E case 3's "Δ = ∞" becomes a large finite distance.`,
    notes: 'A project claim (not in the paper): App. E case 3 and Lemma 5\'s unbounded distance are artefacts of the exponential proxy; with the loss actually trained DA converges, far away.',
    data: { sampledCells: st.sampled.length, case3Cells: case3.length, proxyDivergedInCase3: proxyDiverged, largestAbsLogisticDA: far, simulationSeconds: st.seconds },
    charts: [chart],
  };
}

/** What both α × λ region claims assume (X.logistic-ordering, X.logistic-do-nothing). */
const REGION_ASSUMPTIONS = ['the 1-D setting of Sec. 5.1.1', 'logistic loss ℓ(w) = log(1 + e^{−w}) on each coordinate (y·x = 1)', 'configurations from assumptions.setting1d; α ∈ [0, |F|/|R_j|], λ over setting1d.lambda'];

export const claims: Claim[] = [
  {
    id: 'X.logistic-ordering',
    paperRef: 'this project (Lemma 3 with the true logistic loss)',
    statement: "Lemma 3's ordering ((w_DA − w_D)(w_D − w_R) ≥ 0) holds at the same (configuration, α, λ) under the true logistic loss log(1 + e^{−y⟨w,x⟩}) as under the exponential proxy, and gradient descent under the logistic loss ends where the theory places it.",
    assumptions: REGION_ASSUMPTIONS,
    expected: 'holds',
    check: (ctx) => regionCheck(ctx, 'ordering'),
  },
  {
    id: 'X.logistic-do-nothing',
    paperRef: 'this project (Sec. 5.1.1 with the true logistic loss)',
    statement: '"Doing nothing is at least as good as DA" (|w_D − w_R| ≤ |w_DA − w_R|) holds at the same (configuration, α, λ) under the true logistic loss as under the exponential proxy, and gradient descent under the logistic loss confirms it.',
    assumptions: REGION_ASSUMPTIONS,
    expected: 'holds',
    check: (ctx) => regionCheck(ctx, 'doNothing'),
  },
  {
    id: 'X.logistic-da-minimum',
    paperRef: 'this project (App. E case 3 with the true logistic loss)',
    statement: 'Under the true logistic loss the DA objective always has a unique minimum (none of App. E case 3\'s divergence) and gradient descent from the pretrained model converges to it, also where the exponential proxy diverges.',
    assumptions: ['the 1-D setting', 'logistic loss', 'gradient descent with η·f″ ≤ 0.9 along its path'],
    expected: 'holds',
    check: checkDaMinimum,
  },
];

/** The name the verify command and the registry test import. */
export const simulationClaims = claims;
