/**
 * Which TensorFlow.js backend trains the networks: a registry in TensorFlow.js's own style
 * (candidates by priority, the first that initialises wins), with the reason for every candidate
 * passed over (design.md, "GPU").
 *
 *  1. `webgpu`: @tensorflow/tfjs-backend-webgpu on Dawn, from the npm package `webgpu`, whose
 *     `create([])` object is installed as `navigator.gpu` as tfjs-backend-webgpu expects. A
 *     hardware adapter (Vulkan on Linux: the Vulkan loader libvulkan1 and a GPU driver) is used
 *     under `auto`. A software adapter (Mesa's llvmpipe or lavapipe, SwiftShader, a fallback
 *     adapter, or adapter info saying CPU) is slower than the CPU backend, so `auto` passes it
 *     over; asked for by name (`--backend webgpu`) it is used, and where Dawn finds no adapter at
 *     all, llvmpipe is tried through Dawn's OpenGL backend on a surfaceless EGL display in WebGPU's
 *     compatibility mode (as empirics/sim/webgpu.ts does). On WebGPU in Node, synchronous reads
 *     (dataSync, arraySync) fail: tfjs reads GPU data synchronously through an OffscreenCanvas,
 *     which Node lacks. Read with `await t.data()`.
 *  2. `tfjs-node-gpu`, then `tfjs-node`: TensorFlow's C library, where a user has installed
 *     @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node (not a dependency of this project: their
 *     install downloads libtensorflow from outside the npm registry). Both register the tfjs
 *     backend `tensorflow`.
 *  3. `wasm`: @tensorflow/tfjs-backend-wasm, the SIMD build (XNNPACK) on one thread, its binary
 *     read from the npm package's own files (no network). tfjs picks the threaded build where it
 *     believes it is not in Node, and tf.ts turns IS_NODE off (to silence a banner), which made
 *     `setBackend('wasm')` fail in Node (the threaded build starts Web Workers from Blob URLs):
 *     so WASM_HAS_MULTITHREAD_SUPPORT is set to false here, which is also the faster choice on this
 *     project's 2 cores (the threaded build did not help; issue 13). The kernels it lacks or runs
 *     slowly are registered by empirics/wasm/kernels.ts. One thread per backend: the empirics
 *     runner gives it one worker per core, as it does the cpu backend.
 *  4. `cpu`: @tensorflow/tfjs-backend-cpu, plain JavaScript on one thread; always there.
 *
 * `releaseBackend()` drops the WebGPU device and Dawn so that the process can exit (Dawn keeps
 * Node alive while its GPU object is referenced).
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { tf } from './tf.ts';
import { registerWasmKernels } from './wasm/kernels.ts';

export const BACKEND_CHOICES = ['auto', 'webgpu', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

export interface BackendSelection {
  /** the backend in this project's words (one of BACKEND_CHOICES but `auto`) */
  name: BackendName;
  /** the tfjs backend it runs on: 'webgpu', 'tensorflow', 'wasm' or 'cpu' */
  tfBackend: string;
  /** where it runs, in words, e.g. "nvidia-h100-80gb-hbm3 (hardware)" */
  device: string;
  /** candidates tried before it (or, under an explicit request, none) and why each was passed over */
  skipped: { name: BackendName; why: string }[];
}

export function parseBackendChoice(s: string): BackendChoice {
  if ((BACKEND_CHOICES as readonly string[]).includes(s)) return s as BackendChoice;
  throw new Error(`--backend must be one of ${BACKEND_CHOICES.join(', ')} (got "${s}")`);
}

type Probe = { ok: true; device: string } | { ok: false; why: string };

const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim();

/* ---------- webgpu ---------- */

/* eslint-disable @typescript-eslint/no-explicit-any -- Dawn's objects are typed by @webgpu/types only when its globals are installed */
type Gpu = any;

const SOFTWARE = /llvmpipe|lavapipe|swiftshader|software|\bcpu\b/i;

interface WebgpuState {
  /** the hardware adapter, or under an explicit request possibly a software one */
  adapter: Gpu | null;
  software: boolean;
  description: string;
  /** why there is no usable adapter (set when adapter is null) */
  why: string;
  gpu: Gpu;
  device: Gpu | null;
}

let webgpu: { allowSoftware: boolean; state: Promise<WebgpuState> } | null = null;
let webgpuRegistered = false;

function adapterDescription(adapter: Gpu): { name: string; software: boolean } {
  const i = adapter.info ?? {};
  const fields = [i.device, i.description, i.vendor, i.architecture].filter((s: unknown): s is string => typeof s === 'string' && s.length > 0);
  const name = fields[0] ?? 'unnamed adapter';
  const software = Boolean(i.isFallbackAdapter) || i.adapterType === 'cpu' || fields.some((s) => SOFTWARE.test(s));
  return { name, software };
}

async function findAdapter(allowSoftware: boolean): Promise<WebgpuState> {
  let mod: { create: (o: string[]) => Gpu; globals: Record<string, unknown> };
  try {
    mod = (await import('webgpu')) as unknown as typeof mod;
  } catch (e) {
    return { adapter: null, software: false, description: '', why: `the webgpu package (Dawn) could not be loaded: ${firstLine(e)}`, gpu: null, device: null };
  }
  // GPUBufferUsage, GPUShaderStage, … : tfjs-backend-webgpu reads them as globals
  for (const [k, v] of Object.entries(mod.globals)) if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
  let why: string;
  try {
    const gpu = mod.create([]);
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (adapter) {
      const { name, software } = adapterDescription(adapter);
      if (!software) return { adapter, software, description: `${name} (hardware)`, why: '', gpu, device: null };
      if (allowSoftware) return { adapter, software, description: `${name} (software)`, why: '', gpu, device: null };
      return { adapter: null, software, description: '', why: `only a software adapter, ${name}: slower than the cpu backend (--backend webgpu uses it anyway)`, gpu: null, device: null };
    }
    why = 'Dawn found no GPU adapter (it needs the Vulkan loader libvulkan1 and a GPU driver)';
  } catch (e) {
    why = `the GPU adapter request failed: ${firstLine(e)}`;
  }
  if (!allowSoftware) return { adapter: null, software: false, description: '', why: `${why}; a software adapter (llvmpipe) is used only with --backend webgpu`, gpu: null, device: null };
  try {
    process.env.EGL_PLATFORM ??= 'surfaceless'; // Mesa's EGL needs a display; a surfaceless one needs no window system
    const gpu = mod.create(['backend=opengl']);
    const adapter = await gpu.requestAdapter({ featureLevel: 'compatibility' });
    if (adapter) return { adapter, software: true, description: `${adapterDescription(adapter).name} (software, OpenGL, compatibility mode)`, why: '', gpu, device: null };
    why += '; no software adapter either (Mesa llvmpipe through EGL)';
  } catch (e) {
    why += `; the software adapter request failed: ${firstLine(e)}`;
  }
  return { adapter: null, software: false, description: '', why, gpu: null, device: null };
}

async function probeWebgpu(allowSoftware: boolean): Promise<Probe> {
  // probe again only where an earlier probe, not allowed a software adapter, found nothing usable
  if (!webgpu || (allowSoftware && !webgpu.allowSoftware && !(await webgpu.state).adapter)) webgpu = { allowSoftware, state: findAdapter(allowSoftware) };
  const st = await webgpu.state;
  if (!st.adapter) return { ok: false, why: st.why };
  if (!allowSoftware && st.software) return { ok: false, why: `only a software adapter, ${st.description}: slower than the cpu backend (--backend webgpu uses it anyway)` };
  if (!webgpuRegistered) {
    const g = globalThis as unknown as { navigator?: Record<string, unknown> };
    g.navigator ??= {};
    g.navigator.gpu = st.gpu;
    let wg: { WebGPUBackend: new (device: Gpu, info: unknown) => unknown };
    try {
      wg = (await import('@tensorflow/tfjs-backend-webgpu')) as unknown as typeof wg;
    } catch (e) {
      return { ok: false, why: `@tensorflow/tfjs-backend-webgpu could not be loaded: ${firstLine(e)}` };
    }
    // tfjs-backend-webgpu registers a factory of its own when navigator.gpu exists at import; it
    // asks for an adapter without compatibility mode, so a software adapter would be lost: ours
    // opens a device on the adapter found above, with the limits tfjs's factory asks for.
    if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
    tf.registerBackend(
      'webgpu',
      async () => {
        const a = st.adapter;
        const L = a.limits;
        const requiredFeatures = ['timestamp-query'].filter((f) => a.features.has(f));
        st.device = await a.requestDevice({
          requiredFeatures,
          requiredLimits: {
            maxComputeWorkgroupStorageSize: L.maxComputeWorkgroupStorageSize,
            maxComputeWorkgroupsPerDimension: L.maxComputeWorkgroupsPerDimension,
            maxStorageBufferBindingSize: L.maxStorageBufferBindingSize,
            maxBufferSize: L.maxBufferSize,
            maxComputeWorkgroupSizeX: L.maxComputeWorkgroupSizeX,
            maxComputeInvocationsPerWorkgroup: L.maxComputeInvocationsPerWorkgroup,
            maxStorageBuffersPerShaderStage: L.maxStorageBuffersPerShaderStage,
          },
        });
        return new wg.WebGPUBackend(st.device, a.info) as never;
      },
      3,
    );
    webgpuRegistered = true;
  }
  return { ok: true, device: st.description };
}

/* ---------- tfjs-node, tfjs-node-gpu ---------- */

async function probeNode(pkg: '@tensorflow/tfjs-node-gpu' | '@tensorflow/tfjs-node'): Promise<Probe> {
  if (!tf.findBackendFactory('tensorflow')) {
    try {
      const spec: string = pkg; // not a dependency: a variable keeps TypeScript from resolving it
      await import(spec);
    } catch (e) {
      const code = (e as { code?: string }).code;
      if ((code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && firstLine(e).includes(pkg)) return { ok: false, why: `${pkg} is not installed (npm install ${pkg} to use it)` };
      return { ok: false, why: `${pkg} is installed but failed to load: ${firstLine(e)}` };
    }
    if (!tf.findBackendFactory('tensorflow')) return { ok: false, why: `${pkg} loaded but registered no "tensorflow" backend with this project's @tensorflow/tfjs-core ${tf.version_core}` };
  }
  return { ok: true, device: `TensorFlow C library through ${pkg}${pkg.endsWith('-gpu') ? ' (CUDA)' : ' (CPU)'}` };
}

/* ---------- wasm ---------- */

const cpuName = (): string => cpus()[0]?.model.trim() ?? 'the CPU';

/**
 * Where the .wasm binaries are read from: the installed package's dist/ folder, unless
 * ASCENT_WASM_DIR names another (tests point it at an empty folder to see a failed start).
 */
function wasmDir(): string {
  if (process.env.ASCENT_WASM_DIR) return process.env.ASCENT_WASM_DIR.replace(/\/?$/, '/');
  return `${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'))}/`;
}

let wasmLoaded = false;

async function probeWasm(): Promise<Probe> {
  if (!wasmLoaded) {
    let w: { setWasmPaths: (prefix: string) => void };
    try {
      w = (await import('@tensorflow/tfjs-backend-wasm')) as unknown as typeof w;
    } catch (e) {
      return { ok: false, why: `@tensorflow/tfjs-backend-wasm could not be loaded: ${firstLine(e)}` };
    }
    // one thread: the threaded build needs Web Workers from Blob URLs, which Node lacks, and tfjs
    // would pick it because tf.ts has turned IS_NODE off
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    w.setWasmPaths(wasmDir());
    registerWasmKernels();
    wasmLoaded = true;
  }
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  // checked here, so that a missing or damaged binary is one line: tfjs and Emscripten would print
  // a dozen lines of abort messages and stack, then tell only that initialisation failed
  const binary = `${wasmDir()}tfjs-backend-wasm${simd ? '-simd' : ''}.wasm`;
  let bytes: Buffer;
  try {
    bytes = readFileSync(binary);
  } catch (e) {
    return { ok: false, why: `its binary ${binary} cannot be read (${(e as { code?: string }).code ?? firstLine(e)}): reinstall @tensorflow/tfjs-backend-wasm` };
  }
  if (!WebAssembly.validate(new Uint8Array(bytes))) return { ok: false, why: `its binary ${binary} is not a valid WebAssembly module: reinstall @tensorflow/tfjs-backend-wasm` };
  return { ok: true, device: `WebAssembly${simd ? ' SIMD' : ' (no SIMD)'}, XNNPACK, on one thread of ${cpuName()}` };
}

/* ---------- selection ---------- */

const CANDIDATES: { name: BackendName; tfBackend: string; probe: (explicit: boolean) => Promise<Probe> }[] = [
  { name: 'webgpu', tfBackend: 'webgpu', probe: (explicit) => probeWebgpu(explicit) },
  { name: 'tfjs-node-gpu', tfBackend: 'tensorflow', probe: () => probeNode('@tensorflow/tfjs-node-gpu') },
  { name: 'tfjs-node', tfBackend: 'tensorflow', probe: () => probeNode('@tensorflow/tfjs-node') },
  { name: 'wasm', tfBackend: 'wasm', probe: () => probeWasm() },
  { name: 'cpu', tfBackend: 'cpu', probe: async () => ({ ok: true, device: `JavaScript on one thread of ${cpuName()}` }) },
];

/** Makes `tfBackend` current and checks that it computes (a tiny matmul, read asynchronously). */
async function activate(tfBackend: string): Promise<string | null> {
  let ok: boolean;
  try {
    ok = await tf.setBackend(tfBackend);
    await tf.ready();
  } catch (e) {
    return `tfjs could not initialise the "${tfBackend}" backend: ${firstLine(e)}`;
  }
  if (!ok || tf.getBackend() !== tfBackend) return `tfjs could not initialise the "${tfBackend}" backend`;
  try {
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const p = tf.matMul(a, a);
    const v = await p.data();
    tf.dispose([a, p]);
    if (v[0] !== 7 || v[3] !== 22) return `the "${tfBackend}" backend computed a wrong 2×2 product (${Array.from(v).join(', ')})`;
  } catch (e) {
    return `the "${tfBackend}" backend failed a first computation: ${firstLine(e)}`;
  }
  return null;
}

/**
 * Selects and initialises a backend: under `auto` the first usable one by priority, otherwise the
 * one named (an Error saying why when it is unavailable). Logs one line per backend passed over and
 * one for the chosen one.
 */
export async function selectBackend(requested: BackendChoice, log: (line: string) => void = () => {}): Promise<BackendSelection> {
  const choice = parseBackendChoice(requested);
  const skipped: BackendSelection['skipped'] = [];
  const candidates = choice === 'auto' ? CANDIDATES : CANDIDATES.filter((c) => c.name === choice);
  for (const c of candidates) {
    const p = await c.probe(choice !== 'auto');
    const why = p.ok ? await activate(c.tfBackend) : p.why;
    if (why === null && p.ok) {
      log(`backend: ${c.name} on ${p.device}`);
      return { name: c.name, tfBackend: c.tfBackend, device: p.device, skipped };
    }
    if (choice !== 'auto') throw new Error(`--backend ${choice} is unavailable: ${why}`);
    skipped.push({ name: c.name, why: why! });
    log(`backend: ${c.name} skipped: ${why}`);
  }
  throw new Error('no tfjs backend could be initialised (not even cpu)');
}

/** Releases the WebGPU backend and Dawn (so the process can exit); the cpu backend becomes current. */
export async function releaseBackend(): Promise<void> {
  const w = webgpu;
  webgpu = null;
  if (webgpuRegistered) {
    webgpuRegistered = false;
    if (tf.getBackend() === 'webgpu') await tf.setBackend('cpu');
    tf.removeBackend('webgpu');
  }
  if (w) {
    const st = await w.state;
    st.device?.destroy();
    st.device = null;
    st.adapter = null;
    st.gpu = null;
  }
  const g = globalThis as unknown as { navigator?: Record<string, unknown> };
  if (g.navigator) delete g.navigator.gpu;
}
