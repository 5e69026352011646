/**
 * WGSL compute shaders for the WebGPU backend: one per (setting, objective, loss), generated here
 * so the CPU kernels (kernels.ts) and the GPU ones share the update rules and the status criteria
 * of types.ts (float32 constants). One invocation owns one configuration and runs up to
 * `Params.steps` steps per dispatch in a loop, w kept in registers; state and status go back to
 * storage at the end of the dispatch, so a run of T steps is ⌈T/steps⌉ dispatches.
 *
 * Float32 specifics (the why of the differences from the CPU kernels):
 *  - w is carried as hi + lo, steps accumulating in lo and folded into hi once |lo| > 2^−12·|hi|
 *    (small enough that lo's own ulp, ≤ 2^−35·|hi|, does not swallow the steps in turn):
 *    with a small η a step is often below half an ulp of w and would be lost, so descent would
 *    stall short of the minimum (at |w − w*| ≈ ulp(w)/(2ηf″)). Not TwoSum: WGSL compilers may
 *    reassociate float arithmetic (Mesa's does), which cancels TwoSum's error term to zero, while
 *    an accumulator has no algebraic identity to simplify. The gradient is evaluated at
 *    fl(hi + lo), so accuracy at convergence is a few float32 ulp of w (about 1e−6 relative in 1-D).
 *  - exponent arguments are kept within ±80 (e^{88.7} overflows float32, and WGSL lets an
 *    implementation assume no infinities or NaNs, so they must never be produced): an
 *    exponential-loss run whose argument passes −80 is in free fall and is marked diverged at that
 *    step; for the logistic loss clamping is exact in float32 (1/(1 + e^{80}) < 2^−115 next to 1).
 *  - no step counts as "before the first": dL starts at 0, so criterion (b) cannot hold at t = 1,
 *    as on the CPU.
 * Bindings (4 storage buffers, within WebGPU's compatibility-mode limit):
 *   0 uniform Params (one 256-byte slot per dispatch, dynamic offset)
 *   1 coef:  1-D vec4(cP, cN, λ, η) per configuration; 2-D two vec4: (cP, cN, λ, η), (ε, 0, 0, 0)
 *   2 state: 1-D vec4(w_hi, w_lo, dL, dB); 2-D two vec4: (w1_hi, w1_lo, w2_hi, w2_lo), (dL1, dL2, dB1, dB2)
 *   3 flags: vec2<u32>(status | ok << 8, at)
 *   4 traj:  hi + lo at steps t ≡ 0 (mod every), [k·S + t/every] (2-D: [(k·S + t/every)·2 + coordinate])
 */
import { CRITERIA, type SimLoss, type SimObjective, type SimSetting } from './types.ts';

export const WORKGROUP_SIZE = 64;
/** |argument| of every exponential stays within this (see header). */
export const EXP_LIMIT = 80;

export interface ShaderKey {
  setting: SimSetting;
  objective: SimObjective;
  loss: SimLoss;
}

const f = (x: number): string => {
  const s = x.toExponential(9);
  return s.includes('.') || s.includes('e') ? s : `${s}.0`;
};

/** c·(−ℓ′(t)) as a WGSL expression. */
function phi(loss: SimLoss, c: string, t: string): string {
  return loss === 'exponential' ? `((${c}) * exp(min(-(${t}), ${f(EXP_LIMIT)})))` : `((${c}) / (1.0 + exp(clamp(${t}, ${f(-EXP_LIMIT)}, ${f(EXP_LIMIT)}))))`;
}

function body1d(objective: SimObjective, loss: SimLoss): string {
  if (objective !== 'DA-iterative') {
    return `
      let x = hi + lo;
      let lt = ${phi(loss, 'cc.x - cc.y', 'x')};
      let rt = lam * x;
      let g = rt - lt;
      let mag = abs(rt) + abs(lt);
      let d = -eta * g;
      let gOk = abs(g) <= RND * mag;`;
  }
  return `
      let x = hi + lo;
      let l1 = ${phi(loss, 'cc.x', 'x')};
      let r1 = lam * x;
      let g1 = r1 - l1;
      let y = x - eta * g1;
      let l2 = ${phi(loss, 'cc.y', 'y')};
      let r2 = lam * y;
      let g2 = r2 + l2;
      let g = g1 + g2;
      let mag = abs(r1) + abs(l1) + abs(r2) + abs(l2);
      let d = -eta * g1 - eta * g2;
      let gOk = abs(g) <= RND * mag;`;
}

function body2d(objective: SimObjective, loss: SimLoss): string {
  if (objective !== 'DA-iterative') {
    return `
      let x = vec2<f32>(s0.x + s0.y, s0.z + s0.w);
      let p = ${phi(loss, 'cc.x', 'x.x + ep * x.y')};
      let q = ${phi(loss, 'cc.y', 'ep * x.x + x.y')};
      let r = lam * x;
      let g = vec2<f32>(r.x - p + ep * q, r.y - ep * p + q);
      let mag = vec2<f32>(abs(r.x) + abs(p) + abs(ep * q), abs(r.y) + abs(ep * p) + abs(q));
      let d = -eta * g;
      let gOk = all(abs(g) <= RND * mag);`;
  }
  return `
      let x = vec2<f32>(s0.x + s0.y, s0.z + s0.w);
      let p = ${phi(loss, 'cc.x', 'x.x + ep * x.y')};
      let r = lam * x;
      let a = vec2<f32>(r.x - p, r.y - ep * p);
      let y = x - eta * a;
      let q = ${phi(loss, 'cc.y', 'ep * y.x + y.y')};
      let sy = lam * y;
      let b = vec2<f32>(sy.x + ep * q, sy.y + q);
      let g = a + b;
      let mag = vec2<f32>(abs(r.x) + abs(p) + abs(sy.x) + abs(ep * q), abs(r.y) + abs(ep * p) + abs(sy.y) + abs(q));
      let d = -eta * a - eta * b;
      let gOk = all(abs(g) <= RND * mag);`;
}

/** The exponential loss's free-fall test on the new point (header); none for the logistic loss. */
function freeFall(setting: SimSetting, loss: SimLoss): string {
  if (loss !== 'exponential') return 'false';
  return setting === '1d' ? `wn < ${f(-EXP_LIMIT)}` : `(wn.x + ep * wn.y < ${f(-EXP_LIMIT)}) || (ep * wn.x + wn.y < ${f(-EXP_LIMIT)})`;
}

export function shaderSource(key: ShaderKey): string {
  const { setting, objective, loss } = key;
  const c = CRITERIA.f32;
  const twoD = setting === '2d';
  const header = `// ascent-verify simulation kernel: setting ${setting}, objective ${objective}, loss ${loss} (generated by empirics/sim/wgsl.ts)
struct Params { n: u32, t0: u32, steps: u32, total: u32, every: u32, samples: u32, bound: f32, pad: u32 }
@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> coef: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> state: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read_write> flags: array<vec2<u32>>;
@group(0) @binding(4) var<storage, read_write> traj: array<f32>;

const RND: f32 = ${f(c.unitRoundoff * c.roundingFactor)};
const TOL: f32 = ${f(c.tolerance)};
const FOLD: f32 = 0.000244140625;

// the step d accumulated into lo, folded into hi once lo is no longer small against it
fn add2(hi: f32, lo: f32, d: f32) -> vec2<f32> {
  let l = lo + d;
  if (abs(l) > FOLD * abs(hi)) { return vec2<f32>(hi + l, 0.0); }
  return vec2<f32>(hi, l);
}
`;
  // the entry point's opening, the same in both settings: skip finished configurations, unpack the flags
  const entry = `@compute @workgroup_size(${WORKGROUP_SIZE})
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let k = gid.x;
  if (k >= P.n) { return; }
  var fl = flags[k];
  var status = fl.x & 255u;
  if (status != 0u) { return; }
  var ok = (fl.x >> 8u) & 1u;
  var at = fl.y;
`;
  if (!twoD) {
    return `${header}
${entry}  let cc = coef[k];
  let lam = cc.z;
  let eta = cc.w;
  let st = state[k];
  var hi = st.x;
  var lo = st.y;
  var dL = st.z;
  var dB = st.w;
  for (var i = 0u; i < P.steps; i = i + 1u) {
    let t = P.t0 + i + 1u;
    if (t > P.total) { break; }
    ${body1d(objective, loss).trim()}
    let nw = add2(hi, lo, d);
    hi = nw.x;
    lo = nw.y;
    let wn = hi + lo;
    let s = abs(d);
    if (!(abs(wn) <= P.bound) || ${freeFall(setting, loss)}) {
      status = 2u;
    } else if (gOk) {
      status = 1u;
    } else {
      let sp = abs(dL);
      if (s < sp && sp - s > eta * RND * mag && s * s <= TOL * (1.0 + abs(wn)) * (sp - s)) {
        if (ok == 1u) { status = 1u; } else { ok = 1u; }
      } else {
        ok = 0u;
      }
    }
    dB = dL;
    dL = d;
    if (P.every > 0u && t % P.every == 0u) { traj[k * P.samples + t / P.every] = wn; }
    if (status != 0u) { at = t; break; }
  }
  state[k] = vec4<f32>(hi, lo, dL, dB);
  flags[k] = vec2<u32>(status | (ok << 8u), at);
}
`;
  }
  return `${header}
${entry}  let cc = coef[2u * k];
  let ep = coef[2u * k + 1u].x;
  let lam = cc.z;
  let eta = cc.w;
  var s0 = state[2u * k];
  let s1 = state[2u * k + 1u];
  var dL = s1.xy;
  var dB = s1.zw;
  for (var i = 0u; i < P.steps; i = i + 1u) {
    let t = P.t0 + i + 1u;
    if (t > P.total) { break; }
    ${body2d(objective, loss).trim()}
    let n1 = add2(s0.x, s0.y, d.x);
    let n2 = add2(s0.z, s0.w, d.y);
    s0 = vec4<f32>(n1.x, n1.y, n2.x, n2.y);
    let wn = vec2<f32>(s0.x + s0.y, s0.z + s0.w);
    let s = max(abs(d.x), abs(d.y));
    let big = max(abs(wn.x), abs(wn.y));
    if (!(big <= P.bound) || ${freeFall(setting, loss)}) {
      status = 2u;
    } else if (gOk) {
      status = 1u;
    } else {
      let sp = max(abs(dL.x), abs(dL.y));
      if (s < sp && sp - s > eta * RND * max(mag.x, mag.y) && s * s <= TOL * (1.0 + big) * (sp - s)) {
        if (ok == 1u) { status = 1u; } else { ok = 1u; }
      } else {
        ok = 0u;
      }
    }
    dB = dL;
    dL = d;
    if (P.every > 0u && t % P.every == 0u) {
      let j = (k * P.samples + t / P.every) * 2u;
      traj[j] = wn.x;
      traj[j + 1u] = wn.y;
    }
    if (status != 0u) { at = t; break; }
  }
  state[2u * k] = s0;
  state[2u * k + 1u] = vec4<f32>(dL, dB);
  flags[k] = vec2<u32>(status | (ok << 8u), at);
}
`;
}
