/**
 * `ascent-verify report [--results FILE] [--out DIR] [--format all|html|md|csv|latex] [--compare OLD/results.json] [--json]`:
 * rebuilds the report from a results.json: report.md, report.html and charts/ (the default, `all`),
 * one of them (`html`, `md`, each with its charts), or the verdict table alone as verdicts.csv
 * (`csv`) or verdicts.tex (`latex`, booktabs). With --compare it lists the claims whose verdict
 * moved between the two runs, with both evidences. The default results file is the one `verify`
 * writes by default (out/quick/results.json). The output directory is checked before any work and
 * replaced whole (empirics/io/stagedDir.ts) with a copy of the results it was built from, so it
 * holds one consistent run: what this format produced from those results, nothing older.
 */
import { dirname, join, resolve } from 'node:path';
import { choice, flagString, parseArgs, readText, UsageError, type Command } from '../args.ts';
import { SPECS } from '../spec.ts';
import { readJsonFile, loadAssumptions, defaultRunDir } from './verify.ts';
import { checkOutDir, writeRunDir } from '../../empirics/io/stagedDir.ts';
import { buildReport, empiricsOfResults, renderClaimCharts, renderPaperFigures } from '../../reports/build.ts';
import { asResults, compareResults } from '../../reports/compare.ts';
import { expandResults } from '../../reports/compact.ts';
import { verdictsCsv, verdictsLatex } from '../../reports/exports.ts';
import { renderReportHtml } from '../../reports/reportHtml.ts';
import { renderReportMd } from '../../reports/reportMd.ts';
import { writeFileAtomic } from '../../empirics/io/atomicWrite.ts';
import { assumptionDiff, validateAssumptions } from '../../theory/assumptions.ts';

/** The success factor the results were measured under (the defaults' when their assumptions do not read). */
function successFactorOf(raw: unknown, defaults: unknown): number {
  try {
    return validateAssumptions(raw as Parameters<typeof validateAssumptions>[0]).empirics.successFactor;
  } catch {
    return validateAssumptions(defaults as Parameters<typeof validateAssumptions>[0]).empirics.successFactor;
  }
}

const FORMATS = ['all', 'html', 'md', 'csv', 'latex'] as const;

function resultsFrom(path: string, what: string) {
  try {
    return expandResults(asResults(readJsonFile(path, what), `${what} "${path}"`));
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

export const reportCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.report!);
  const format = choice(flagString(args, 'format') ?? 'all', '--format', FORMATS);
  const resultsPath = resolve(flagString(args, 'results') ?? join(defaultRunDir('quick'), 'results.json'));
  const outDir = resolve(flagString(args, 'out') ?? dirname(resultsPath));
  checkOutDir(outDir);
  const current = resultsFrom(resultsPath, '--results');
  const resultsText = readText(resultsPath, '--results');
  const comparePath = flagString(args, 'compare');
  const old = comparePath === undefined ? null : resultsFrom(resolve(comparePath), '--compare');
  const { defaults } = loadAssumptions(undefined);
  const moves = old ? compareResults(old, current) : null;
  const changes = assumptionDiff(current.assumptions, defaults);
  // Figures 1, 2, 6, 7 from the empirics run the results were measured on, when it is still on disk
  const run = format === 'all' || format === 'html' ? empiricsOfResults(current) : null;
  const paperEmpirics = run ? { summary: run.summary, successFactor: successFactorOf(current.assumptions, defaults) } : null;
  const t0 = performance.now();
  let built: { files: string[]; charts: number; ms: number };
  if (format === 'csv' || format === 'latex') {
    // a verdict table beside the run: one file, written atomically; the next run drops it
    const file = format === 'csv' ? 'verdicts.csv' : 'verdicts.tex';
    writeFileAtomic(join(outDir, file), format === 'csv' ? verdictsCsv(current) : verdictsLatex(current));
    built = { files: [file], charts: 0, ms: Math.round(performance.now() - t0) };
  } else {
    // the run directory holds the results the report was built from, so it is one consistent run
    built = writeRunDir(outDir, (stage) => {
      writeFileAtomic(join(stage, 'results.json'), resultsText);
      if (format === 'all') return buildReport(current, stage, changes, moves, paperEmpirics);
      const files: string[] = [];
      const charts = renderClaimCharts(current, stage, files);
      if (format === 'html') writeFileAtomic(join(stage, 'report.html'), renderReportHtml(current, charts, changes, moves, renderPaperFigures(stage, files, paperEmpirics)));
      else writeFileAtomic(join(stage, 'report.md'), renderReportMd(current, changes, new Map([...charts].map(([id, l]) => [id, l.map((x) => ({ file: x.file, svgFile: x.svgFile, title: x.title, ...(x.sameAs ? { sameAs: x.sameAs } : {}) }))])), moves));
      files.push(format === 'html' ? 'report.html' : 'report.md');
      return { files, charts: (files.length - 1) / 2, ms: Math.round(performance.now() - t0) };
    });
  }
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ outDir, format, files: built.files, ms: built.ms, moved: moves }));
    return 0;
  }
  io.out(format === 'csv' || format === 'latex'
    ? `wrote ${join(outDir, built.files[0]!)}`
    : `wrote ${built.files.length} files to ${outDir} in ${(built.ms / 1000).toFixed(1)} s (${format === 'all' ? 'report.html, report.md' : built.files[built.files.length - 1]}, ${built.charts} charts as PNG and SVG)`);
  if (moves) {
    io.out(moves.length ? `${moves.length} verdict(s) moved since ${comparePath}:` : `no verdict moved since ${comparePath}`);
    for (const m of moves) {
      io.out(`  ${m.id}: ${m.before?.verdict ?? 'absent'} → ${m.after?.verdict ?? 'absent'}`);
      if (m.before) io.out(`    before: ${m.before.evidence}`);
      if (m.after) io.out(`    after:  ${m.after.evidence}`);
    }
  }
  return 0;
};
