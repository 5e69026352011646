/**
 * `ascent-verify klom --oracle FILE --unlearned FILE [--json]`: per-sample KLoM and its 95th
 * percentile (empirics/metrics/klom.ts). Each file is `{"margins": number[models][samples]}`; the
 * sample counts must agree, the model counts may differ.
 * --json → {samples, models: {oracle, unlearned}, klom: number[], p95, mean}.
 */
import { parseArgs, readText, required, UsageError, type Command } from '../args.ts';
import { SPECS } from '../spec.ts';
import { KLOM_BINS, KLOM_CLIP, KLOM_EPS, klomSummary } from '../../empirics/metrics/klom.ts';

const SHAPE = '{"margins": number[models][samples]}';

/** Reads and checks one margins file; every problem is a one-line UsageError naming the flag. */
function readMargins(flag: string, path: string): number[][] {
  const where = `--${flag} "${path}"`;
  const body = readText(path, `--${flag}`);
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new UsageError(`${where} is not JSON; expected ${SHAPE}`);
  }
  const m = (doc as { margins?: unknown } | null)?.margins;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || !Array.isArray(m)) throw new UsageError(`${where} must hold ${SHAPE}`);
  if (m.length === 0) throw new UsageError(`${where}: "margins" has no models; expected ${SHAPE}`);
  let samples = -1;
  m.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) throw new UsageError(`${where}: margins[${i}] is not an array; expected ${SHAPE}`);
    if (row.length === 0) throw new UsageError(`${where}: margins[${i}] has no samples`);
    if (samples < 0) samples = row.length;
    else if (row.length !== samples) throw new UsageError(`${where}: margins[${i}] has ${row.length} samples, margins[0] has ${samples}`);
    row.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new UsageError(`${where}: margins[${i}][${j}] must be a finite number, got ${JSON.stringify(v)}`);
    });
  });
  return m as number[][];
}

export const klomCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.klom!);
  const oracle = readMargins('oracle', required(args, 'oracle', `a JSON file ${SHAPE}`));
  const unlearned = readMargins('unlearned', required(args, 'unlearned', `a JSON file ${SHAPE}`));
  if (oracle[0]!.length !== unlearned[0]!.length) {
    throw new UsageError(`--oracle has ${oracle[0]!.length} samples per model, --unlearned ${unlearned[0]!.length}; they must be the same samples`);
  }
  const s = klomSummary(unlearned, oracle);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ samples: s.samples, models: s.models, klom: Array.from(s.klom), p95: s.p95, mean: s.mean }));
    return 0;
  }
  const max = s.klom.reduce((a, b) => Math.max(a, b), 0);
  const lines = [
    `KLoM over ${s.samples} sample${s.samples === 1 ? '' : 's'}: ${s.models.unlearned} unlearned vs ${s.models.oracle} oracle models`,
    `  (margins clipped to ±${KLOM_CLIP}, ${KLOM_BINS} bins on the combined range, oracle floored at ${KLOM_EPS.toExponential()} where unlearned > 0; nats)`,
    `  p95  ${s.p95.toPrecision(6)}`,
    `  mean ${s.mean.toPrecision(6)}   max ${max.toPrecision(6)}`,
  ];
  if (s.samples <= 20) lines.push(`  per sample: ${Array.from(s.klom, (v) => v.toPrecision(6)).join(' ')}`);
  else lines.push('  per-sample values: use --json');
  io.out(lines.join('\n'));
  return 0;
};
