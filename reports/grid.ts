/**
 * When a chart is a heatmap: its square-marker scatter series tile a grid of (x, y) values. Shared
 * by the renderer (charts.ts draws such series as cells) and results.json's compact form
 * (compact.ts stores the grid once).
 */
import type { ChartSeries, ChartSpec } from '../properties/types.ts';

export const isCellSeries = (s: ChartSeries): boolean => s.kind !== 'line' && s.square === true && !s.fill && !s.intervals && !s.xIntervals;

/** Explicit `heatmap`, or at least 16 cells on at least 3 × 3 values with half the grid's cells or more present. */
export function isHeatmap(spec: ChartSpec): boolean {
  if (spec.heatmap !== undefined) return spec.heatmap && spec.series.some(isCellSeries);
  const pts = spec.series.filter(isCellSeries).flatMap((s) => s.points);
  if (pts.length < 16) return false;
  const nx = new Set(pts.map((p) => p[0])).size, ny = new Set(pts.map((p) => p[1])).size;
  return nx >= 3 && ny >= 3 && pts.length >= 0.5 * nx * ny;
}
