/**
 * Renders a ChartSpec (properties/types.ts) to PNG with chart.js on @napi-rs/canvas (Skia,
 * prebuilt in the npm package). White background painted first (design.md, "Charts").
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartSpec } from '../properties/types.ts';

Chart.register(...registerables);

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

const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

/** Log-axis labels only at powers of ten, at most ~10 of them, written 1e−k. */
function logTicks(values: number[]): (value: string | number) => string {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const decades = pos.length ? Math.log10(Math.max(...pos)) - Math.log10(Math.min(...pos)) : 1;
  const step = Math.max(1, Math.ceil(decades / 10));
  return (value) => {
    const l = Math.log10(Number(value));
    const k = Math.round(l);
    if (Math.abs(l - k) > 1e-9 || k % step !== 0) return '';
    return k >= -3 && k <= 3 ? String(Number(value)) : `1e${k}`;
  };
}

/** On log axes, grid lines only where a tick carries a label (chart.js draws every minor tick). */
const labelledGrid = (c: { tick?: { label?: unknown } }): string => (c.tick?.label ? '#e4e4e4' : 'rgba(0,0,0,0)');

export function chartConfig(spec: ChartSpec): ChartConfiguration<'scatter'> {
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1]));
  return {
    type: 'scatter',
    data: {
      datasets: spec.series.map((s, i) => {
        const color = s.color ?? PALETTE[i % PALETTE.length]!;
        const line = s.kind === 'line';
        return {
          label: s.label,
          data: s.points.map(([x, y]) => ({ x, y })),
          showLine: line,
          borderColor: color,
          backgroundColor: color,
          borderWidth: line ? 2 : 0,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: line ? 0 : (s.pointSize ?? 2.5),
          pointStyle: s.square ? 'rect' : 'circle',
        };
      }),
    },
    options: {
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: {
        title: { display: true, text: spec.title, font: { size: 15 } },
        legend: { position: 'bottom', labels: { boxWidth: 14, font: { size: 11 } } },
      },
      scales: {
        x: { type: spec.xLog ? 'logarithmic' : 'linear', title: { display: true, text: spec.xLabel }, ...(spec.xLog ? { ticks: { callback: logTicks(xs), autoSkip: false, maxRotation: 0 }, grid: { color: labelledGrid } } : {}) },
        y: { type: spec.yLog ? 'logarithmic' : 'linear', title: { display: true, text: spec.yLabel }, ...(spec.yLog ? { ticks: { callback: logTicks(ys), autoSkip: false }, grid: { color: labelledGrid } } : {}) },
      },
    },
    plugins: [WHITE_BACKGROUND],
  };
}

/** One chart → PNG bytes. Points with non-finite or (on a log axis) non-positive values are dropped. */
export function renderChartPng(spec: ChartSpec, width = 900, height = 560): Buffer {
  const clean: ChartSpec = {
    ...spec,
    series: spec.series.map((s) => ({
      ...s,
      points: s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!spec.xLog || x > 0) && (!spec.yLog || y > 0)),
    })),
  };
  const canvas = createCanvas(width, height);
  // chart.js accepts any object with getContext('2d'); the Skia canvas provides one
  const chart = new Chart(canvas as unknown as HTMLCanvasElement, chartConfig(clean));
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
