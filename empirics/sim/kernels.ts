/**
 * The float64 CPU kernels: gradient descent on configurations [from, to) of a batch, the update
 * rules and status criteria of types.ts. Configurations run in blocks of BLOCK, steps in the outer
 * loop and the block's configurations in the inner one: the configurations are independent, so the
 * CPU overlaps their exponentials (a loop over one configuration's steps is a chain of dependent
 * Math.exp calls and runs at about half the speed). One exponential per step and coordinate
 * group: e^{∓w} serves both terms of the simultaneous 1-D objectives (c = cP − cN), and the
 * logistic loss's −ℓ′(t) = 1/(1 + e^{t}) needs only e^{t}. Every configuration runs the same
 * arithmetic in the same order whichever thread runs it, so results do not depend on the split.
 * w is carried as hi + lo, the steps accumulating in lo and folded into hi once |lo| > 2^−20·|hi|
 * (as in the WGSL kernels, wgsl.ts): a plain w ← w − ηg stalls once ηg drops below half an ulp of w,
 * at |w − w*| ≈ ulp(w)/(2ηf″) (1e−12 relative for λ = 1e−6), a fixed point of the rounded map that
 * no criterion could tell from convergence; accumulated, descent goes on until the gradient itself
 * is at its rounding level (criterion (a)). The fold threshold keeps lo small, so its own ulp
 * (≤ 2^−72·|hi|) does not swallow the steps in turn.
 */
import { CRITERIA, trajectorySamples, type SimArrays, type SimBatch, type SimOptions } from './types.ts';

const BLOCK = 256;
const RND = CRITERIA.f64.unitRoundoff * CRITERIA.f64.roundingFactor;
const TOL = CRITERIA.f64.tolerance;
const CANCEL = CRITERIA.cancellation;
const FOLD = 2 ** -20;

export function runRange(b: SimBatch, o: SimOptions, from: number, to: number, out: SimArrays): void {
  if (b.setting === '2d') run2d(b, o, from, to, out);
  else run1d(b, o, from, to, out);
}

/** Writes samples (last, S) of configuration k as its final value (types.ts: trajectory). */
function fillTrajectory(tr: Float64Array | undefined, S: number, k: number, from: number, value: number): void {
  if (!tr) return;
  for (let j = from; j < S; j++) tr[k * S + j] = value;
}

function run1d(b: SimBatch, o: SimOptions, from: number, to: number, out: SimArrays): void {
  const iterative = o.objective === 'DA-iterative';
  const expo = o.loss === 'exponential';
  const bound = o.bound ?? CRITERIA.defaultBound;
  const T = o.steps, every = o.trajectoryEvery ?? 0, S = trajectorySamples(o);
  const tr = out.trajectory;
  const { cP, cN, lambda, start } = b;
  const etaArr = b.eta, etaAll = o.eta;
  const w = new Float64Array(BLOCK), lo = new Float64Array(BLOCK), dL = new Float64Array(BLOCK), dB = new Float64Array(BLOCK);
  const ok = new Uint8Array(BLOCK), st = new Uint8Array(BLOCK), at = new Uint32Array(BLOCK);
  const bc = new Float64Array(BLOCK), bl = new Float64Array(BLOCK), be = new Float64Array(BLOCK), ex = new Float64Array(BLOCK);
  const sgn = expo ? -1 : 1; // e^{−w} for the exponential loss, e^{w} for the logistic one
  for (let base = from; base < to; base += BLOCK) {
    const m = Math.min(BLOCK, to - base);
    for (let i = 0; i < m; i++) {
      w[i] = start[base + i]!;
      lo[i] = 0;
      dL[i] = 0; // no step yet: s < |δ_0| = 0 is false, so criterion (b) cannot hold at t = 1
      dB[i] = 0;
      ok[i] = 0;
      st[i] = 0;
      at[i] = 0;
      if (tr) tr[(base + i) * S] = w[i]!;
    }
    for (let i = 0; i < m; i++) {
      const k = base + i;
      bc[i] = cP[k]! - cN[k]!;
      bl[i] = lambda[k]!;
      be[i] = etaArr ? etaArr[k]! : etaAll;
    }
    let active = m, t = 0;
    while (t < T && active > 0) {
      t++;
      // only the final step's predecessor is needed (the oscillation test at T): keep it once, not every step
      if (t === T) dB.set(dL);
      if (!iterative && expo) {
        active -= stepExponential1d(m, t, w, lo, dL, ok, st, at, bc, bl, be, ex, bound);
        if (tr && t % every === 0) for (let i = 0; i < m; i++) tr[(base + i) * S + t / every] = w[i]! + lo[i]!;
        continue;
      }
      for (let i = 0; i < m; i++) {
        if (st[i] !== 0) continue;
        const k = base + i;
        const x = w[i]! + lo[i]!, lam = bl[i]!, eta = be[i]!;
        let g: number, mag: number, d: number;
        if (!iterative) {
          const e = Math.exp(sgn * x);
          const c = bc[i]!;
          const lt = expo ? c * e : c / (1 + e); // c·(−ℓ′(x))
          const rt = lam * x;
          g = rt - lt;
          mag = Math.abs(rt) + Math.abs(lt);
          d = -eta * g;
        } else {
          const e1 = Math.exp(sgn * x);
          const l1 = expo ? cP[k]! * e1 : cP[k]! / (1 + e1), r1 = lam * x;
          const g1 = r1 - l1;
          const y = x - eta * g1;
          const e2 = Math.exp(sgn * y);
          const l2 = expo ? cN[k]! * e2 : cN[k]! / (1 + e2), r2 = lam * y;
          const g2 = r2 + l2;
          g = g1 + g2;
          mag = Math.abs(r1) + Math.abs(l1) + Math.abs(r2) + Math.abs(l2);
          d = -eta * g1 - eta * g2;
        }
        const s = Math.abs(d);
        const l = lo[i]! + d;
        if (Math.abs(l) > FOLD * Math.abs(w[i]!)) {
          w[i] = w[i]! + l;
          lo[i] = 0;
        } else lo[i] = l;
        const xn = w[i]! + lo[i]!;
        let v = 0;
        if (!(Math.abs(xn) <= bound)) v = 2;
        else if (Math.abs(g) <= RND * mag) v = 1;
        else {
          const sp = Math.abs(dL[i]!);
          if (s < sp && sp - s > eta * RND * mag && s * s <= TOL * (1 + Math.abs(xn)) * (sp - s)) {
            if (ok[i]) v = 1;
            else ok[i] = 1;
          } else ok[i] = 0;
        }
        dL[i] = d;
        if (v !== 0) {
          st[i] = v;
          at[i] = t;
          active--;
        }
      }
      if (tr && t % every === 0) for (let i = 0; i < m; i++) tr[(base + i) * S + t / every] = w[i]! + lo[i]!;
    }
    for (let i = 0; i < m; i++) {
      const k = base + i;
      const x = w[i]! + lo[i]!;
      let status = st[i]!;
      if (status === 0) {
        const s = Math.abs(dL[i]!);
        if (s > TOL * (1 + Math.abs(x)) && Math.abs(dL[i]! + dB[i]!) <= CANCEL * s) status = 3;
      }
      out.w[k] = x;
      out.status[k] = status;
      out.at[k] = at[i]!;
      if (every) fillTrajectory(tr, S, k, Math.floor(t / every) + 1, x);
    }
  }
}

/**
 * One step of the hot case (simultaneous objectives, exponential loss, 1-D) for a block: the
 * generic loop below with the branches taken out; returns how many runs stopped at this step.
 */
function stepExponential1d(m: number, t: number, w: Float64Array, lo: Float64Array, dL: Float64Array, ok: Uint8Array, st: Uint8Array, at: Uint32Array, bc: Float64Array, bl: Float64Array, be: Float64Array, ex: Float64Array, bound: number): number {
  let stopped = 0;
  // the exponentials first, in a loop of their own: a call inside the update loop makes the
  // compiler spill its live values around every call
  for (let i = 0; i < m; i++) ex[i] = Math.exp(-(w[i]! + lo[i]!));
  for (let i = 0; i < m; i++) {
    if (st[i] !== 0) continue;
    const hi = w[i]!, x = hi + lo[i]!;
    const lt = bc[i]! * ex[i]!, rt = bl[i]! * x;
    const g = rt - lt, mag = Math.abs(rt) + Math.abs(lt), eta = be[i]!;
    const d = -eta * g, s = Math.abs(d);
    const l = lo[i]! + d;
    let xn: number;
    if (Math.abs(l) > FOLD * Math.abs(hi)) {
      xn = hi + l;
      w[i] = xn;
      lo[i] = 0;
    } else {
      lo[i] = l;
      xn = hi + l;
    }
    let v = 0;
    if (!(Math.abs(xn) <= bound)) v = 2;
    else if (Math.abs(g) <= RND * mag) v = 1;
    else {
      const sp = Math.abs(dL[i]!);
      if (s < sp && sp - s > eta * RND * mag && s * s <= TOL * (1 + Math.abs(xn)) * (sp - s)) {
        if (ok[i]) v = 1;
        else ok[i] = 1;
      } else ok[i] = 0;
    }
    dL[i] = d;
    if (v !== 0) {
      st[i] = v;
      at[i] = t;
      stopped++;
    }
  }
  return stopped;
}

function run2d(b: SimBatch, o: SimOptions, from: number, to: number, out: SimArrays): void {
  const iterative = o.objective === 'DA-iterative';
  const expo = o.loss === 'exponential';
  const bound = o.bound ?? CRITERIA.defaultBound;
  const T = o.steps, every = o.trajectoryEvery ?? 0, S = trajectorySamples(o);
  const tr = out.trajectory, tr2 = out.trajectory2;
  const { cP, cN, lambda, start } = b;
  const eps = b.eps!, start2 = b.start2!;
  const etaArr = b.eta, etaAll = o.eta;
  const w1 = new Float64Array(BLOCK), w2 = new Float64Array(BLOCK), lo1 = new Float64Array(BLOCK), lo2 = new Float64Array(BLOCK);
  const dL1 = new Float64Array(BLOCK), dL2 = new Float64Array(BLOCK), dB1 = new Float64Array(BLOCK), dB2 = new Float64Array(BLOCK);
  const ok = new Uint8Array(BLOCK), st = new Uint8Array(BLOCK), at = new Uint32Array(BLOCK);
  const sgn = expo ? -1 : 1;
  /** c·(−ℓ′(t)) */
  const phi = (c: number, t: number): number => {
    const e = Math.exp(sgn * t);
    return expo ? c * e : c / (1 + e);
  };
  for (let base = from; base < to; base += BLOCK) {
    const m = Math.min(BLOCK, to - base);
    for (let i = 0; i < m; i++) {
      w1[i] = start[base + i]!;
      w2[i] = start2[base + i]!;
      lo1[i] = lo2[i] = 0;
      dL1[i] = dL2[i] = dB1[i] = dB2[i] = 0;
      ok[i] = st[i] = at[i] = 0;
      if (tr) tr[(base + i) * S] = w1[i]!;
      if (tr2) tr2[(base + i) * S] = w2[i]!;
    }
    let active = m, t = 0;
    while (t < T && active > 0) {
      t++;
      if (t === T) {
        dB1.set(dL1);
        dB2.set(dL2);
      }
      for (let i = 0; i < m; i++) {
        if (st[i] !== 0) continue;
        const k = base + i;
        const x1 = w1[i]! + lo1[i]!, x2 = w2[i]! + lo2[i]!, lam = lambda[k]!, ep = eps[k]!, eta = etaArr ? etaArr[k]! : etaAll;
        let g1: number, g2: number, m1: number, m2: number, d1: number, d2: number;
        if (!iterative) {
          const p = phi(cP[k]!, x1 + ep * x2), q = phi(cN[k]!, ep * x1 + x2);
          const r1 = lam * x1, r2 = lam * x2;
          g1 = r1 - p + ep * q;
          g2 = r2 - ep * p + q;
          m1 = Math.abs(r1) + Math.abs(p) + Math.abs(ep * q);
          m2 = Math.abs(r2) + Math.abs(ep * p) + Math.abs(q);
          d1 = -eta * g1;
          d2 = -eta * g2;
        } else {
          const p = phi(cP[k]!, x1 + ep * x2);
          const r1 = lam * x1, r2 = lam * x2;
          const a1 = r1 - p, a2 = r2 - ep * p;
          const y1 = x1 - eta * a1, y2 = x2 - eta * a2;
          const q = phi(cN[k]!, ep * y1 + y2);
          const s1 = lam * y1, s2 = lam * y2;
          const b1 = s1 + ep * q, b2 = s2 + q;
          g1 = a1 + b1;
          g2 = a2 + b2;
          m1 = Math.abs(r1) + Math.abs(p) + Math.abs(s1) + Math.abs(ep * q);
          m2 = Math.abs(r2) + Math.abs(ep * p) + Math.abs(s2) + Math.abs(q);
          d1 = -eta * a1 - eta * b1;
          d2 = -eta * a2 - eta * b2;
        }
        const l1 = lo1[i]! + d1, l2 = lo2[i]! + d2;
        if (Math.abs(l1) > FOLD * Math.abs(w1[i]!)) {
          w1[i] = w1[i]! + l1;
          lo1[i] = 0;
        } else lo1[i] = l1;
        if (Math.abs(l2) > FOLD * Math.abs(w2[i]!)) {
          w2[i] = w2[i]! + l2;
          lo2[i] = 0;
        } else lo2[i] = l2;
        const n1 = w1[i]! + lo1[i]!, n2 = w2[i]! + lo2[i]!;
        const s = Math.max(Math.abs(d1), Math.abs(d2));
        let v = 0;
        if (!(Math.abs(n1) <= bound && Math.abs(n2) <= bound)) v = 2;
        else if (Math.abs(g1) <= RND * m1 && Math.abs(g2) <= RND * m2) v = 1;
        else {
          const sp = Math.max(Math.abs(dL1[i]!), Math.abs(dL2[i]!));
          if (s < sp && sp - s > eta * RND * Math.max(m1, m2) && s * s <= TOL * (1 + Math.max(Math.abs(n1), Math.abs(n2))) * (sp - s)) {
            if (ok[i]) v = 1;
            else ok[i] = 1;
          } else ok[i] = 0;
        }
        dL1[i] = d1;
        dL2[i] = d2;
        if (v !== 0) {
          st[i] = v;
          at[i] = t;
          active--;
        }
      }
      if (t % every === 0 && every) {
        for (let i = 0; i < m; i++) {
          tr![(base + i) * S + t / every] = w1[i]! + lo1[i]!;
          tr2![(base + i) * S + t / every] = w2[i]! + lo2[i]!;
        }
      }
    }
    for (let i = 0; i < m; i++) {
      const k = base + i;
      const x1 = w1[i]! + lo1[i]!, x2 = w2[i]! + lo2[i]!;
      let status = st[i]!;
      if (status === 0) {
        const s = Math.max(Math.abs(dL1[i]!), Math.abs(dL2[i]!));
        const back = Math.max(Math.abs(dL1[i]! + dB1[i]!), Math.abs(dL2[i]! + dB2[i]!));
        if (s > TOL * (1 + Math.max(Math.abs(x1), Math.abs(x2))) && back <= CANCEL * s) status = 3;
      }
      out.w[k] = x1;
      out.w2![k] = x2;
      out.status[k] = status;
      out.at[k] = at[i]!;
      if (every) {
        fillTrajectory(tr, S, k, Math.floor(t / every) + 1, x1);
        fillTrajectory(tr2, S, k, Math.floor(t / every) + 1, x2);
      }
    }
  }
}
