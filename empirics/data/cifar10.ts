/**
 * CIFAR-10 from the user's extracted `cifar-10-batches-bin` directory (the "binary version" of
 * the dataset; nothing is downloaded here).
 *
 * Format (design.md, Anchors: Data): data_batch_1.bin … data_batch_5.bin (train) and
 * test_batch.bin (test) are sequences of 3,073-byte records: 1 label byte (0..9), then 3,072
 * pixel bytes, the 1,024 red, then green, then blue values of a 32×32 image, each plane
 * row-major. The real files hold 10,000 records each, 30,730,000 bytes. Any file whose size is a
 * positive whole number of records is accepted (small test files); other sizes are an error that
 * says how many whole records the file holds and how many bytes are left over.
 *
 * The record layout is already channel-major, so a record's pixels are copied as they are into
 * the Dataset's NCHW array, each byte b becoming b/255 (float32).
 *
 * `limit` reads only the records it needs: files are read in order, a chunk of records at a
 * time, and stop once `limit` records are in; labels are checked on the records read. Every file
 * of the split is checked for presence and size before anything is read.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, type Dataset } from './types.ts';

export const CIFAR10_LABEL_NAMES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] as const;
export const CIFAR10_PIXELS = 3 * 32 * 32;
export const CIFAR10_RECORD_BYTES = 1 + CIFAR10_PIXELS;
/** records per file in the real dataset (test files may hold other whole numbers) */
export const CIFAR10_RECORDS_PER_FILE = 10_000;
export const CIFAR10_FILES = {
  train: ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'],
  test: ['test_batch.bin'],
} as const;
export type Cifar10Split = keyof typeof CIFAR10_FILES;

export interface Cifar10Options {
  split: Cifar10Split;
  /** read at most this many records (from the first file on) */
  limit?: number;
}

/** records read per readSync: 1,000 records ≈ 3 MB */
const CHUNK_RECORDS = 1000;

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Each file of the split with its record count, after checking the directory, presence and sizes. */
export function cifar10Files(dir: string, split: Cifar10Split): { path: string; file: string; records: number }[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new DataError(`CIFAR-10 directory "${dir}" does not exist (give the extracted cifar-10-batches-bin directory)`);
  }
  if (!st.isDirectory()) throw new DataError(`CIFAR-10 path "${dir}" is not a directory (give the extracted cifar-10-batches-bin directory)`);
  return CIFAR10_FILES[split].map((file) => {
    const path = join(dir, file);
    let size: number;
    try {
      const f = statSync(path);
      if (!f.isFile()) throw new Error('not a file');
      size = f.size;
    } catch {
      throw new DataError(`CIFAR-10 file ${file} is missing from "${dir}" (the ${split} split needs ${CIFAR10_FILES[split].join(', ')})`);
    }
    const records = Math.floor(size / CIFAR10_RECORD_BYTES), extra = size % CIFAR10_RECORD_BYTES;
    if (size === 0) throw new DataError(`CIFAR-10 file ${path} is empty (a real batch is ${fmt(CIFAR10_RECORDS_PER_FILE * CIFAR10_RECORD_BYTES)} bytes)`);
    if (extra !== 0) {
      throw new DataError(
        `CIFAR-10 file ${path} is ${fmt(size)} bytes, not a whole number of ${fmt(CIFAR10_RECORD_BYTES)}-byte records ` +
          `(${fmt(records)} whole records and ${fmt(extra)} bytes over; a real batch is ${fmt(CIFAR10_RECORDS_PER_FILE)} records, ${fmt(CIFAR10_RECORDS_PER_FILE * CIFAR10_RECORD_BYTES)} bytes): truncated or not a CIFAR-10 binary batch`,
      );
    }
    return { path, file, records };
  });
}

export function loadCifar10(dir: string, opts: Cifar10Options): Dataset {
  if (!(opts.split in CIFAR10_FILES)) throw new DataError(`CIFAR-10 split must be one of ${Object.keys(CIFAR10_FILES).join(', ')}, got "${opts.split}"`);
  if (opts.limit !== undefined && !(Number.isInteger(opts.limit) && opts.limit >= 1)) throw new DataError(`CIFAR-10 limit must be a positive integer, got ${opts.limit}`);
  const files = cifar10Files(dir, opts.split);
  const available = files.reduce((s, f) => s + f.records, 0);
  const n = Math.min(opts.limit ?? available, available);
  const images = new Float32Array(n * CIFAR10_PIXELS);
  const labels = new Uint8Array(n);
  const buf = Buffer.allocUnsafe(Math.min(n, CHUNK_RECORDS) * CIFAR10_RECORD_BYTES);
  let done = 0;
  for (const f of files) {
    if (done === n) break;
    const fd = openSync(f.path, 'r');
    try {
      const want = Math.min(f.records, n - done);
      for (let r0 = 0; r0 < want; r0 += CHUNK_RECORDS) {
        const count = Math.min(CHUNK_RECORDS, want - r0);
        const bytes = count * CIFAR10_RECORD_BYTES;
        const got = readSync(fd, buf, 0, bytes, r0 * CIFAR10_RECORD_BYTES);
        if (got !== bytes) throw new DataError(`CIFAR-10 file ${f.path}: read ${fmt(got)} of ${fmt(bytes)} bytes at record ${r0} (file changed while reading?)`);
        for (let r = 0; r < count; r++) {
          const at = r * CIFAR10_RECORD_BYTES;
          const label = buf[at]!;
          if (label > 9) throw new DataError(`CIFAR-10 file ${f.path}: record ${r0 + r} has label ${label}, not in 0..9`);
          labels[done] = label;
          const out = done * CIFAR10_PIXELS;
          for (let k = 0; k < CIFAR10_PIXELS; k++) images[out + k] = buf[at + 1 + k]! / 255;
          done++;
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  return { name: `cifar10-${opts.split}`, images, labels, n, channels: 3, height: 32, width: 32, classes: 10 };
}
