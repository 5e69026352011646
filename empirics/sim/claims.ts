/**
 * This project's own claims about the paper's proxy (ids X.*): does what the exponential-loss
 * theory predicts survive with the true logistic loss? Theory from theory/logisticLoss1d.ts,
 * confirmed by running gradient descent in the CPU simulation engine.
 */
import { solve1dF64 } from '../../theory/logistic1d.ts';
import { logisticDescentEnd, logisticMinimum } from '../../theory/logisticLoss1d.ts';
import { drawSizes, seededUniform, sizeRanges } from '../../theory/sampling.ts';
import type { ChartSpec, CheckContext, CheckResult, Claim } from '../../theory/claims/types.ts';
import { runCpu, sharedBatch } from './cpu.ts';

interface Cfg {
  R: number;
  F: number;
  Rj: number;
  lambda: number;
}

function draw(ctx: CheckContext, salt: number, n: number): Cfg[] {
  const s1 = ctx.assumptions.setting1d;
  // |R_j| < |R| so that every App. E case lies inside the setting
  return drawSizes((ctx.seed ^ salt) >>> 0, sizeRanges(s1, s1.Rj.minFractionOfR), n).map(({ sizes: s }) => ({ R: s.R, F: s.F, Rj: Math.min(s.Rj, s.R - 1), lambda: s.lambda }));
}

const coeffs = (c: Cfg, alpha: number) => ({ cD: ((1 + alpha) * c.Rj) / (c.R + c.F), cR: c.Rj / c.R, cDA: c.Rj / c.R - (alpha * c.Rj) / c.F });

/** Positions under the logistic loss: original and oracle minima, DA where descent from w_D ends. */
function logisticPositions(c: Cfg, alpha: number): { wD: number; wR: number; wDA: number } {
  const k = coeffs(c, alpha);
  const wD = logisticMinimum(k.cD, c.lambda);
  return { wD, wR: logisticMinimum(k.cR, c.lambda), wDA: logisticDescentEnd(k.cDA, c.lambda, wD) };
}

const ordering = (p: { wD: number; wR: number; wDA: number | null }): boolean => (p.wDA === null ? p.wD <= p.wR : (p.wDA - p.wD) * (p.wD - p.wR) >= -1e-12 * (1 + p.wD * p.wD));
const doNothing = (p: { wD: number; wR: number; wDA: number | null }): boolean => p.wDA === null || Math.abs(p.wD - p.wR) <= Math.abs(p.wDA - p.wR) + 1e-12;

function checkProxy(ctx: CheckContext): CheckResult {
  const n = Math.max(4, Math.ceil(ctx.assumptions.profiles[ctx.profile].runs / 5));
  const points = ctx.assumptions.profiles[ctx.profile].gridPoints;
  let cells = 0, ordDiff = 0, dnDiff = 0;
  const byCase = { 1: [0, 0], 2: [0, 0], 3: [0, 0] } as Record<1 | 2 | 3, [number, number]>;
  let first: Record<string, unknown> | null = null;
  for (const c of draw(ctx, 0x71, n)) {
    const aMax = c.F / c.Rj;
    for (let i = 0; i < points; i++) {
      const alpha = (aMax * (i + 0.5)) / points;
      const e = solve1dF64(c.R, c.F, c.Rj, alpha, c.lambda);
      const l = logisticPositions(c, alpha);
      const z = (c.Rj / c.R - (alpha * c.Rj) / c.F) / c.lambda;
      const kase: 1 | 2 | 3 = z > 0 ? 1 : z >= -1 / Math.E ? 2 : 3;
      cells++;
      byCase[kase][1]++;
      const o = ordering(e) !== ordering(l), d = doNothing(e) !== doNothing(l);
      if (o) ordDiff++;
      if (d) dnDiff++;
      if (o || d) {
        byCase[kase][0]++;
        first ??= { ...c, alpha, case: kase, exponential: { ...e, ordering: ordering(e), doNothing: doNothing(e) }, logistic: { ...l, ordering: ordering(l), doNothing: doNothing(l) } };
      }
    }
  }
  const same = ordDiff === 0 && dnDiff === 0;
  const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  return {
    verdict: same ? 'holds' : 'refuted',
    casesTried: cells, casesInScope: cells, counterexample: first,
    summary: same
      ? 'The exponential proxy and the true logistic loss give the same ordering and do-nothing verdicts everywhere sampled.'
      : `The proxy does not transfer everywhere: the logistic loss changes Lemma 3's ordering in ${pct(ordDiff, cells)} and the do-nothing comparison in ${pct(dnDiff, cells)} of (configuration, α) cells (case 1: ${pct(byCase[1][0], byCase[1][1])}, case 2: ${pct(byCase[2][0], byCase[2][1])}, case 3: ${pct(byCase[3][0], byCase[3][1])} of cells differ).`,
    evidence:
      `${n} configurations from assumptions.setting1d, α on ${points} points of (0, |F|/|R_j|) each (${cells} cells). Under the exponential proxy the positions are Lemma 2's closed forms (float64), DA's minimum absent in App. E case 3; under the logistic loss ℓ(w) = log(1 + e^{−w}) they are the minima of c·ℓ(w) + (λ/2)w² (theory/logisticLoss1d.ts), DA's being where descent from w_D ends (it always exists: the logistic DA objective is bounded below). ` +
      `Lemma 3's ordering differs in ${ordDiff} cells, "doing nothing is at least as good" in ${dnDiff}; the differing cells by App. E case of the proxy: case 1 ${byCase[1][0]}/${byCase[1][1]}, case 2 ${byCase[2][0]}/${byCase[2][1]}, case 3 ${byCase[3][0]}/${byCase[3][1]}.`,
    notes: 'A project claim (not in the paper): the paper analyses the exponential proxy; this checks whether its qualitative conclusions carry over to the loss actually trained.',
  };
}

async function checkBounded(ctx: CheckContext): Promise<CheckResult> {
  const n = Math.max(64, ctx.assumptions.profiles[ctx.profile].runs * 4);
  const cfgs = draw(ctx, 0x72, n);
  const u = seededUniform(ctx.seed ^ 0x73);
  const batch = sharedBatch(n, true);
  const expected = new Float64Array(n);
  const alphas = new Float64Array(n);
  let case3 = 0;
  cfgs.forEach((c, k) => {
    // half the draws above App. E's fold (where the proxy diverges), where the setting allows it
    const fold = c.F / c.R + (c.lambda * c.F) / (Math.E * c.Rj), aMax = c.F / c.Rj;
    const alpha = fold < aMax && k % 2 === 0 ? fold + (aMax - fold) * (0.01 + 0.98 * u()) : aMax * u();
    alphas[k] = alpha;
    const z = (c.Rj / c.R - (alpha * c.Rj) / c.F) / c.lambda;
    if (z < -1 / Math.E) case3++;
    const p = logisticPositions(c, alpha);
    batch.cP[k] = c.Rj / c.R;
    batch.cN[k] = (alpha * c.Rj) / c.F;
    batch.lambda[k] = c.lambda;
    batch.start[k] = p.wD;
    // a step below 1/max f″ keeps descent monotone: f″ ≤ λ + max(c, 0)/4 (σ(w)σ(−w) ≤ 1/4)
    batch.eta![k] = 0.9 / (c.lambda + Math.max(batch.cP[k]! - batch.cN[k]!, 0) / 4);
    expected[k] = p.wDA;
  });
  const steps = ctx.profile === 'quick' ? 200_000 : 2_000_000;
  const res = await runCpu(batch, { objective: 'DA', loss: 'logistic', eta: 0, steps, workers: 2 });
  let diverged = 0, converged = 0, worst = 0, worstAt = -1;
  for (let k = 0; k < n; k++) {
    if (res.status[k] === 2) diverged++;
    if (res.status[k] === 1) {
      converged++;
      const err = Math.abs(res.w[k]! - expected[k]!) / (1 + Math.abs(expected[k]!));
      if (err > worst) {
        worst = err;
        worstAt = k;
      }
    }
  }
  const ok = diverged === 0 && converged === n && worst < 1e-8;
  const chart: ChartSpec = {
    id: 'X.logistic-da-minimum-endpoints',
    title: 'Logistic loss: where gradient descent on DA ends, against the theory',
    xLabel: 'theory: DA minimum reached from w_D', yLabel: 'simulation: GD endpoint',
    series: [
      { label: `configurations (${n}; ${case3} in the proxy's case 3)`, kind: 'scatter', pointSize: 3, points: Array.from({ length: n }, (_, k) => [expected[k]!, res.w[k]!] as [number, number]) },
    ],
  };
  return {
    verdict: ok ? 'holds' : 'refuted',
    casesTried: n, casesInScope: n,
    counterexample: ok ? null : { ...cfgs[worstAt >= 0 ? worstAt : 0], alpha: alphas[worstAt >= 0 ? worstAt : 0], diverged, converged, worst },
    summary: ok ? `Under the logistic loss DA always has a minimum: gradient descent from w_D converged in all ${n} configurations (${case3} of them where the exponential proxy diverges), to the theory's point within ${worst.toExponential(1)}.` : `Of ${n} runs ${diverged} diverged and ${n - converged - diverged} did not converge within the step budget; worst distance to the theory ${worst.toExponential(1)}.`,
    evidence: `CPU simulation (float64, at most ${steps} steps of η = 0.9/(λ + max(c, 0)/4), below 1/max f″, per configuration) of simultaneous DA with the logistic loss from the pretrained w_D, ${n} configurations, ${case3} of them above App. E's fold where the exponential proxy has no minimum: ${converged} converged, ${diverged} diverged; largest relative distance to the theory's endpoint ${worst.toExponential(2)}. The reason: log(1 + e^{−w}) grows only linearly as w → −∞, so the ridge wins and the objective is bounded below — App. E case 3 and Lemma 5's "Δ = ∞" are artefacts of the exponential proxy.`,
    notes: 'A project claim (not in the paper).',
    charts: [chart],
  };
}

export const simulationClaims: Claim[] = [
  {
    id: 'X.logistic-proxy',
    paperRef: 'this project (Sec. 5.1.1 with the true logistic loss)',
    statement: 'Lemma 3\'s ordering and "doing nothing is at least as good as DA" come out the same at every (configuration, α) under the true logistic loss log(1 + e^{−y⟨w,x⟩}) as under the exponential proxy.',
    assumptions: ['the 1-D setting of Sec. 5.1.1', 'logistic loss ℓ(w) = log(1 + e^{−w}) on each coordinate'],
    expected: 'holds',
    check: checkProxy,
  },
  {
    id: 'X.logistic-da-minimum',
    paperRef: 'this project (App. E case 3 with the true logistic loss)',
    statement: 'Under the true logistic loss, simultaneous DA always has a local minimum and gradient descent from the pretrained model converges to it (it never diverges, unlike App. E case 3 under the proxy).',
    assumptions: ['the 1-D setting', 'logistic loss', 'gradient descent with η below 1/max f″'],
    expected: 'holds',
    check: checkBounded,
  },
];
