/**
 * `ascent-verify bench sim`: config-steps per second of the CPU simulation engine on the 1-D DA
 * objective (exponential loss, float64), one and two worker threads, beside numpy (and PyTorch
 * when importable) measured in the same run by bench/sim_ref.py. η is small enough that no run
 * stops early, so every configuration does all T steps, as in the reference.
 */
import { spawnSync } from 'node:child_process';
import { runCpu, sharedBatch } from '../empirics/sim/cpu.ts';

export interface SimBench {
  B: number;
  T: number;
  ours: { workers: number; rate: number }[];
  reference: Record<string, number>;
  note: string;
}

export async function benchSim(opts: { quick: boolean; log: (m: string) => void }): Promise<SimBench> {
  const B = opts.quick ? 1 << 14 : 1 << 16, T = 2000;
  let seed = 7;
  const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const b = sharedBatch(B);
  for (let k = 0; k < B; k++) {
    b.cP[k] = 0.01 + 0.99 * rand();
    b.cN[k] = b.cP[k]! * 0.9 * rand();
    b.lambda[k] = 10 ** (-3 + 3 * rand());
    b.start[k] = 1;
  }
  const ours: SimBench['ours'] = [];
  for (const workers of [1, 2]) {
    opts.log(`bench sim: cpu, ${workers} thread(s), B = ${B}, T = ${T}…`);
    await runCpu(b, { objective: 'DA', loss: 'exponential', eta: 1e-4, steps: 50, workers }); // warm-up
    const t0 = performance.now();
    const r = await runCpu(b, { objective: 'DA', loss: 'exponential', eta: 1e-4, steps: T, workers });
    const s = (performance.now() - t0) / 1000;
    if (r.status.some((x) => x === 1)) throw new Error('a run stopped early: the benchmark would not compare like with like');
    ours.push({ workers, rate: (B * T) / s });
  }
  opts.log('bench sim: numpy reference (python3 bench/sim_ref.py)…');
  const py = spawnSync('python3', [new URL('./sim_ref.py', import.meta.url).pathname, String(B), String(T)], { encoding: 'utf8' });
  let reference: Record<string, number> = {};
  let note = '';
  if (py.status === 0) {
    const parsed = JSON.parse(py.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' && k !== 'checksum') reference[k] = v;
    if (typeof parsed.error === 'string') note = `numpy missing: ${parsed.error}`;
    if (typeof parsed.torch_note === 'string') note = `${note} ${parsed.torch_note}`.trim();
  } else note = `python3 reference skipped: ${py.error?.message ?? py.stderr.trim().split('\n').pop() ?? 'failed'}`;
  return { B, T, ours, reference, note };
}

export function formatSimBench(b: SimBench): string {
  const m = (x: number): string => `${(x / 1e6).toFixed(1)} M/s`;
  const lines = [`Batched 1-D DA gradient descent (exponential loss, float64), B = ${b.B}, T = ${b.T}: config-steps per second`, ''];
  for (const o of b.ours) lines.push(`ours, cpu, ${o.workers} thread(s): ${m(o.rate).padStart(10)}${b.reference.numpy ? `   ${(o.rate / b.reference.numpy).toFixed(2)}× numpy` : ''}`);
  for (const [k, v] of Object.entries(b.reference)) lines.push(`${k.padEnd(24)} ${m(v).padStart(10)}`);
  if (b.note) lines.push(b.note);
  return lines.join('\n');
}
