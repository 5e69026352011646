/**
 * `ascent-verify bench lambertw`: evaluations per second of theory/lambertw.ts (decimal W0 and W−1
 * at 50 and 100 digits; float64 W0 and W−1 in a tight loop over a Float64Array and one call at a
 * time), beside mpmath (same digits) and scipy.special.lambertw (vectorised over a numpy array, and
 * one call at a time) measured by bench/lambertw_ref.py on the SAME inputs (sent on stdin), each
 * reference case right after ours, when python3 has them; plus the float64 worst ulp error over the committed mpmath
 * vectors. Rates are per CPU-second of each process (a shared machine's load stretches the wall
 * clock); ratios are ours / reference.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Decimal } from 'decimal.js';
import { lambertW, lambertW0f64, lambertWm1f64, type Branch } from '../theory/lambertw.ts';
import { ulpDistance } from '../properties/ulp.ts';

export interface BenchRow {
  name: string;
  ours: number;
  reference: { name: string; rate: number } | null;
  /** ours / reference rate */
  ratio: number | null;
}

export interface LambertwBench {
  rows: BenchRow[];
  float64WorstUlp: { W0: number; Wm1: number; vectors: number };
  secondsPerCase: number;
  referenceNote: string;
}

/**
 * CPU seconds this process has used. Rates are per CPU-second on both sides (python: process_time),
 * so other work on a shared machine slows the wall clock but not the figures much.
 */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Calls fn over the inputs round-robin for about `seconds` of CPU after `warmup` CPU seconds (decimal
 * W needs ~0.4 s before the JIT has settled: measured from cold, the first 0.4 s runs at ~1/3 speed);
 * returns calls per CPU-second.
 */
function rate<T>(inputs: T[], fn: (x: T) => unknown, seconds: number, warmup: number): number {
  const run = (budgetMs: number): number => {
    let n = 0;
    const t0 = cpuSeconds();
    while (cpuSeconds() - t0 < budgetMs / 1000) {
      for (let i = 0; i < 50; i++) fn(inputs[(n + i) % inputs.length]!);
      n += 50;
    }
    return n / (cpuSeconds() - t0);
  };
  run(warmup * 1000);
  return run(seconds * 1000);
}

/** Tight loop over a Float64Array, the way a simulation calls it. */
function rateF64(xs: Float64Array, fn: (x: number) => number, seconds: number): number {
  let sink = 0;
  const run = (budgetMs: number): number => {
    let n = 0;
    const t0 = cpuSeconds();
    while (cpuSeconds() - t0 < budgetMs / 1000) {
      for (let i = 0; i < xs.length; i++) sink += fn(xs[i]!);
      n += xs.length;
    }
    return n / (cpuSeconds() - t0);
  };
  run(200);
  const r = run(seconds * 1000);
  if (Number.isNaN(sink)) throw new Error('NaN in float64 W');
  return r;
}

/**
 * bench/lambertw_ref.py as a long-lived child: it gets the inputs once, then measures one reference
 * case per request, so each reference figure is taken right after ours under about the same load.
 */
class Reference {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: AsyncIterator<string>,
    readonly cases: Set<string>,
  ) {}

  /** Starts python3 with the inputs; null (and why) when python3 or its output is unusable. */
  static async start(input: object): Promise<{ ref: Reference | null; note: string }> {
    const child = spawn('python3', [new URL('./lambertw_ref.py', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'pipe'] });
    let failure = '';
    child.on('error', (e) => (failure = e.message));
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin!.on('error', () => {}); // a python3 that died early: reported below, not thrown
    child.stdin!.write(`${JSON.stringify(input)}\n`);
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    if (first.done) {
      const why = failure || stderr.trim().split('\n').pop() || 'no output';
      return { ref: null, note: `python3 reference skipped: ${why}` };
    }
    try {
      const hello = JSON.parse(first.value) as { cases: string[]; errors: Record<string, string> };
      const note = Object.entries(hello.errors).map(([m, e]) => `${m} missing (${e}), its rows skipped`).join('; ');
      return { ref: new Reference(child, lines, new Set(hello.cases)), note };
    } catch {
      child.kill();
      return { ref: null, note: 'python3 reference output unreadable; skipped' };
    }
  }

  async measure(name: string): Promise<number | null> {
    if (!this.cases.has(name)) return null;
    this.child.stdin!.write(`${JSON.stringify({ case: name })}\n`);
    const line = await this.lines.next();
    if (line.done) return null;
    const r = (JSON.parse(line.value) as { rate: number | null }).rate;
    return typeof r === 'number' ? r : null;
  }

  close(): void {
    this.child.stdin!.end();
  }
}

export async function benchLambertw(opts: { quick: boolean; log: (m: string) => void; vectorsPath: string }): Promise<LambertwBench> {
  const secs = opts.quick ? 0.4 : 2;
  let seed = 1;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  // z > 0 log-uniform on [1e−5, 1e5] for W0; z uniform on (−0.3678, −1e−6) for W−1; 17 digits each
  const posStr = Array.from({ length: 2000 }, () => (10 ** (rand() * 10 - 5)).toPrecision(17));
  const negStr = Array.from({ length: 2000 }, () => (-(1e-6 + rand() * (0.3678 - 1e-6))).toPrecision(17));
  const xs = new Float64Array(1 << 16).map(() => 10 ** (rand() * 10 - 5));
  const ys = new Float64Array(1 << 16).map(() => -(1e-6 + rand() * (0.3678 - 1e-6)));

  opts.log('bench lambertw: starting the reference (python3 bench/lambertw_ref.py) on the same inputs…');
  const { ref, note } = await Reference.start({ seconds: secs, pos: posStr, neg: negStr, xs: Array.from(xs), ys: Array.from(ys) });
  const rows: BenchRow[] = [];
  const row = async (name: string, measureOurs: () => number, key: string, refName: string): Promise<void> => {
    opts.log(`bench lambertw: ${name}…`);
    const ours = measureOurs();
    const r = ref ? await ref.measure(key) : null;
    rows.push({ name, ours, reference: r === null ? null : { name: refName, rate: r }, ratio: r === null ? null : ours / r });
  };
  try {
    const pos = posStr.map((s) => new Decimal(s)), neg = negStr.map((s) => new Decimal(s));
    for (const digits of [50, 100]) {
      for (const [branch, zs] of [[0, pos], [-1, neg]] as [Branch, Decimal[]][]) {
        const b = branch === 0 ? '0' : '−1';
        await row(`decimal W${b}, ${digits} digits`, () => rate(zs, (z) => lambertW(z, branch, digits), secs, 0.6), `mpmath_W${branch === 0 ? '0' : 'm1'}_${digits}`, `mpmath ${digits} dps`);
      }
    }
    await row('float64 W0, tight loop', () => rateF64(xs, lambertW0f64, secs), 'scipy_W0_vectorised', 'scipy vectorised');
    await row('float64 W−1, tight loop', () => rateF64(ys, lambertWm1f64, secs), 'scipy_Wm1_vectorised', 'scipy vectorised');
    await row('float64 W0, one call at a time', () => rate(Array.from(xs.subarray(0, 2000)), lambertW0f64, secs, 0.2), 'scipy_W0_per_call', 'scipy per call');
    await row('float64 W−1, one call at a time', () => rate(Array.from(ys.subarray(0, 2000)), lambertWm1f64, secs, 0.2), 'scipy_Wm1_per_call', 'scipy per call');
  } finally {
    ref?.close();
  }

  const vec = JSON.parse(readFileSync(opts.vectorsPath, 'utf8')) as { float64: { z: string; branch: Branch; w: string }[] };
  const worst = { W0: 0, Wm1: 0, vectors: vec.float64.length };
  for (const v of vec.float64) {
    const z = Number(v.z);
    const u = ulpDistance(v.branch === 0 ? lambertW0f64(z) : lambertWm1f64(z), Number(v.w));
    if (v.branch === 0) worst.W0 = Math.max(worst.W0, u);
    else worst.Wm1 = Math.max(worst.Wm1, u);
  }
  return { rows, float64WorstUlp: worst, secondsPerCase: secs, referenceNote: note };
}

export function formatLambertwBench(b: LambertwBench): string {
  const fmt = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(2)} k/s` : `${x.toFixed(0)} /s`);
  const lines = [`Lambert W, evaluations per CPU-second (one thread, ${b.secondsPerCase} s per case; reference measured in the same run on the same inputs)`, ''];
  lines.push(`${'case'.padEnd(34)} ${'ours'.padStart(12)}   ${'reference'.padEnd(18)} ${'rate'.padStart(12)}   ours/ref`);
  for (const r of b.rows) {
    lines.push(`${r.name.padEnd(34)} ${fmt(r.ours).padStart(12)}   ${(r.reference?.name ?? '—').padEnd(18)} ${(r.reference ? fmt(r.reference.rate) : '—').padStart(12)}   ${r.ratio === null ? '—' : r.ratio.toFixed(2)}`);
  }
  lines.push('', `float64 worst error over ${b.float64WorstUlp.vectors} committed mpmath vectors: ${b.float64WorstUlp.W0} ulp (W0), ${b.float64WorstUlp.Wm1} ulp (W−1)`);
  if (b.referenceNote) lines.push(b.referenceNote);
  return lines.join('\n');
}
