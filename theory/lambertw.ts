/**
 * Lambert W, the inverse of w ↦ w·e^w, on its two real branches.
 *
 * PROVISIONAL baseline (Halley's iteration from a float64 start). The public API below is stable:
 *   lambertW(z, branch, digits)  → Decimal, correct to `digits` significant digits
 *   lambertW0 / lambertWm1       → shorthands
 *   lambertW0f64 / lambertWm1f64 → float64 versions
 *   LambertWDomainError          → thrown for z < −1/e, or branch −1 with z ≥ 0
 */
import { Decimal } from 'decimal.js';

export type Branch = 0 | -1;

export class LambertWDomainError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'LambertWDomainError';
  }
}

const ctxCache = new Map<number, typeof Decimal>();
/** A decimal.js constructor working at `precision` significant digits (cached per precision). */
export function decimalAt(precision: number): typeof Decimal {
  let D = ctxCache.get(precision);
  if (!D) {
    D = Decimal.clone({ precision, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15, minE: -9e15, maxE: 9e15 });
    ctxCache.set(precision, D);
  }
  return D;
}

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 10 || digits > 1000) {
    throw new RangeError(`digits must be an integer in [10, 1000], got ${digits}`);
  }
}

export function lambertW(zIn: Decimal.Value, branch: Branch, digits: number): Decimal {
  checkDigits(digits);
  const guard = 20;
  const D = decimalAt(digits + guard);
  const z = new D(zIn);
  if (!z.isFinite()) throw new LambertWDomainError(`z must be finite, got ${z.toString()}`);
  const invE = new D(1).exp().pow(-1);
  const offset = z.plus(invE);
  if (offset.isNegative() && !offset.isZero()) {
    throw new LambertWDomainError(`z = ${z.toString()} is below the branch point −1/e; W is not real there`);
  }
  if (branch === -1 && !z.isNegative()) {
    throw new LambertWDomainError(`W−1 is defined only for −1/e ≤ z < 0, got z = ${z.toString()}`);
  }
  const out = decimalAt(digits);
  if (offset.isZero()) return new out(-1);
  if (z.isZero()) return new out(0);
  let w = new D(branch === 0 ? lambertW0f64(z.toNumber()) : lambertWm1f64(Math.max(z.toNumber(), -1 / Math.E)));
  if (!w.isFinite() || (branch === 0 && w.lt(-1)) || (branch === -1 && w.gt(-1))) w = new D(-1);
  // near the branch point the float start can be poor: seed from the series in p = ±sqrt(2(ez+1))
  if (offset.lt(1e-3)) {
    const p0 = offset.times(new D(1).exp()).times(2).sqrt();
    const p = branch === 0 ? p0 : p0.neg();
    w = p.minus(1).minus(p.pow(2).div(3)).plus(p.pow(3).times(11).div(72));
  }
  const tol = new D(10).pow(-(digits + guard - 4));
  for (let i = 0; i < 200; i++) {
    const ew = w.exp();
    const f = w.times(ew).minus(z);
    const wp1 = w.plus(1);
    if (wp1.isZero()) break;
    const denom = ew.times(wp1).minus(w.plus(2).times(f).div(wp1.times(2)));
    const dw = f.div(denom);
    w = w.minus(dw);
    if (dw.abs().lte(tol.times(w.abs().plus(1e-300)))) return new out(w);
  }
  return new out(w);
}

export const lambertW0 = (z: Decimal.Value, digits: number): Decimal => lambertW(z, 0, digits);
export const lambertWm1 = (z: Decimal.Value, digits: number): Decimal => lambertW(z, -1, digits);

function halleyF64(x: number, w0: number): number {
  let w = w0;
  for (let i = 0; i < 50; i++) {
    const ew = Math.exp(w);
    const f = w * ew - x;
    const wp1 = w + 1;
    if (wp1 === 0) return w;
    const dw = f / (ew * wp1 - ((w + 2) * f) / (2 * wp1));
    w -= dw;
    if (Math.abs(dw) <= 1e-16 * Math.abs(w)) break;
  }
  return w;
}

export function lambertW0f64(x: number): number {
  if (Number.isNaN(x) || x < -1 / Math.E) throw new LambertWDomainError(`z = ${x} is below −1/e or NaN`);
  if (x === Infinity) return Infinity;
  if (x === 0) return 0;
  const p = Math.sqrt(Math.max(0, 2 * (Math.E * x + 1)));
  const w0 = x < -0.25 ? -1 + p - (p * p) / 3 : x < 3 ? Math.log1p(x) * 0.8 : Math.log(x) - Math.log(Math.log(x));
  return halleyF64(x, w0);
}

export function lambertWm1f64(x: number): number {
  if (Number.isNaN(x) || x < -1 / Math.E || x >= 0) throw new LambertWDomainError(`W−1 needs −1/e ≤ z < 0, got ${x}`);
  const p = -Math.sqrt(Math.max(0, 2 * (Math.E * x + 1)));
  const w0 = x < -0.25 ? -1 + p - (p * p) / 3 : Math.log(-x) - Math.log(-Math.log(-x));
  return halleyF64(x, w0);
}
