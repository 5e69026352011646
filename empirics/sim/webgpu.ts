/**
 * The WebGPU backend (float32): the shaders of wgsl.ts on Dawn through the npm package `webgpu`
 * (design.md, "GPU"). Same interface and criteria as the CPU backends; values come back widened to
 * float64 (w = hi + lo).
 *
 * Adapter. A hardware adapter is requested from Dawn's default backend (Vulkan on Linux: it needs
 * the Vulkan loader, libvulkan1, and a GPU driver). A software adapter (Mesa's llvmpipe through
 * Dawn's OpenGL backend on a surfaceless EGL display, in WebGPU's compatibility mode) is used only
 * when asked for (`software: true`, or ASCENT_WEBGPU_SOFTWARE=1): it runs the very same shaders,
 * which is how they are tested on machines without a GPU, but it is slower than the CPU backend.
 *
 * Splitting. One chunk of configurations is bound at a time; its size is capped so that no
 * buffer exceeds the device's maxStorageBufferBindingSize and maxBufferSize and the dispatch needs
 * at most maxComputeWorkgroupsPerDimension workgroups of WORKGROUP_SIZE; larger batches run chunk
 * after chunk through the same buffers. Steps are split into dispatches of at most
 * `stepsPerDispatch` (a shader loop that long finishes in well under a second even on the largest
 * chunk, so no watchdog fires), all encoded in one command buffer per chunk.
 */
import { CRITERIA, batchSize, trajectorySamples, validate, type SimArrays, type SimBatch, type SimOptions } from './types.ts';
import { shaderSource, WORKGROUP_SIZE, type ShaderKey } from './wgsl.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- Dawn's objects are typed by @webgpu/types only when its globals are installed */
type Gpu = any;

export interface WebgpuHandle {
  device: Gpu;
  /** the adapter in words, e.g. "nvidia-h100-80gb-hbm3 (vulkan)" */
  description: string;
  software: boolean;
  limits: { maxStorageBufferBindingSize: number; maxBufferSize: number; maxComputeWorkgroupsPerDimension: number };
}

export type WebgpuProbe = { ok: true; handle: WebgpuHandle } | { ok: false; reason: string };

const SOFTWARE_NAME = /llvmpipe|lavapipe|swiftshader|software/i;

let cached: Promise<WebgpuProbe> | null = null;
let cachedSoftware = false;
let gpuRef: Gpu = null;

export function softwareRequested(): boolean {
  return process.env.ASCENT_WEBGPU_SOFTWARE === '1';
}

/**
 * The device to run on, or why there is none. Cached per process; `release()` drops it (Dawn
 * keeps Node alive while its GPU object is referenced).
 */
export function acquireWebgpu(opts: { software?: boolean } = {}): Promise<WebgpuProbe> {
  const software = opts.software ?? softwareRequested();
  if (cached && cachedSoftware === software) return cached;
  cachedSoftware = software;
  cached = probe(software);
  return cached;
}

async function probe(allowSoftware: boolean): Promise<WebgpuProbe> {
  let mod: { create: (o: string[]) => Gpu; globals: Record<string, unknown> };
  try {
    mod = (await import('webgpu')) as unknown as typeof mod;
  } catch (e) {
    return { ok: false, reason: `the webgpu package could not be loaded (${(e as Error).message.split('\n')[0]})` };
  }
  for (const [k, v] of Object.entries(mod.globals)) if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
  const tried: string[] = [];
  try {
    gpuRef = mod.create([]);
    const adapter = await gpuRef.requestAdapter({ powerPreference: 'high-performance' });
    if (adapter) {
      const name = adapterName(adapter);
      const soft = Boolean(adapter.info?.isFallbackAdapter) || SOFTWARE_NAME.test(name);
      if (!soft || allowSoftware) return { ok: true, handle: await open(adapter, `${name}`, soft) };
      tried.push(`only a software adapter, ${name}`);
    } else tried.push('no hardware adapter (Vulkan loader libvulkan1 and a GPU driver are needed)');
  } catch (e) {
    tried.push(`hardware adapter request failed: ${(e as Error).message.split('\n')[0]}`);
  }
  if (allowSoftware) {
    try {
      // Mesa's EGL needs a display; a surfaceless one needs no window system
      process.env.EGL_PLATFORM ??= 'surfaceless';
      gpuRef = mod.create(['backend=opengl']);
      const adapter = await gpuRef.requestAdapter({ featureLevel: 'compatibility' });
      if (adapter) return { ok: true, handle: await open(adapter, `${adapterName(adapter)} (software, OpenGL, compatibility mode)`, true) };
      tried.push('no software adapter (Mesa llvmpipe through EGL)');
    } catch (e) {
      tried.push(`software adapter request failed: ${(e as Error).message.split('\n')[0]}`);
    }
  } else if (tried.length) tried.push('a software adapter is used only with ASCENT_WEBGPU_SOFTWARE=1');
  gpuRef = null;
  return { ok: false, reason: tried.join('; ') };
}

function adapterName(adapter: Gpu): string {
  const i = adapter.info ?? {};
  return [i.device, i.description, i.vendor].find((s: unknown) => typeof s === 'string' && s.length > 0) ?? 'unnamed adapter';
}

async function open(adapter: Gpu, description: string, software: boolean): Promise<WebgpuHandle> {
  const a = adapter.limits;
  const device = await adapter.requestDevice({
    requiredLimits: {
      maxStorageBufferBindingSize: a.maxStorageBufferBindingSize,
      maxBufferSize: a.maxBufferSize,
      maxStorageBuffersPerShaderStage: Math.min(a.maxStorageBuffersPerShaderStage, 8),
    },
  });
  const d = device.limits;
  return { device, description, software, limits: { maxStorageBufferBindingSize: Number(d.maxStorageBufferBindingSize), maxBufferSize: Number(d.maxBufferSize), maxComputeWorkgroupsPerDimension: Number(d.maxComputeWorkgroupsPerDimension) } };
}

/** Destroys the cached device and drops Dawn, so the process can exit. */
export async function releaseWebgpu(): Promise<void> {
  const p = cached;
  cached = null;
  gpuRef = null;
  if (!p) return;
  const r = await p;
  if (r.ok) r.handle.device.destroy();
}

const pipelines = new WeakMap<object, Map<string, { pipeline: Gpu; layout: Gpu }>>();

function pipelineFor(h: WebgpuHandle, key: ShaderKey): { pipeline: Gpu; layout: Gpu } {
  let m = pipelines.get(h.device);
  if (!m) pipelines.set(h.device, (m = new Map()));
  const id = `${key.setting}/${key.objective}/${key.loss}`;
  let p = m.get(id);
  if (!p) {
    const g = globalThis as unknown as Record<string, Record<string, number>>;
    const S = g.GPUShaderStage!.COMPUTE!;
    const layout = h.device.createBindGroupLayout({
      entries: [
        { binding: 0, visibility: S, buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: 32 } },
        { binding: 1, visibility: S, buffer: { type: 'read-only-storage' } },
        { binding: 2, visibility: S, buffer: { type: 'storage' } },
        { binding: 3, visibility: S, buffer: { type: 'storage' } },
        { binding: 4, visibility: S, buffer: { type: 'storage' } },
      ],
    });
    const module = h.device.createShaderModule({ code: shaderSource(key) });
    const pipeline = h.device.createComputePipeline({ layout: h.device.createPipelineLayout({ bindGroupLayouts: [layout] }), compute: { module, entryPoint: 'main' } });
    m.set(id, (p = { pipeline, layout }));
  }
  return p;
}

const PARAM_SLOT = 256; // minUniformBufferOffsetAlignment is at most 256
const GROUP = 1024;

/** The largest chunk every buffer of which fits the device's limits. */
export function chunkSize(limits: WebgpuHandle['limits'], twoD: boolean, samples: number): number {
  const perConfig = Math.max(twoD ? 32 : 16, samples * (twoD ? 8 : 4), 8);
  const bytes = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  return Math.max(1, Math.min(Math.floor(bytes / perConfig), limits.maxComputeWorkgroupsPerDimension * WORKGROUP_SIZE));
}

/** `split` sets how steps and configurations are divided (tests exercise the splitting with small values). */
export async function runWebgpu(h: WebgpuHandle, batch: SimBatch, o: SimOptions, split: { stepsPerDispatch?: number; maxChunk?: number } = {}): Promise<SimArrays> {
  const stepsPerDispatch = split.stepsPerDispatch ?? 1024;
  validate(batch, o);
  const g = globalThis as unknown as Record<string, Record<string, number>>;
  const U = g.GPUBufferUsage!, M = g.GPUMapMode!;
  const dev = h.device;
  const twoD = batch.setting === '2d';
  const n = batchSize(batch);
  const S = trajectorySamples(o), every = o.trajectoryEvery ?? 0;
  const { pipeline, layout } = pipelineFor(h, { setting: batch.setting, objective: o.objective, loss: o.loss });
  const chunk = Math.min(n, chunkSize(h.limits, twoD, S), split.maxChunk ?? Number.POSITIVE_INFINITY);
  const vec4PerConfig = twoD ? 2 : 1;
  const coefBuf = dev.createBuffer({ size: chunk * vec4PerConfig * 16, usage: U.STORAGE! | U.COPY_DST! });
  const stateBuf = dev.createBuffer({ size: chunk * vec4PerConfig * 16, usage: U.STORAGE! | U.COPY_DST! | U.COPY_SRC! });
  const flagBuf = dev.createBuffer({ size: chunk * 8, usage: U.STORAGE! | U.COPY_DST! | U.COPY_SRC! });
  const trajBytes = Math.max(16, chunk * S * (twoD ? 2 : 1) * 4);
  const trajBuf = dev.createBuffer({ size: trajBytes, usage: U.STORAGE! | U.COPY_SRC! });
  const dispatches = Math.ceil(o.steps / stepsPerDispatch);
  // dispatches go in groups of at most GROUP per submit, each group's parameters written into the same
  // slots (queue.writeBuffer is ordered after the previous submit), so a long run needs no huge buffer
  const group = Math.min(dispatches, GROUP);
  const paramBuf = dev.createBuffer({ size: group * PARAM_SLOT, usage: U.UNIFORM! | U.COPY_DST! });
  const readState = dev.createBuffer({ size: chunk * vec4PerConfig * 16, usage: U.MAP_READ! | U.COPY_DST! });
  const readFlags = dev.createBuffer({ size: chunk * 8, usage: U.MAP_READ! | U.COPY_DST! });
  const readTraj = S ? dev.createBuffer({ size: trajBytes, usage: U.MAP_READ! | U.COPY_DST! }) : null;
  const bind = dev.createBindGroup({
    layout,
    entries: [
      { binding: 0, resource: { buffer: paramBuf, offset: 0, size: 32 } },
      { binding: 1, resource: { buffer: coefBuf } },
      { binding: 2, resource: { buffer: stateBuf } },
      { binding: 3, resource: { buffer: flagBuf } },
      { binding: 4, resource: { buffer: trajBuf } },
    ],
  });
  const out: SimArrays = {
    w: new Float64Array(n),
    ...(twoD ? { w2: new Float64Array(n) } : {}),
    status: new Uint8Array(n),
    at: new Uint32Array(n),
    ...(S ? { trajectory: new Float64Array(n * S), trajectorySamples: S, ...(twoD ? { trajectory2: new Float64Array(n * S) } : {}) } : {}),
  };
  const bound = o.bound ?? CRITERIA.defaultBound;
  const combined = !twoD && o.objective !== 'DA-iterative';
  try {
    for (let from = 0; from < n; from += chunk) {
      const m = Math.min(chunk, n - from);
      const coef = new Float32Array(m * vec4PerConfig * 4);
      const state = new Float32Array(m * vec4PerConfig * 4);
      for (let i = 0; i < m; i++) {
        const k = from + i, c = i * vec4PerConfig * 4;
        // one coefficient for the simultaneous 1-D objectives, c = cP − cN taken in float64: in
        // float32 the difference of two close coefficients cancels (c_R ≈ c_F near α = |F|/|R|)
        coef[c] = combined ? batch.cP[k]! - batch.cN[k]! : batch.cP[k]!;
        coef[c + 1] = combined ? 0 : batch.cN[k]!;
        coef[c + 2] = batch.lambda[k]!;
        coef[c + 3] = batch.eta ? batch.eta[k]! : o.eta;
        const w1 = batch.start[k]!;
        state[c] = w1;
        state[c + 1] = w1 - Math.fround(w1);
        if (twoD) {
          coef[c + 4] = batch.eps![k]!;
          const w2 = batch.start2![k]!;
          state[c + 2] = w2;
          state[c + 3] = w2 - Math.fround(w2);
        }
      }
      dev.queue.writeBuffer(coefBuf, 0, coef);
      dev.queue.writeBuffer(stateBuf, 0, state);
      dev.queue.writeBuffer(flagBuf, 0, new Uint32Array(m * 2));
      for (let g0 = 0; g0 < dispatches; g0 += group) {
        const g1 = Math.min(dispatches, g0 + group);
        const params = new ArrayBuffer((g1 - g0) * PARAM_SLOT);
        for (let j = g0; j < g1; j++) {
          const u = new Uint32Array(params, (j - g0) * PARAM_SLOT, 8), fl = new Float32Array(params, (j - g0) * PARAM_SLOT, 8);
          u.set([m, j * stepsPerDispatch, stepsPerDispatch, o.steps, every, S]);
          fl[6] = bound;
        }
        dev.queue.writeBuffer(paramBuf, 0, params);
        const enc = dev.createCommandEncoder();
        for (let j = g0; j < g1; j++) {
          const pass = enc.beginComputePass();
          pass.setPipeline(pipeline);
          pass.setBindGroup(0, bind, [(j - g0) * PARAM_SLOT]);
          pass.dispatchWorkgroups(Math.ceil(m / WORKGROUP_SIZE));
          pass.end();
        }
        if (g1 === dispatches) {
          enc.copyBufferToBuffer(stateBuf, 0, readState, 0, m * vec4PerConfig * 16);
          enc.copyBufferToBuffer(flagBuf, 0, readFlags, 0, m * 8);
          if (readTraj) enc.copyBufferToBuffer(trajBuf, 0, readTraj, 0, m * S * (twoD ? 2 : 1) * 4);
        }
        dev.queue.submit([enc.finish()]);
      }
      await Promise.all([readState.mapAsync(M.READ!), readFlags.mapAsync(M.READ!), readTraj?.mapAsync(M.READ!)]);
      const st = new Float32Array(readState.getMappedRange(0, m * vec4PerConfig * 16));
      const fl = new Uint32Array(readFlags.getMappedRange(0, m * 8));
      const tj = readTraj ? new Float32Array(readTraj.getMappedRange(0, m * S * (twoD ? 2 : 1) * 4)) : null;
      for (let i = 0; i < m; i++) {
        const k = from + i, c = i * vec4PerConfig * 4;
        out.w[k] = st[c]! + st[c + 1]!;
        if (twoD) out.w2![k] = st[c + 2]! + st[c + 3]!;
        let status = fl[2 * i]! & 255;
        out.at[k] = fl[2 * i + 1]!;
        if (status === 0) status = oscillating(twoD ? [st[c + 4]!, st[c + 5]!] : [st[c + 2]!], twoD ? [st[c + 6]!, st[c + 7]!] : [st[c + 3]!], twoD ? Math.max(Math.abs(out.w[k]!), Math.abs(out.w2![k]!)) : Math.abs(out.w[k]!)) ? 3 : 0;
        out.status[k] = status;
        if (tj) fillTrajectory(out, tj, twoD, k, i, S, every, batch, status === 1 || status === 2 ? out.at[k]! : o.steps);
      }
      readState.unmap();
      readFlags.unmap();
      readTraj?.unmap();
    }
  } finally {
    for (const b of [coefBuf, stateBuf, flagBuf, trajBuf, paramBuf, readState, readFlags, readTraj]) b?.destroy();
  }
  return out;
}

/** types.ts's period-2 test on the last two steps, float32 tolerance. */
function oscillating(dL: number[], dB: number[], wMax: number): boolean {
  const s = Math.max(...dL.map(Math.abs));
  const back = Math.max(...dL.map((d, i) => Math.abs(d + dB[i]!)));
  return s > CRITERIA.f32.tolerance * (1 + wMax) && back <= CRITERIA.cancellation * s;
}

/** Sample 0 is the start; samples after the run stopped repeat its final value (types.ts). */
function fillTrajectory(out: SimArrays, tj: Float32Array, twoD: boolean, k: number, i: number, S: number, every: number, b: SimBatch, lastStep: number): void {
  const recorded = Math.floor(lastStep / every);
  for (let j = 0; j < S; j++) {
    if (twoD) {
      out.trajectory![k * S + j] = j === 0 ? b.start[k]! : j <= recorded ? tj[(i * S + j) * 2]! : out.w[k]!;
      out.trajectory2![k * S + j] = j === 0 ? b.start2![k]! : j <= recorded ? tj[(i * S + j) * 2 + 1]! : out.w2![k]!;
    } else out.trajectory![k * S + j] = j === 0 ? b.start[k]! : j <= recorded ? tj[i * S + j]! : out.w[k]!;
  }
}
