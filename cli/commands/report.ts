/**
 * `ascent-verify report [--results FILE] [--out DIR] [--compare OLD/results.json] [--json]`:
 * rebuilds report.md, report.html and charts/ from a results.json, and with --compare lists the
 * claims whose verdict moved between the two runs, with both evidences.
 */
import { dirname, resolve } from 'node:path';
import { allowOnly, flagString, parseArgs, UsageError, type Command } from '../args.ts';
import { readJsonFile, loadAssumptions } from './verify.ts';
import { buildReport } from '../../reports/build.ts';
import { asResults, compareResults } from '../../reports/compare.ts';
import { expandResults } from '../../reports/compact.ts';
import { assumptionDiff } from '../../theory/assumptions.ts';

function resultsFrom(path: string, what: string) {
  try {
    return expandResults(asResults(readJsonFile(path, what), `${what} "${path}"`));
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
}

export const reportCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  allowOnly(args, ['results', 'out', 'compare', 'json']);
  const resultsPath = resolve(flagString(args, 'results') ?? 'out/quick/results.json');
  const current = resultsFrom(resultsPath, '--results');
  const comparePath = flagString(args, 'compare');
  const old = comparePath === undefined ? null : resultsFrom(resolve(comparePath), '--compare');
  const outDir = resolve(flagString(args, 'out') ?? dirname(resultsPath));
  const { defaults } = loadAssumptions(undefined);
  const moves = old ? compareResults(old, current) : null;
  const built = buildReport(current, outDir, assumptionDiff(current.assumptions, defaults), moves);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ outDir, files: built.files, ms: built.ms, moved: moves }));
    return 0;
  }
  io.out(`wrote ${built.files.length} files to ${outDir} in ${(built.ms / 1000).toFixed(1)} s (report.html, report.md, ${built.charts} charts)`);
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
