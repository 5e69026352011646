/**
 * results.json → report.md, report.html and charts/*.png in one directory, every file written
 * atomically. Used by `verify` after a run and by `report` on an existing results.json.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../empirics/io/atomicWrite.ts';
import { renderChartPng } from './charts.ts';
import { renderReportHtml, type EmbeddedChart } from './reportHtml.ts';
import { renderReportMd } from './reportMd.ts';
import type { Results } from './results.ts';
import type { VerdictMove } from './compare.ts';

export interface BuiltReport {
  files: string[];
  charts: number;
  ms: number;
}

/** Chart ids become file names: keep letters, digits, '.', '_' and '-'. */
export const chartFileName = (id: string): string => `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.png`;

export function buildReport(results: Results, outDir: string, assumptionChanges: { path: string; value: unknown; default: unknown }[], moves: VerdictMove[] | null = null): BuiltReport {
  const t0 = performance.now();
  const files: string[] = [];
  const chartsById = new Map<string, EmbeddedChart[]>();
  for (const c of results.claims) {
    const list: EmbeddedChart[] = [];
    for (const spec of c.charts ?? []) {
      const png = renderChartPng(spec);
      const file = join('charts', chartFileName(spec.id));
      writeFileAtomic(join(outDir, file), png);
      files.push(file);
      list.push({ id: spec.id, title: spec.title, caption: spec.caption, file, png });
    }
    if (list.length) chartsById.set(c.id, list);
  }
  const chartFiles = new Map([...chartsById.entries()].map(([id, l]) => [id, l.map((x) => ({ file: x.file, title: x.title }))]));
  writeFileAtomic(join(outDir, 'report.md'), renderReportMd(results, assumptionChanges, chartFiles, moves));
  writeFileAtomic(join(outDir, 'report.html'), renderReportHtml(results, chartsById, assumptionChanges, moves));
  files.push('report.md', 'report.html');
  return { files, charts: files.length - 2, ms: Math.round(performance.now() - t0) };
}
