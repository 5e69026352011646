/**
 * The on-disk layout of an empirics run, every file written atomically (temp + fsync + rename), so
 * an interruption leaves whole files or none, and a rerun resumes by skipping whole files.
 *   run.json                           the plan, seed, data fingerprint (a rerun must match it)
 *   pretrained/w-007.bin               weights of pretrained model 7 (float32)
 *   pretrained/m-007.f32               its margins over D then V (float32)
 *   pretrained/s-007.f32               its last-layer self-influence score of each image of D
 *   pretrained/g-007.f32               (runs with a pc2 set) its influence factors [p − y; h; 1] per image of D
 *   forget-sets.json                   the forget sets' positions in D
 *   oracle/<set>/m-007.f32             margins of oracle 7 (trained on D \ F)
 *   unlearned/<set>/<run>/m-007.f32    margins of pretrained model 7 after a grid run, one row per
 *                                      snapshot epoch (snapshots × (|D| + |V|)); NaN = broken model
 *   summary.json                       KLoM of every run, written last
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomicWrite.ts';

const pad = (i: number): string => String(i).padStart(3, '0');

export const paths = {
  pretrainedWeights: (i: number) => `pretrained/w-${pad(i)}.bin`,
  pretrainedMargins: (i: number) => `pretrained/m-${pad(i)}.f32`,
  pretrainedScores: (i: number) => `pretrained/s-${pad(i)}.f32`,
  pretrainedFactors: (i: number) => `pretrained/g-${pad(i)}.f32`,
  oracleMargins: (set: string, i: number) => `oracle/${set}/m-${pad(i)}.f32`,
  unlearnedMargins: (set: string, run: string, i: number) => `unlearned/${set}/${run}/m-${pad(i)}.f32`,
};

export class RunStore {
  constructor(readonly dir: string) {}

  file(rel: string): string {
    return join(this.dir, rel);
  }

  has(rel: string): boolean {
    return existsSync(this.file(rel));
  }

  /** True when `rel` exists with exactly `floats` float32 values (a whole file from a finished job). */
  hasF32(rel: string, floats: number): boolean {
    const f = this.file(rel);
    return existsSync(f) && statSync(f).size === floats * 4;
  }

  writeF32(rel: string, data: Float32Array): void {
    writeFileAtomic(this.file(rel), new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  readF32(rel: string, floats: number): Float32Array {
    const b = readFileSync(this.file(rel));
    if (b.length !== floats * 4) throw new Error(`${this.file(rel)} holds ${b.length / 4} values, expected ${floats}`);
    const out = new Float32Array(floats);
    new Uint8Array(out.buffer).set(b);
    return out;
  }

  /** Indented JSON, with arrays of plain numbers kept on one line (a summary holds ~10⁵ bootstrap values). */
  writeJson(rel: string, value: unknown): void {
    writeFileAtomic(this.file(rel), `${compactNumberArrays(JSON.stringify(value, null, 1))}\n`);
  }

  readJson<T>(rel: string): T | undefined {
    const f = this.file(rel);
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as T) : undefined;
  }
}

/** A seed for one job from the run's seed and the job's identity (FNV-1a over the text). */
export function jobSeed(runSeed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ runSeed;
  for (const ch of parts.join('/')) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/** Puts every array whose items are all numbers (or null) of indented JSON on one line. */
export function compactNumberArrays(json: string): string {
  return json.replace(/\[\n(\s*(?:-?\d[\d.eE+-]*|null)(?:,\n\s*(?:-?\d[\d.eE+-]*|null))*)\n\s*\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, '')}]`);
}
