/**
 * `ascent-verify bench sim [--quick]`: config-steps per second of the simulation engine on the 1-D
 * DA objective (exponential loss), beside numpy (and PyTorch, eager and torch.compile, when
 * importable) measured in the same run by bench/sim_ref.py on the same computation: the batch
 * vectorised, a loop over the steps, float64. Ours: the float64 CPU kernels on one thread and on
 * two worker threads (B = 2^16, T = 2,000; 2^14 with --quick), and the float32 WGSL kernel on a
 * hardware GPU when one exists (B = 2^20, T = 2,000; skipped with a message otherwise). η = 1e−4 is
 * small enough that no run stops early, so every configuration does all T steps, as in the
 * reference (checked: a run that stopped would make the comparison unfair, and throws).
 */
import { spawnSync } from 'node:child_process';
import { runCpu, sharedBatch } from '../empirics/sim/cpu.ts';
import { acquireWebgpu, releaseWebgpu, runWebgpu } from '../empirics/sim/webgpu.ts';
import type { SimBatch, SimOptions } from '../empirics/sim/types.ts';

export interface SimBench {
  T: number;
  cpu: { B: number; workers: number; rate: number }[];
  gpu: { B: number; rate: number; device: string } | { skipped: string };
  /** reference rates by name (numpy, torch_eager_cpu, …) for the CPU batch size, and for the GPU one when measured */
  reference: Record<string, number>;
  referenceGpuB: Record<string, number>;
  note: string;
}

/** The benchmark batch: c_R in [0.01, 1], c_F ≤ 0.9·c_R, λ log-uniform in [1e−3, 1], w0 = 1 (same law as sim_ref.py). */
function benchBatch(B: number): SimBatch {
  let seed = 7;
  const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const b = sharedBatch(B);
  for (let k = 0; k < B; k++) {
    b.cP[k] = 0.01 + 0.99 * rand();
    b.cN[k] = b.cP[k]! * 0.9 * rand();
    b.lambda[k] = 10 ** (-3 + 3 * rand());
    b.start[k] = 1;
  }
  return b;
}

const OPTS = (steps: number): SimOptions => ({ objective: 'DA', loss: 'exponential', eta: 1e-4, steps });

function reference(B: number, T: number, extra: string[] = []): { rates: Record<string, number>; note: string } {
  const py = spawnSync('python3', [new URL('./sim_ref.py', import.meta.url).pathname, String(B), String(T), ...extra], { encoding: 'utf8', timeout: 600_000 });
  if (py.status !== 0) return { rates: {}, note: `python3 reference skipped: ${py.error?.message ?? py.stderr.trim().split('\n').pop() ?? 'failed'}` };
  const parsed = JSON.parse(py.stdout.trim().split('\n').pop()!) as Record<string, number | string>;
  const rates: Record<string, number> = {};
  for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' && k !== 'checksum') rates[k] = v;
  const notes = [typeof parsed.error === 'string' ? `numpy missing: ${parsed.error}` : '', typeof parsed.torch_note === 'string' ? parsed.torch_note : ''].filter(Boolean);
  return { rates, note: notes.join(' ') };
}

export async function benchSim(opts: { quick: boolean; log: (m: string) => void }): Promise<SimBench> {
  const T = 2000;
  const B = opts.quick ? 1 << 14 : 1 << 16;
  const b = benchBatch(B);
  const cpu: SimBench['cpu'] = [];
  for (const workers of [1, 2]) {
    opts.log(`bench sim: cpu, ${workers} thread(s), B = ${B}, T = ${T}…`);
    await runCpu(b, OPTS(50), workers); // warm-up (JIT, worker start-up paths)
    const t0 = performance.now();
    const r = await runCpu(b, OPTS(T), workers);
    const s = (performance.now() - t0) / 1000;
    if (r.status.some((x) => x !== 0)) throw new Error('a run stopped early: the benchmark would not compare like with like');
    cpu.push({ B, workers, rate: (B * T) / s });
  }
  opts.log('bench sim: numpy (and torch if importable) in the same run: python3 bench/sim_ref.py…');
  const ref = reference(B, T);

  let gpu: SimBench['gpu'];
  let referenceGpuB: Record<string, number> = {};
  const BG = opts.quick ? 1 << 18 : 1 << 20;
  const probe = await acquireWebgpu({ software: false });
  if (!probe.ok) {
    gpu = { skipped: `webgpu: no adapter found (${probe.reason})` };
    opts.log(`bench sim: ${gpu.skipped}; GPU figures skipped`);
  } else {
    try {
      opts.log(`bench sim: webgpu on ${probe.handle.description}, B = ${BG}, T = ${T}…`);
      const bg = benchBatch(BG);
      await runWebgpu(probe.handle, bg, OPTS(50));
      const t0 = performance.now();
      const r = await runWebgpu(probe.handle, bg, OPTS(T), { stepsPerDispatch: T });
      const s = (performance.now() - t0) / 1000;
      if (r.status.some((x) => x !== 0)) throw new Error('a GPU run stopped early: the benchmark would not compare like with like');
      gpu = { B: BG, rate: (BG * T) / s, device: probe.handle.description };
      opts.log('bench sim: torch at the GPU batch size, same run…');
      referenceGpuB = reference(BG, T, ['--torch-only']).rates;
    } finally {
      await releaseWebgpu();
    }
  }
  return { T, cpu, gpu, reference: ref.rates, referenceGpuB, note: ref.note };
}

export function formatSimBench(b: SimBench): string {
  const m = (x: number): string => (x >= 1e9 ? `${(x / 1e9).toFixed(2)} G/s` : `${(x / 1e6).toFixed(1)} M/s`);
  const np = b.reference.numpy;
  const lines = [`Batched 1-D DA gradient descent (exponential loss), T = ${b.T}: config-steps per second (ratios against numpy measured in this run)`, ''];
  for (const o of b.cpu) lines.push(`ours, cpu float64, ${o.workers} thread(s), B = ${o.B}: ${m(o.rate).padStart(11)}${np ? `   ${(o.rate / np).toFixed(2)}× numpy` : ''}`);
  for (const [k, v] of Object.entries(b.reference)) lines.push(`${`${k}, B = ${b.cpu[0]!.B}`.padEnd(38)} ${m(v).padStart(11)}`);
  if ('skipped' in b.gpu) lines.push(`ours, webgpu float32: skipped — ${b.gpu.skipped}`);
  else {
    lines.push(`ours, webgpu float32, B = ${b.gpu.B} on ${b.gpu.device}: ${m(b.gpu.rate)}`);
    for (const [k, v] of Object.entries(b.referenceGpuB)) lines.push(`${`${k}, B = ${b.gpu.B}`.padEnd(38)} ${m(v).padStart(11)}   ours/this ${(b.gpu.rate / v).toFixed(2)}`);
  }
  if (b.note) lines.push(b.note);
  return lines.join('\n');
}
