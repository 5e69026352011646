/**
 * results.json written compactly and read back exactly. What made it megabytes was the charts'
 * points (heatmaps of 3,000–4,000 cells, each an [x, y] pair, and one picture stored twice) and
 * the two-space indentation of every number. Written here:
 * - a chart whose square-marker series tile a grid (grid.ts) stores the grid once: its distinct x
 *   and y values and, row by row, which series owns each cell, run-length encoded
 *   ("0*30,1*12,-*4": 30 cells of series 0, 12 of series 1, 4 empty). Every x and y value is kept
 *   as the same float64; only the order of a series' points becomes the grid's order;
 * - a chart identical to an earlier one but for its id stores `sameAs: <earlier id>`;
 * - arrays of numbers (and of [x, y] pairs) on one line, the rest indented.
 * expandResults undoes all three; expandResults(compactResults(r)) equals r up to that order.
 */
import type { ChartSeries, ChartSpec } from '../properties/types.ts';
import { isCellSeries, isHeatmap } from './grid.ts';
import type { Results } from './results.ts';

export interface EncodedGrid {
  format: 'rle-1';
  xs: number[];
  ys: number[];
  /** rows (ys ascending) of cells (xs ascending): index into `series`, or '-' for an empty cell */
  cells: string;
}

type StoredChart = (Omit<ChartSpec, 'series'> & { series: (Omit<ChartSeries, 'points'> & { points?: [number, number][] })[]; grid?: EncodedGrid }) | { id: string; sameAs: string };

/** The chart's identity for "drawn twice": everything but its id. */
export const chartKey = (spec: ChartSpec): string => JSON.stringify({ ...spec, id: undefined });

/** The grid encoding of a chart's cell series, or null when it would not be exact (a cell drawn twice, a non-finite value). */
export function encodeGrid(spec: ChartSpec): StoredChart | null {
  if (!isHeatmap(spec)) return null;
  const cellIdx = spec.series.map((s, i) => (isCellSeries(s) ? i : -1)).filter((i) => i >= 0);
  const pts = cellIdx.flatMap((i) => spec.series[i]!.points.map((p) => ({ p, i })));
  if (pts.some(({ p }) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]))) return null;
  const xs = [...new Set(pts.map(({ p }) => p[0]))].sort((a, b) => a - b);
  const ys = [...new Set(pts.map(({ p }) => p[1]))].sort((a, b) => a - b);
  const ix = new Map(xs.map((v, i) => [v, i])), iy = new Map(ys.map((v, i) => [v, i]));
  const owner = new Int32Array(xs.length * ys.length).fill(-1);
  for (const { p, i } of pts) {
    const k = iy.get(p[1])! * xs.length + ix.get(p[0])!;
    if (owner[k] !== -1) return null;
    owner[k] = i;
  }
  const runs: string[] = [];
  for (let k = 0; k < owner.length; ) {
    let j = k;
    while (j < owner.length && owner[j] === owner[k]) j++;
    runs.push(`${owner[k] === -1 ? '-' : owner[k]}*${j - k}`);
    k = j;
  }
  return {
    ...spec,
    series: spec.series.map((s, i) => (cellIdx.includes(i) ? (({ points: _, ...rest }) => rest)(s) : s)),
    grid: { format: 'rle-1', xs, ys, cells: runs.join(',') },
  };
}

function decodeGrid(stored: Extract<StoredChart, { series: unknown }>): ChartSpec {
  const { grid, ...spec } = stored;
  const series = spec.series.map((s) => ({ ...s, points: s.points ?? [] })) as ChartSeries[];
  if (grid) {
    let k = 0;
    for (const run of grid.cells.split(',')) {
      const [v, n] = run.split('*');
      const count = Number(n);
      if (v !== '-') for (let j = k; j < k + count; j++) series[Number(v)]!.points.push([grid.xs[j % grid.xs.length]!, grid.ys[Math.floor(j / grid.xs.length)]!]);
      k += count;
    }
  }
  return { ...spec, series };
}

/** Every claim's charts mapped in order (the claims without charts as they are). */
function mapCharts<A, B>(r: Results, f: (chart: A) => B): Results {
  return { ...r, claims: r.claims.map((c) => (c.charts ? { ...c, charts: (c.charts as unknown as A[]).map(f) as unknown as ChartSpec[] } : c)) };
}

/** Charts grid-encoded and drawn-once; everything else untouched. */
export function compactResults(r: Results): unknown {
  const seen = new Map<string, string>();
  return mapCharts(r, (spec: ChartSpec): StoredChart => {
    const key = chartKey(spec);
    const first = seen.get(key);
    if (first) return { id: spec.id, sameAs: first };
    seen.set(key, spec.id);
    return encodeGrid(spec) ?? spec;
  });
}

/** A parsed results.json (compact or not) with every chart's points written out again. */
export function expandResults(raw: Results): Results {
  const byId = new Map<string, ChartSpec>();
  return mapCharts(raw, (stored: StoredChart): ChartSpec => {
    if ('sameAs' in stored) {
      const first = byId.get(stored.sameAs);
      if (!first) throw new Error(`chart ${stored.id} refers to ${stored.sameAs}, which comes nowhere before it`);
      return { ...first, id: stored.id };
    }
    const spec = decodeGrid(stored);
    byId.set(spec.id, spec);
    return spec;
  });
}

/** JSON with containers of plain values (number arrays, [x, y] pairs, short objects) on one line. */
export function formatJson(value: unknown, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat === undefined) return 'null';
  const plain = (v: unknown): boolean => v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'));
  if (typeof value !== 'object' || value === null || flat.length <= 100 || (Array.isArray(value) && value.every(plain))) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => `${inner}${formatJson(v, inner)}`).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
}

/** The text of results.json. */
export const serializeResults = (r: Results): string => `${formatJson(compactResults(r))}\n`;
