/**
 * The stand-in for the paper's PC2 forget sets (App. J, sets 7–9: the examples with the highest
 * projection onto the 2nd principal component of the train×train datamodel influence matrix).
 *
 * Datamodels (tens of thousands of models on random halves) are out of reach here, so the
 * influence matrix is last-layer TracIn at the final checkpoint, averaged over the pretrained
 * models: for logits z = W·h + b the cross-entropy gradient of example i with respect to (W, b) is
 * g_i = (p_i − y_i) ⊗ [h_i; 1], and the influence of i on j is g_i·g_j = (e_i·e_j)·(b_i·b_j) with
 * e = p − y and b = [h; 1]. Its diagonal is the self-influence the PC1 stand-in ranks by
 * (forgetSets.ts), so both stand-ins read the same matrix: PC1 by its diagonal, PC2 by its second
 * eigenvector.
 *
 * Method: K = (1/M)·Σ_m (E_m E_mᵀ) ∘ (B_m B_mᵀ) formed exactly in float64 (the Hadamard form costs
 * n²/2·(C + H + 1) per model instead of n²/2·C·(H + 1)); its top eigenvectors by subspace
 * iteration on `block` vectors with Rayleigh–Ritz (Jacobi on the block × block projection), stopped
 * when the second Ritz vector moves by less than `tol` (2-norm, sign-aligned) between steps. K is
 * symmetric positive semi-definite, so the iteration converges at the rate λ_{block+1}/λ_2 per step;
 * a step cap throws NonConvergenceError. The eigenvector's sign is arbitrary: it is fixed so its
 * entry of largest magnitude is positive (ties: the lowest position), which makes the set a
 * deterministic function of the models.
 */
import { NonConvergenceError } from '../../theory/errors.ts';

/** One pretrained model's per-example factors: e = p − y (classes) and b = [h; 1] (hidden + 1), row by row. */
export interface InfluenceFactors {
  n: number;
  classes: number;
  /** length of b (the last dense layer's input width, plus 1 for its bias) */
  width: number;
  /** n rows of classes + width values: e_i then b_i */
  rows: Float32Array;
}

/** K += (E Eᵀ) ∘ (B Bᵀ) / models, lower triangle and diagonal only (mirrored by `influenceGram`). */
function accumulate(K: Float64Array, f: InfluenceFactors, scale: number): void {
  const { n, classes: C, width: W, rows } = f;
  const stride = C + W;
  for (let i = 0; i < n; i++) {
    const oi = i * stride;
    for (let j = 0; j <= i; j++) {
      const oj = j * stride;
      let ee = 0, bb = 0;
      for (let c = 0; c < C; c++) ee += rows[oi + c]! * rows[oj + c]!;
      for (let c = C; c < stride; c++) bb += rows[oi + c]! * rows[oj + c]!;
      K[i * n + j] = K[i * n + j]! + scale * ee * bb;
    }
  }
}

/** The mean last-layer TracIn influence matrix of the models (n × n, row-major, symmetric). */
export function influenceGram(models: InfluenceFactors[]): Float64Array {
  if (!models.length) throw new Error('the influence matrix needs at least one pretrained model');
  const n = models[0]!.n;
  const K = new Float64Array(n * n);
  for (const f of models) {
    if (f.n !== n || f.rows.length !== n * (f.classes + f.width)) throw new Error(`influence factors of ${f.n} rows × ${f.classes + f.width} do not match ${n} examples`);
    accumulate(K, f, 1 / models.length);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) K[j * n + i] = K[i * n + j]!;
  return K;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi: values descending, vectors as columns. */
export function jacobiEigen(A: Float64Array, k: number): { values: number[]; vectors: Float64Array } {
  const a = Float64Array.from(A), v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q]! ** 2;
    if (off < 1e-30 * Math.max(1e-300, a.reduce((s, x) => s + x * x, 0))) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q]!;
        if (apq === 0) continue;
        const theta = (a[q * k + q]! - a[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p]!, arq = a[r * k + q]!;
          a[r * k + p] = c * arp - s * arq;
          a[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r]!, aqr = a[q * k + r]!;
          a[p * k + r] = c * apr - s * aqr;
          a[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p]!, vrq = v[r * k + q]!;
          v[r * k + p] = c * vrp - s * vrq;
          v[r * k + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: k }, (_, i) => i).sort((x, y) => a[y * k + y]! - a[x * k + x]!);
  const vectors = new Float64Array(k * k);
  order.forEach((col, to) => { for (let r = 0; r < k; r++) vectors[r * k + to] = v[r * k + col]!; });
  return { values: order.map((i) => a[i * k + i]!), vectors };
}

/** Orthonormalises the `block` columns of Q (n × block, column-major) in place by modified Gram–Schmidt. */
function orthonormalise(Q: Float64Array, n: number, block: number): void {
  for (let c = 0; c < block; c++) {
    const qc = Q.subarray(c * n, (c + 1) * n);
    for (let d = 0; d < c; d++) {
      const qd = Q.subarray(d * n, (d + 1) * n);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += qc[i]! * qd[i]!;
      for (let i = 0; i < n; i++) qc[i] = qc[i]! - dot * qd[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += qc[i]! ** 2;
    norm = Math.sqrt(norm);
    // a zero column (K of rank < block) is replaced by a unit vector, kept orthogonal next step
    if (!(norm > 0)) { qc.fill(0); qc[c % n] = 1; } else for (let i = 0; i < n; i++) qc[i] = qc[i]! / norm;
  }
}

/** Fixes an eigenvector's sign: its entry of largest magnitude (lowest position on ties) is positive. */
export function fixSign(v: Float64Array): Float64Array {
  let at = 0;
  for (let i = 1; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(v[at]!)) at = i;
  if (v[at]! < 0) for (let i = 0; i < v.length; i++) v[i] = -v[i]!;
  return v;
}

/**
 * The top `want` eigenpairs of the symmetric PSD matrix K (n × n): subspace iteration on `block`
 * vectors, started from a deterministic basis, until the last wanted vector moves by < tol.
 */
export function topEigen(K: Float64Array, n: number, want = 2, o: { block?: number; tol?: number; maxSteps?: number } = {}): { values: number[]; vectors: Float64Array[]; steps: number } {
  const block = Math.min(n, o.block ?? want + 4), tol = o.tol ?? 1e-10, maxSteps = o.maxSteps ?? 5000;
  let Q = new Float64Array(n * block);
  // a deterministic start with a component along every coordinate
  for (let c = 0; c < block; c++) for (let i = 0; i < n; i++) Q[c * n + i] = Math.sin(1 + i * (c + 1) * 0.7071 + c) + (i % (c + 2) === 0 ? 0.5 : 0);
  orthonormalise(Q, n, block);
  let prev: Float64Array | null = null;
  for (let step = 1; step <= maxSteps; step++) {
    const Z = new Float64Array(n * block);
    for (let c = 0; c < block; c++) {
      const q = Q.subarray(c * n, (c + 1) * n), z = Z.subarray(c * n, (c + 1) * n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) s += K[row + j]! * q[j]!;
        z[i] = s;
      }
    }
    // Rayleigh–Ritz: H = Qᵀ K Q, rotate Q by H's eigenvectors
    const H = new Float64Array(block * block);
    for (let a = 0; a < block; a++) for (let b = 0; b < block; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += Q[a * n + i]! * Z[b * n + i]!;
      H[a * block + b] = s;
    }
    for (let a = 0; a < block; a++) for (let b = 0; b < a; b++) H[a * block + b] = H[b * block + a] = (H[a * block + b]! + H[b * block + a]!) / 2;
    const { values, vectors } = jacobiEigen(H, block);
    const ritz = new Float64Array(n * block);
    for (let c = 0; c < block; c++) for (let d = 0; d < block; d++) {
      const w = vectors[d * block + c]!;
      if (w === 0) continue;
      for (let i = 0; i < n; i++) ritz[c * n + i] = ritz[c * n + i]! + w * Z[d * n + i]!;
    }
    orthonormalise(ritz, n, block);
    const last = fixSign(Float64Array.from(ritz.subarray((want - 1) * n, want * n)));
    if (prev) {
      let d = 0;
      for (let i = 0; i < n; i++) d += (last[i]! - prev[i]!) ** 2;
      if (Math.sqrt(d) < tol) {
        return { values: values.slice(0, want), vectors: Array.from({ length: want }, (_, c) => fixSign(Float64Array.from(ritz.subarray(c * n, (c + 1) * n)))), steps: step };
      }
    }
    prev = last;
    Q = ritz;
  }
  throw new NonConvergenceError(`subspace iteration for the influence matrix's top ${want} eigenvectors did not settle to ${tol} in ${maxSteps} steps`);
}
