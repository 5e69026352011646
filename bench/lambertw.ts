/**
 * `ascent-verify bench lambertw`: evaluations per second of theory/lambertw.ts (decimal W0 and W−1
 * at 50 and 100 digits, float64 W0 and W−1), beside mpmath and scipy measured in the same run by
 * bench/lambertw_ref.py when python3 has them, and the float64 worst ulp error over the committed
 * mpmath vectors. Ratios are ours / reference: absolute rates on a shared machine are noisy.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { lambertW, lambertW0f64, lambertWm1f64, type Branch } from '../theory/lambertw.ts';

export interface BenchRow {
  name: string;
  ours: number;
  reference: { name: string; rate: number } | null;
}

/** Calls fn over the inputs round-robin for about `seconds`; returns calls per second. */
function rate<T>(inputs: T[], fn: (x: T) => unknown, seconds: number): number {
  for (let i = 0; i < Math.min(inputs.length, 50); i++) fn(inputs[i]!); // warm-up
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < 100; i++) fn(inputs[(n + i) % inputs.length]!);
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}

/** Tight loop over a Float64Array, the way a simulation calls it. */
function rateF64(xs: Float64Array, fn: (x: number) => number, seconds: number): number {
  let n = 0, sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (let i = 0; i < xs.length; i++) sink += fn(xs[i]!);
    n += xs.length;
  }
  if (Number.isNaN(sink)) throw new Error('NaN in float64 W');
  return n / ((performance.now() - t0) / 1000);
}

function ulpDistance(a: number, b: number): number {
  const key = (x: number): bigint => {
    const v = new DataView(new ArrayBuffer(8));
    v.setFloat64(0, x);
    const bits = v.getBigInt64(0);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

export interface LambertwBench {
  rows: BenchRow[];
  float64WorstUlp: { W0: number; Wm1: number; vectors: number };
  referenceNote: string;
}

export function benchLambertw(opts: { quick: boolean; log: (m: string) => void; vectorsPath: string }): LambertwBench {
  const secs = opts.quick ? 0.4 : 2;
  let seed = 1;
  const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const pos = Array.from({ length: 2000 }, () => new Decimal((10 ** (rand() * 10 - 5)).toPrecision(17)));
  const neg = Array.from({ length: 2000 }, () => new Decimal((-(1e-6 + rand() * (0.3678 - 1e-6))).toPrecision(17)));
  opts.log('bench lambertw: measuring reference (python3 bench/lambertw_ref.py)…');
  const py = spawnSync('python3', [new URL('./lambertw_ref.py', import.meta.url).pathname, String(secs)], { encoding: 'utf8' });
  let ref: Record<string, number> = {};
  let referenceNote = '';
  if (py.status === 0) {
    try {
      ref = JSON.parse(py.stdout.trim().split('\n').pop()!);
    } catch {
      referenceNote = 'reference output unreadable; skipped';
    }
  } else referenceNote = `python3 reference skipped: ${py.error?.message ?? py.stderr.trim().split('\n').pop() ?? 'failed'}`;
  if ('mpmath_error' in ref) referenceNote += ` mpmath missing (${ref.mpmath_error});`;
  if ('scipy_error' in ref) referenceNote += ` scipy missing (${ref.scipy_error});`;
  const refOf = (key: string, name: string): BenchRow['reference'] => (typeof ref[key] === 'number' ? { name, rate: ref[key]! } : null);
  const rows: BenchRow[] = [];
  for (const digits of [50, 100]) {
    for (const [branch, zs] of [[0, pos], [-1, neg]] as [Branch, Decimal[]][]) {
      opts.log(`bench lambertw: decimal W${branch === 0 ? '0' : '−1'} at ${digits} digits…`);
      rows.push({ name: `decimal W${branch === 0 ? '0' : '−1'}, ${digits} digits`, ours: rate(zs, (z) => lambertW(z, branch, digits), secs), reference: refOf(`mpmath_W${branch === 0 ? '0' : 'm1'}_${digits}`, `mpmath ${digits} dps`) });
    }
  }
  const xs = new Float64Array(1 << 16).map(() => 10 ** (rand() * 10 - 5));
  const ys = new Float64Array(1 << 16).map(() => -(1e-6 + rand() * (0.3678 - 1e-6)));
  opts.log('bench lambertw: float64…');
  rows.push({ name: 'float64 W0 (tight loop)', ours: rateF64(xs, lambertW0f64, secs), reference: refOf('scipy_W0_vectorised', 'scipy vectorised') });
  rows.push({ name: 'float64 W−1 (tight loop)', ours: rateF64(ys, lambertWm1f64, secs), reference: refOf('scipy_Wm1_vectorised', 'scipy vectorised') });
  rows.push({ name: 'float64 W0 (one call at a time)', ours: rate([...xs.slice(0, 2000)], lambertW0f64, secs), reference: refOf('scipy_W0_per_call', 'scipy per call') });
  const vec = JSON.parse(readFileSync(opts.vectorsPath, 'utf8')) as { float64: { z: string; branch: Branch; w: string }[] };
  const worst = { W0: 0, Wm1: 0, vectors: vec.float64.length };
  for (const v of vec.float64) {
    const z = Number(v.z);
    const u = ulpDistance(v.branch === 0 ? lambertW0f64(z) : lambertWm1f64(z), Number(v.w));
    if (v.branch === 0) worst.W0 = Math.max(worst.W0, u);
    else worst.Wm1 = Math.max(worst.Wm1, u);
  }
  return { rows, float64WorstUlp: worst, referenceNote: referenceNote.trim() };
}

export function formatLambertwBench(b: LambertwBench): string {
  const fmt = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(2)} k/s` : `${x.toFixed(0)} /s`);
  const lines = ['Lambert W, evaluations per second (one core; reference measured in the same run)', ''];
  lines.push(`${'case'.padEnd(34)} ${'ours'.padStart(12)}   ${'reference'.padEnd(20)} ${'rate'.padStart(12)}   ours/ref`);
  for (const r of b.rows) {
    lines.push(`${r.name.padEnd(34)} ${fmt(r.ours).padStart(12)}   ${(r.reference?.name ?? '—').padEnd(20)} ${(r.reference ? fmt(r.reference.rate) : '—').padStart(12)}   ${r.reference ? (r.ours / r.reference.rate).toFixed(2) : '—'}`);
  }
  lines.push('', `float64 worst error over ${b.float64WorstUlp.vectors} mpmath vectors: ${b.float64WorstUlp.W0} ulp (W0), ${b.float64WorstUlp.Wm1} ulp (W−1)`);
  if (b.referenceNote) lines.push(b.referenceNote);
  return lines.join('\n');
}
