/**
 * e^x in decimal.js at a given precision, about 4× faster than Decimal#exp for the arguments the
 * theory uses (|x| up to ~10^4), because the argument reduction reuses cached constants.
 *
 * Method: x = n + j/32 + k/1024 + s with n, j, k integers, |j| ≤ 16, |k| ≤ 16 and |s| ≤ 1/2048;
 * e^x = e^n · e^{j/32} · e^{k/1024} · e^s. e^n comes from a per-precision cache of e^{±2^i}
 * (binary powering, at most ~14 products); e^{j/32}, e^{k/1024} from per-precision tables made
 * once with Decimal#exp; e^s from its Taylor polynomial by Horner with cached 1/m! coefficients,
 * as many terms as |s|^m/m! needs to fall below 10^−(precision+2).
 * Accuracy: all steps run at precision + 5 digits, the result is rounded to `precision`
 * significant digits: relative error below 10^−(precision−1) (tests/decimalExp.test.ts checks it
 * against Decimal#exp). Special cases: x = 0 gives 1; |x| > 1e6 (±∞ included) falls back to Decimal#exp;
 * NaN throws RangeError (it used to loop forever choosing the Taylor degree).
 */
import { Decimal } from 'decimal.js';

type Ctor = typeof Decimal;

interface Tables {
  D: Ctor;
  ePow2: Map<number, Decimal>; // e^{±2^i}
  e32: Map<number, Decimal>; // e^{j/32}
  e1024: Map<number, Decimal>; // e^{k/1024}
  invFact: Decimal[]; // 1/m!
  one: Decimal;
}

const tablesByPrecision = new Map<number, Tables>();

function tables(precision: number): Tables {
  let t = tablesByPrecision.get(precision);
  if (!t) {
    const D = Decimal.clone({ precision: precision + 5, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40, minE: -9e15, maxE: 9e15 });
    t = { D, ePow2: new Map(), e32: new Map(), e1024: new Map(), invFact: [new D(1)], one: new D(1) };
    tablesByPrecision.set(precision, t);
  }
  return t;
}

function cached(map: Map<number, Decimal>, key: number, make: () => Decimal): Decimal {
  let v = map.get(key);
  if (!v) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** e^n for an integer n by binary powering of cached e^{±2^i}. */
function expInteger(t: Tables, n: number): Decimal {
  let r = t.one;
  const sign = n < 0 ? -1 : 1;
  let m = Math.abs(n);
  for (let i = 0; m > 0; i++, m >>= 1) {
    if (m & 1) r = r.times(cached(t.ePow2, sign * 2 ** i, () => new t.D(sign * 2 ** i).exp()));
  }
  return r;
}

export function fastExp(xIn: Decimal, precision: number): Decimal {
  const t = tables(precision);
  const D = t.D;
  const x = new D(xIn);
  // NaN would never end the Taylor-degree loop below (its log-term is NaN): refuse it
  if (x.isNaN()) throw new RangeError('fastExp: x is NaN');
  if (x.isZero()) return new (Decimal.clone({ precision }))(1);
  if (x.abs().gt(1e6)) return x.exp().toSignificantDigits(precision);
  const n = x.round().toNumber();
  let r = x.minus(n);
  const j = Math.round(r.toNumber() * 32);
  r = r.minus(new D(j).div(32));
  const k = Math.round(r.toNumber() * 1024);
  const s = r.minus(new D(k).div(1024));
  // Taylor terms needed: |s| ≤ 1/2048, so |s|^m/m! < 10^−(precision+2) decides m
  const sAbs = Math.max(Math.abs(s.toNumber()), 1e-300);
  let m = 1;
  for (let logTerm = 0; ; m++) {
    logTerm += Math.log10(sAbs) - Math.log10(m);
    if (logTerm < -(precision + 7)) break;
  }
  while (t.invFact.length <= m) t.invFact.push(t.invFact[t.invFact.length - 1]!.div(t.invFact.length));
  let poly = t.invFact[m]!;
  for (let i = m - 1; i >= 0; i--) poly = poly.times(s).plus(t.invFact[i]!);
  let result = poly;
  if (j !== 0) result = result.times(cached(t.e32, j, () => new D(j).div(32).exp()));
  if (k !== 0) result = result.times(cached(t.e1024, k, () => new D(k).div(1024).exp()));
  if (n !== 0) result = result.times(expInteger(t, n));
  return result.toSignificantDigits(precision);
}
