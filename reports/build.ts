/**
 * results.json → report.md, report.html and charts/ (each chart as PNG for the report and SVG for
 * papers) in one directory, every file written atomically. Used by `verify` after a run and by
 * `report` on an existing results.json. A chart identical to one already drawn (another claim's,
 * from the same data) is drawn once and referenced from both claims.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../empirics/io/atomicWrite.ts';
import { renderChartPng, renderChartSvg } from './charts.ts';
import { chartKey } from './compact.ts';
import { renderReportHtml, type EmbeddedChart, type PaperFigure } from './reportHtml.ts';
import { FIGURE4_CAPTION, FIGURE4_CONFIGS, FIGURE5_CAPTION, figure4Rows, figure4Spec, figure5 } from './paperFigures.ts';
import { LINKS } from '../theory/toy52.ts';
import { renderReportMd } from './reportMd.ts';
import type { Results } from './results.ts';
import type { VerdictMove } from './compare.ts';

export interface BuiltReport {
  files: string[];
  charts: number;
  ms: number;
}

/** Chart ids become file names: keep letters, digits, '.', '_' and '-'. */
export const chartFileName = (id: string, ext: 'png' | 'svg' = 'png'): string => `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.${ext}`;

/** Every claim's charts, each distinct picture rendered once (PNG and SVG written to outDir/charts). */
export function renderClaimCharts(results: Results, outDir: string, files: string[] = []): Map<string, EmbeddedChart[]> {
  const chartsById = new Map<string, EmbeddedChart[]>();
  const drawn = new Map<string, EmbeddedChart & { claim: string }>();
  for (const c of results.claims) {
    const list: EmbeddedChart[] = [];
    for (const spec of c.charts ?? []) {
      const first = drawn.get(chartKey(spec));
      if (first) {
        list.push({ ...first, sameAs: first.claim });
        continue;
      }
      const file = join('charts', chartFileName(spec.id));
      const svgFile = join('charts', chartFileName(spec.id, 'svg'));
      const png = renderChartPng(spec);
      writeFileAtomic(join(outDir, file), png);
      writeFileAtomic(join(outDir, svgFile), renderChartSvg(spec));
      files.push(file, svgFile);
      const chart: EmbeddedChart = { id: spec.id, title: spec.title, ...(spec.caption ? { caption: spec.caption } : {}), file, svgFile, png };
      drawn.set(chartKey(spec), { ...chart, claim: c.id });
      list.push(chart);
    }
    if (list.length) chartsById.set(c.id, list);
  }
  return chartsById;
}

/**
 * The paper's Figures 4 and 5 redrawn (reports/paperFigures.ts) for the report, beside the paper's
 * captions: Figure 4 at both declared configurations, Figure 5 under every link reading. Embedded
 * in the HTML: `embed` of them (the rest are linked files), to keep report.html under 1 MB.
 */
export function renderPaperFigures(outDir: string, files: string[] = [], embed = 3): PaperFigure[] {
  const specs = [
    ...Object.entries(FIGURE4_CONFIGS).map(([name, s]) => ({ figure: 4, paperCaption: FIGURE4_CAPTION, spec: figure4Spec(`figure4-${name}`, s, figure4Rows(s, { min: 0.05, max: 0.95, points: 19 }, 120)) })),
    ...Object.keys(LINKS).map((l) => ({ figure: 5, paperCaption: FIGURE5_CAPTION, spec: figure5(l).spec })),
  ];
  return specs.map(({ figure, paperCaption, spec }, i) => {
    const file = join('charts', chartFileName(spec.id)), svgFile = join('charts', chartFileName(spec.id, 'svg'));
    const png = renderChartPng(spec);
    writeFileAtomic(join(outDir, file), png);
    writeFileAtomic(join(outDir, svgFile), renderChartSvg(spec));
    files.push(file, svgFile);
    return { figure, paperCaption, chart: { id: spec.id, title: spec.title, ...(spec.caption ? { caption: spec.caption } : {}), file, svgFile, png }, embed: i < embed };
  });
}

export function buildReport(results: Results, outDir: string, assumptionChanges: { path: string; value: unknown; default: unknown }[], moves: VerdictMove[] | null = null): BuiltReport {
  const t0 = performance.now();
  const files: string[] = [];
  const chartsById = renderClaimCharts(results, outDir, files);
  const charts = files.length / 2;
  const paper = renderPaperFigures(outDir, files);
  const chartFiles = new Map([...chartsById.entries()].map(([id, l]) => [id, l.map((x) => ({ file: x.file, svgFile: x.svgFile, title: x.title, ...(x.sameAs ? { sameAs: x.sameAs } : {}) }))]));
  writeFileAtomic(join(outDir, 'report.md'), renderReportMd(results, assumptionChanges, chartFiles, moves));
  writeFileAtomic(join(outDir, 'report.html'), renderReportHtml(results, chartsById, assumptionChanges, moves, paper));
  files.push('report.md', 'report.html');
  return { files, charts: charts + paper.length, ms: Math.round(performance.now() - t0) };
}
