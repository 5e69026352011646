/**
 * results.json → report.md, report.html and charts/ (each chart as PNG for the report and SVG for
 * papers) in one directory, every file written atomically. Used by `verify` after a run and by
 * `report` on an existing results.json. A chart identical to one already drawn (another claim's,
 * from the same data) is drawn once and referenced from both claims.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../empirics/io/atomicWrite.ts';
import { renderChartPng, renderChartSvg } from './charts.ts';
import { chartKey } from './compact.ts';
import { renderReportHtml, type EmbeddedChart, type PaperFigure } from './reportHtml.ts';
import { EMPIRICS_CAPTIONS, EMPIRICS_FIGURES, FIGURE4_CAPTION, FIGURE4_CONFIGS, FIGURE5_CAPTION, empiricsFigure, figure4Rows, figure4Spec, figure5 } from './paperFigures.ts';
import { readSummary } from '../empirics/unlearn/summaryIO.ts';
import type { EmpiricsSummary } from '../empirics/unlearn/summary.ts';
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

/** The empirics run a results.json's E.* claims read (their data.scale.results), when that file is still there. */
export function empiricsOfResults(results: Results): { path: string; summary: EmpiricsSummary } | null {
  for (const c of results.claims) {
    const path = (c.data?.scale as { results?: unknown } | undefined)?.results;
    if (typeof path !== 'string' || !existsSync(path)) continue;
    try {
      return { path, summary: readSummary(path) };
    } catch {
      continue;
    }
  }
  return null;
}

/** What the report draws Figures 1, 2, 6, 7 from, and the success factor their corners mark. */
export interface PaperEmpirics {
  summary: EmpiricsSummary;
  successFactor: number;
}

/**
 * The paper's figures redrawn (reports/paperFigures.ts) for the report, beside the paper's
 * captions, in the paper's order: Figures 1, 6, 7 on every forget set and Figure 2 on the smallest
 * random one (when an empirics run is given), Figure 4 at both declared configurations, Figure 5
 * under every link reading. Both Figure 4s and the first picture of every other figure are embedded
 * in the HTML, the rest are
 * linked files, to keep report.html under 1 MB.
 */
export function renderPaperFigures(outDir: string, files: string[] = [], empirics: PaperEmpirics | null = null): PaperFigure[] {
  const fromRun = (n: (typeof EMPIRICS_FIGURES)[number]) => (empirics ? empiricsFigure(n, empirics.summary, empirics.successFactor).map(({ spec }) => ({ figure: n, paperCaption: EMPIRICS_CAPTIONS[n], spec })) : []);
  // the paper's Figure 1 is an influence forget set: that one first, so it is the one embedded
  const influenceFirst = (xs: ReturnType<typeof fromRun>) => [...xs].sort((a, b) => Number(!a.spec.id.startsWith('figure1-influence')) - Number(!b.spec.id.startsWith('figure1-influence')));
  const specs = [
    ...influenceFirst(fromRun(1)),
    ...fromRun(2),
    ...Object.entries(FIGURE4_CONFIGS).map(([name, s]) => ({ figure: 4, paperCaption: FIGURE4_CAPTION, spec: figure4Spec(`figure4-${name}`, s, figure4Rows(s, { min: 0.05, max: 0.95, points: 19 }, 120)) })),
    ...Object.keys(LINKS).map((l) => ({ figure: 5, paperCaption: FIGURE5_CAPTION, spec: figure5(l).spec })),
    ...fromRun(6),
    ...fromRun(7),
  ];
  return specs.map(({ figure, paperCaption, spec }, i) => {
    const file = join('charts', chartFileName(spec.id)), svgFile = join('charts', chartFileName(spec.id, 'svg'));
    const png = renderChartPng(spec);
    writeFileAtomic(join(outDir, file), png);
    writeFileAtomic(join(outDir, svgFile), renderChartSvg(spec));
    files.push(file, svgFile);
    const embed = figure === 4 || i === 0 || specs[i - 1]!.figure !== figure;
    return { figure, paperCaption, chart: { id: spec.id, title: spec.title, ...(spec.caption ? { caption: spec.caption } : {}), file, svgFile, png }, embed };
  });
}

export function buildReport(results: Results, outDir: string, assumptionChanges: { path: string; value: unknown; default: unknown }[], moves: VerdictMove[] | null = null, empirics: PaperEmpirics | null = null): BuiltReport {
  const t0 = performance.now();
  const files: string[] = [];
  const chartsById = renderClaimCharts(results, outDir, files);
  const charts = files.length / 2;
  const paper = renderPaperFigures(outDir, files, empirics);
  const chartFiles = new Map([...chartsById.entries()].map(([id, l]) => [id, l.map((x) => ({ file: x.file, svgFile: x.svgFile, title: x.title, ...(x.sameAs ? { sameAs: x.sameAs } : {}) }))]));
  writeFileAtomic(join(outDir, 'report.md'), renderReportMd(results, assumptionChanges, chartFiles, moves));
  writeFileAtomic(join(outDir, 'report.html'), renderReportHtml(results, chartsById, assumptionChanges, moves, paper));
  files.push('report.md', 'report.html');
  return { files, charts: charts + paper.length, ms: Math.round(performance.now() - t0) };
}
