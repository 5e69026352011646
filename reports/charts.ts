/**
 * Renders a ChartSpec (properties/types.ts) with chart.js on @napi-rs/canvas (Skia, prebuilt in the
 * npm package), to PNG for the report and to SVG (text as paths) for papers. White background
 * painted first (design.md, "Charts"). What the defaults of chart.js do not give a reader:
 * - the glyphs the labels use (ε, λ, ², ⁻, ≥): the bundled DejaVu Sans is registered, since the
 *   machine's fonts may lack them and Skia then draws boxes;
 * - legends whose swatches show each series as drawn (solid, dashed or dotted line, marker, shaded
 *   region, heatmap cell), drawn by LEGEND below instead of chart.js's filled boxes;
 * - labelled ticks on every log axis, whatever its span (logTickValues);
 * - heatmaps: square-marker scatter series that tile a grid are drawn as cells (chartjs-chart-matrix)
 *   that meet at the midpoints between grid values (geometric midpoints on a log axis), no gaps;
 * - shaded regions (`fill`) and error bars (`intervals`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts, SvgExportFlag } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin, type Scale } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import type { ChartSeries, ChartSpec } from '../properties/types.ts';
import { encodeIndexedPng } from './png.ts';
import { isCellSeries, isHeatmap } from './grid.ts';

export { isHeatmap };

Chart.register(...registerables, MatrixController, MatrixElement);

export const CHART_FONT = 'DejaVu Sans';
const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSans.ttf'), CHART_FONT);
GlobalFonts.registerFromPath(join(fontDir, 'DejaVuSans-Bold.ttf'), CHART_FONT);
Chart.defaults.font.family = CHART_FONT;
Chart.defaults.color = '#333333';

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const DASHED = [7, 4];
const DOTTED = [1.5, 3];
const LEGEND_FONT = 12;
const LEGEND_ROW = 19;
const SWATCH = 30;

const WHITE_BACKGROUND: Plugin = {
  id: 'white-background',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const superscript = (n: number): string => String(n).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);

/**
 * Tick values of a log axis over [min, max]: enough labelled ticks to read values off at any span.
 * Under a decade: 1…9 × 10^k; up to ~2 decades: 1, 2, 5 × 10^k; up to 4: 1, 3 × 10^k; beyond:
 * powers of ten, every `step`-th so that at most ~10 remain. Never fewer than two.
 */
export function logTickValues(min: number, max: number): number[] {
  if (!(min > 0) || !(max > min)) return min > 0 ? [min] : [];
  const lo = Math.log10(min), hi = Math.log10(max), span = hi - lo;
  const mantissas = span <= 0.8 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : span <= 2.3 ? [1, 2, 5] : span <= 4.2 ? [1, 3] : [1];
  const step = span > 11 ? Math.ceil(span / 10) : 1;
  const out: number[] = [];
  for (let k = Math.floor(lo); k <= Math.ceil(hi); k++) {
    if (((k % step) + step) % step !== 0) continue;
    for (const m of mantissas) {
      const v = Number(`${m}e${k}`);
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  return out.length >= 2 ? out : [min, max];
}

/** 0.001 … 1000 as decimals, beyond as m·10ᵏ (superscript digits: the bundled font has them). */
export function logTickLabel(v: number): string {
  const k = Math.floor(Math.log10(v) + 1e-9);
  const m = Number((v / 10 ** k).toPrecision(3));
  if (k >= -3 && k <= 3) return String(Number(v.toPrecision(3)));
  return m === 1 ? `10${superscript(k)}` : `${m}·10${superscript(k)}`;
}

function logAxis(): Record<string, unknown> {
  return {
    afterBuildTicks: (axis: Scale) => {
      axis.ticks = logTickValues(axis.min, axis.max).map((value) => ({ value }));
    },
    ticks: { callback: (value: string | number) => logTickLabel(Number(value)), autoSkip: false, maxRotation: 0 },
  };
}

// ------------------------------------------------------------------------------------- heatmaps

/** Distinct values, sorted, and the cell edges around them (midpoints; geometric on a log axis). */
export function cellEdges(values: number[], log: boolean): { sorted: number[]; edges: number[] } {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const t = sorted.map((v) => (log ? Math.log10(v) : v));
  const n = t.length;
  const edges: number[] = [];
  if (n === 1) edges.push(t[0]! - 0.5, t[0]! + 0.5);
  else {
    edges.push(t[0]! - (t[1]! - t[0]!) / 2);
    for (let i = 0; i + 1 < n; i++) edges.push((t[i]! + t[i + 1]!) / 2);
    edges.push(t[n - 1]! + (t[n - 1]! - t[n - 2]!) / 2);
  }
  return { sorted, edges: log ? edges.map((e) => 10 ** e) : edges };
}

// --------------------------------------------------------------------------------------- legend

type SwatchKind = { kind: 'line'; dash: number[]; fill?: string } | { kind: 'marker'; square: boolean } | { kind: 'cell' } | { kind: 'region' };
interface LegendItem { label: string; color: string; swatch: SwatchKind; bars: boolean }
interface LegendLayout { rows: { item: LegendItem; x: number; w: number }[][]; height: number }

const withAlpha = (color: string, alpha: number): string => {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = parseInt(m[1]!, 16);
  return `rgba(${n >> 16},${(n >> 8) & 255},${n & 255},${alpha})`;
};

function legendItems(spec: ChartSpec, heat: boolean): LegendItem[] {
  return spec.series
    .map((s, i): LegendItem => {
      const color = s.color ?? PALETTE[i % PALETTE.length]!;
      const dash = s.dotted ? DOTTED : s.dashed ? DASHED : [];
      const swatch: SwatchKind = heat && isCellSeries(s)
        ? { kind: 'cell' }
        : s.fill === 'self' && s.kind !== 'line'
          ? { kind: 'region' }
          : s.kind === 'line' || s.fill
            ? { kind: 'line', dash, ...(s.fill ? { fill: s.fillColor ?? withAlpha(color, 0.25) } : {}) }
            : { kind: 'marker', square: s.square === true };
      return { label: s.label, color, swatch, bars: Boolean(s.intervals?.some((x) => x)) };
    })
    .filter((it) => it.label !== '');
}

function measureLegend(items: LegendItem[], width: number): LegendLayout {
  const ctx = createCanvas(8, 8).getContext('2d');
  ctx.font = `${LEGEND_FONT}px "${CHART_FONT}"`;
  const rows: LegendLayout['rows'] = [];
  let row: LegendLayout['rows'][number] = [], x = 0;
  const maxW = width - 40;
  for (const item of items) {
    const w = SWATCH + 6 + ctx.measureText(item.label).width + 18;
    if (row.length && x + w > maxW) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ item, x, w });
    x += w;
  }
  if (row.length) rows.push(row);
  return { rows, height: rows.length * LEGEND_ROW + 6 };
}

function legendPlugin(layout: LegendLayout): Plugin {
  return {
    id: 'style-legend',
    afterDraw: (chart) => {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.font = `${LEGEND_FONT}px "${CHART_FONT}"`;
      ctx.textBaseline = 'middle';
      let y = height - layout.height + LEGEND_ROW / 2;
      for (const row of layout.rows) {
        const last = row[row.length - 1]!;
        const x0 = (width - (last.x + last.w - 18)) / 2;
        for (const { item, x } of row) {
          const sx = x0 + x;
          drawSwatch(ctx, item, sx, y);
          ctx.fillStyle = '#333333';
          ctx.fillText(item.label, sx + SWATCH + 6, y);
        }
        y += LEGEND_ROW;
      }
      ctx.restore();
    },
  };
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  const s = item.swatch;
  ctx.save();
  ctx.strokeStyle = item.color;
  ctx.fillStyle = item.color;
  if (s.kind === 'cell') ctx.fillRect(x + 8, y - 7, 14, 14);
  else if (s.kind === 'region') {
    ctx.fillStyle = withAlpha(item.color, 0.25);
    ctx.fillRect(x + 1, y - 6, SWATCH - 2, 12);
    ctx.lineWidth = 1.5;
    ctx.strokeRect(x + 1, y - 6, SWATCH - 2, 12);
  } else if (s.kind === 'marker') {
    if (s.square) ctx.fillRect(x + SWATCH / 2 - 4, y - 4, 8, 8);
    else {
      ctx.beginPath();
      ctx.arc(x + SWATCH / 2, y, 4, 0, 2 * Math.PI);
      ctx.fill();
    }
  } else {
    if (s.fill) {
      ctx.fillStyle = s.fill;
      ctx.fillRect(x, y - 7, SWATCH, 14);
    }
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'butt';
    ctx.setLineDash(s.dash);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + SWATCH, y);
    ctx.stroke();
  }
  if (item.bars) {
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(x + SWATCH / 2, y - 7);
    ctx.lineTo(x + SWATCH / 2, y + 7);
    ctx.moveTo(x + SWATCH / 2 - 4, y - 7);
    ctx.lineTo(x + SWATCH / 2 + 4, y - 7);
    ctx.moveTo(x + SWATCH / 2 - 4, y + 7);
    ctx.lineTo(x + SWATCH / 2 + 4, y + 7);
    ctx.stroke();
  }
  ctx.restore();
}

/** Error bars: a vertical line with caps from each point's interval low to high (y), a horizontal one for `xIntervals`. */
const ERROR_BARS: Plugin = {
  id: 'error-bars',
  afterDatasetsDraw: (chart) => {
    const { ctx } = chart;
    chart.data.datasets.forEach((ds, i) => {
      const { intervals, xIntervals } = ds as { intervals?: ([number, number] | null)[]; xIntervals?: ([number, number] | null)[] };
      if (!intervals && !xIntervals) return;
      const meta = chart.getDatasetMeta(i);
      const xs = chart.scales[meta.xAxisID ?? 'x']!, ys = chart.scales[meta.yAxisID ?? 'y']!;
      ctx.save();
      ctx.strokeStyle = String(ds.borderColor);
      // two-way bars on a scatter of many runs: thinner and translucent, so the markers stay readable
      ctx.lineWidth = xIntervals ? 0.7 : 1.5;
      ctx.globalAlpha = xIntervals ? 0.3 : 1;
      ctx.setLineDash([]);
      const cap = xIntervals ? 2.5 : 4;
      // a segment from a to b across the axis at `at`, capped at both ends; `vertical` for a y interval
      const bar = (at: number, a: number, b: number, vertical: boolean): void => {
        if (![at, a, b].every(Number.isFinite)) return;
        const pt = (along: number, across: number): [number, number] => (vertical ? [across, along] : [along, across]);
        ctx.beginPath();
        ctx.moveTo(...pt(a, at));
        ctx.lineTo(...pt(b, at));
        for (const end of [a, b]) {
          ctx.moveTo(...pt(end, at - cap));
          ctx.lineTo(...pt(end, at + cap));
        }
        ctx.stroke();
      };
      const finite = (iv: [number, number] | null | undefined): iv is [number, number] => !!iv && Number.isFinite(iv[0]) && Number.isFinite(iv[1]);
      (ds.data as { x: number; y: number }[]).forEach((p, j) => {
        const iv = intervals?.[j], ix = xIntervals?.[j];
        if (finite(iv)) bar(xs.getPixelForValue(p.x), ys.getPixelForValue(iv[0]), ys.getPixelForValue(iv[1]), true);
        if (finite(ix)) bar(ys.getPixelForValue(p.y), xs.getPixelForValue(ix[0]), xs.getPixelForValue(ix[1]), false);
      });
      ctx.restore();
    });
  },
};

/** The title broken into lines that fit the chart's width (chart.js clips a long one on both sides). */
function wrapTitle(text: string, width: number, size: number): string[] {
  const ctx = createCanvas(8, 8).getContext('2d');
  ctx.font = `bold ${size}px "${CHART_FONT}"`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width - 30) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Points that can be drawn (finite; positive on a log axis), each with its interval. */
function drawable(spec: ChartSpec, s: ChartSeries): { x: number; y: number; iv: [number, number] | null; ivx: [number, number] | null }[] {
  const positive = (iv: [number, number] | null, log: boolean | undefined): [number, number] | null => (iv && log ? [Math.max(iv[0], Number.MIN_VALUE), iv[1]] : iv);
  return s.points
    .map(([x, y], j) => ({ x, y, iv: s.intervals?.[j] ?? null, ivx: s.xIntervals?.[j] ?? null }))
    .filter(({ x, y }) => Number.isFinite(x) && Number.isFinite(y) && (!spec.xLog || x > 0) && (!spec.yLog || y > 0))
    .map((p) => ({ ...p, iv: positive(p.iv, spec.yLog), ivx: positive(p.ivx, spec.xLog) }));
}

/**
 * Markers of one scatter series that would land on the same spot (the same 1/800 of each axis'
 * data range, about a pixel at 900 × 560) drawn once: thousands of coincident markers add
 * nothing to the picture and megabytes to its SVG. Lines, intervals and heatmap cells are kept whole.
 */
function thinMarkers(spec: ChartSpec, pts: { x: number; y: number; iv: [number, number] | null; ivx: [number, number] | null }[]): typeof pts {
  if (pts.length < 500 || pts.some((p) => p.iv || p.ivx)) return pts;
  const t = (v: number, log: boolean | undefined): number => (log ? Math.log10(v) : v);
  const range = (vals: number[]): [number, number] => [Math.min(...vals), Math.max(...vals) - Math.min(...vals) || 1];
  const [x0, dx] = range(pts.map((p) => t(p.x, spec.xLog))), [y0, dy] = range(pts.map((p) => t(p.y, spec.yLog)));
  const seen = new Set<string>();
  return pts.filter((p) => {
    const key = `${Math.round(((t(p.x, spec.xLog) - x0) / dx) * 800)},${Math.round(((t(p.y, spec.yLog) - y0) / dy) * 800)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function chartConfig(spec: ChartSpec, width = 900): ChartConfiguration<'scatter'> {
  const heat = isHeatmap(spec);
  const cells = spec.series.filter((s) => heat && isCellSeries(s)).flatMap((s) => drawable(spec, s));
  const gx = cellEdges(cells.map((p) => p.x), spec.xLog === true), gy = cellEdges(cells.map((p) => p.y), spec.yLog === true);
  const ix = new Map(gx.sorted.map((v, i) => [v, i])), iy = new Map(gy.sorted.map((v, i) => [v, i]));
  const labels = spec.series.map((s) => s.label);
  const layout = measureLegend(legendItems(spec, heat), width);
  const datasets = spec.series.map((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length]!;
    let pts = drawable(spec, s);
    if (heat && isCellSeries(s)) {
      // each cell anchored at its top-left edge; its size in pixels from the edges, +1 px so neighbours meet without a seam
      return {
        type: 'matrix' as const,
        label: s.label,
        data: pts.map((p) => ({ x: gx.edges[ix.get(p.x)!]!, y: gy.edges[iy.get(p.y)! + 1]!, r: gx.edges[ix.get(p.x)! + 1]!, b: gy.edges[iy.get(p.y)!]! })),
        backgroundColor: color,
        borderWidth: 0,
        // drawn beneath the lines and markers (chart.js draws a higher `order` first)
        order: 10,
        anchorX: 'left',
        anchorY: 'top',
        width: (c: { chart: Chart; raw?: { x: number; r: number } }) => !c.raw ? 0 : Math.abs(c.chart.scales.x!.getPixelForValue(c.raw.r) - c.chart.scales.x!.getPixelForValue(c.raw.x)) + 1,
        height: (c: { chart: Chart; raw?: { y: number; b: number } }) => !c.raw ? 0 : Math.abs(c.chart.scales.y!.getPixelForValue(c.raw.b) - c.chart.scales.y!.getPixelForValue(c.raw.y)) + 1,
      };
    }
    const line = s.kind === 'line' || s.fill !== undefined;
    if (!line) pts = thinMarkers(spec, pts);
    const fillTarget = s.fill === undefined ? false : s.fill === 'self' ? 'shape' : 'to' in s.fill ? labels.indexOf(s.fill.to) : { value: s.fill.value };
    return {
      label: s.label,
      data: pts.map(({ x, y }) => ({ x, y })),
      showLine: line,
      borderColor: color,
      backgroundColor: s.fill !== undefined ? (s.fillColor ?? withAlpha(color, 0.25)) : color,
      pointBackgroundColor: color,
      borderWidth: s.kind === 'line' ? 2.5 : s.fill ? 1 : 0,
      borderDash: s.dotted ? DOTTED : s.dashed ? DASHED : [],
      borderCapStyle: s.dotted ? ('round' as const) : ('butt' as const),
      pointRadius: s.kind === 'line' || (s.fill && s.kind !== 'scatter') ? 0 : (s.pointSize ?? 2.5),
      pointStyle: s.square ? ('rect' as const) : ('circle' as const),
      fill: fillTarget === -1 ? false : fillTarget,
      ...(s.intervals ? { intervals: pts.map((p) => p.iv) } : {}),
      ...(s.xIntervals ? { xIntervals: pts.map((p) => p.ivx) } : {}),
    };
  });
  // heatmap cells reach past the grid values by half a cell: the axes must show the whole edge cells
  const bounds = (axis: 'x' | 'y', edges: number[]): Record<string, number> => {
    if (!cells.length) return {};
    const other = spec.series.filter((s) => !isCellSeries(s)).flatMap((s) => drawable(spec, s)).map((p) => p[axis]);
    return { min: Math.min(edges[0]!, ...other), max: Math.max(edges[edges.length - 1]!, ...other) };
  };
  // error bars must not run off the plot: the axes are widened to hold every finite interval
  const barBounds = (axis: 'x' | 'y'): Record<string, number> => {
    if (cells.length) return {};
    const ends = spec.series.flatMap((s) => drawable(spec, s).flatMap((p) => (axis === 'y' ? p.iv : p.ivx) ?? [])).filter(Number.isFinite);
    if (!ends.length) return {};
    return { suggestedMin: Math.min(...ends), suggestedMax: Math.max(...ends) };
  };
  const ticks = (log: boolean, heatBounds: boolean): Record<string, unknown> => {
    if (log) return logAxis();
    // a heatmap's axis ends at a cell edge, not a round number: label only the round values inside
    return heatBounds ? { ticks: { includeBounds: false } } : {};
  };
  return {
    type: 'scatter',
    // chart.js's types do not know the matrix datasets mixed into a scatter chart
    data: { datasets: datasets as ChartConfiguration<'scatter'>['data']['datasets'] },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      layout: { padding: { bottom: layout.height + 4, left: 6, right: 24 } },
      plugins: {
        title: { display: true, text: wrapTitle(spec.title, width, 15), font: { size: 15, weight: 'bold' } },
        legend: { display: false },
        tooltip: { enabled: false },
      },
      scales: {
        // explicit: chartjs-chart-matrix's overrides (reverse y, offset) would otherwise reach the scatter axes
        x: { type: spec.xLog ? 'logarithmic' : 'linear', reverse: false, offset: false, title: { display: true, text: spec.xLabel, font: { size: 13 } }, ...ticks(spec.xLog === true, cells.length > 0), ...bounds('x', gx.edges), ...barBounds('x') },
        y: { type: spec.yLog ? 'logarithmic' : 'linear', reverse: false, offset: false, title: { display: true, text: spec.yLabel, font: { size: 13 } }, ...ticks(spec.yLog === true, cells.length > 0), ...bounds('y', gy.edges), ...barBounds('y') },
      },
    },
    plugins: [WHITE_BACKGROUND, ERROR_BARS, legendPlugin(layout)],
  };
}

function draw<T>(canvas: { getContext(t: '2d'): unknown }, spec: ChartSpec, width: number, out: () => T): T {
  // chart.js accepts any object with getContext('2d'); the Skia canvas provides one
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, chartConfig(spec, width));
  try {
    return out();
  } finally {
    chart.destroy();
  }
}

/** One chart → PNG bytes (8-bit indexed: reports/png.ts). Points with non-finite or (on a log axis) non-positive values are dropped. */
export function renderChartPng(spec: ChartSpec, width = 900, height = 560): Buffer {
  const canvas = createCanvas(width, height);
  return draw(canvas, spec, width, () => encodeIndexedPng(canvas.getContext('2d').getImageData(0, 0, width, height).data, width, height));
}

/** One chart → SVG text, the text converted to paths so it looks the same without the font. */
export function renderChartSvg(spec: ChartSpec, width = 900, height = 560): string {
  const canvas = createCanvas(width, height, SvgExportFlag.ConvertTextToPaths);
  return draw(canvas, spec, width, () => canvas.getContent().toString('utf8'));
}
