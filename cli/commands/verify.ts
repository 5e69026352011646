/**
 * `ascent-verify verify`: runs every claim's check and writes results.json, report.md, report.html
 * and charts/ into one run directory (default out/PROFILE, where `report` looks), staged and renamed
 * into place (empirics/io/stagedDir.ts), so the directory always holds one whole run; --out is
 * checked before any work. Exits 1 when any verdict moved from the one this suite committed.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { choice, flagString, intValue, parseArgs, readText, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { formatSeconds } from '../progress.ts';
import { SPECS } from '../spec.ts';
import { validateAssumptions, assumptionDiff, AssumptionsError, type Assumptions } from '../../theory/assumptions.ts';
import { allClaims } from '../../properties/index.ts';
import { loadExpectations } from '../../properties/expected.ts';
import type { Profile } from '../../properties/types.ts';
import { runClaims, movedVerdicts, isCommittedConditions, type Results } from '../../reports/results.ts';
import { buildReport } from '../../reports/build.ts';
import { serializeResults } from '../../reports/compact.ts';
import { writeFileAtomic } from '../../empirics/io/atomicWrite.ts';
import { checkOutDir, writeRunDir } from '../../empirics/io/stagedDir.ts';
import { latestSummary, readSummary, scaleKey } from '../../empirics/unlearn/summaryIO.ts';
import type { EmpiricsSummary } from '../../empirics/unlearn/summary.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** A JSON file (a UTF-8 BOM allowed); one-line UsageErrors naming `what`. */
export function readJsonFile(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${what} "${path}" is not valid JSON (${(e as Error).message})`);
  }
}

/** The run directory `verify` writes and `report` reads when neither is told otherwise. */
export const defaultRunDir = (profile: string): string => join(ROOT, 'out', profile);

export function loadAssumptions(path: string | undefined): { assumptions: Assumptions; raw: unknown; defaults: unknown } {
  const defaults = readJsonFile(join(ROOT, 'assumptions.json'), 'the default assumptions file');
  const raw = path === undefined ? defaults : readJsonFile(path, '--assumptions file');
  try {
    return { assumptions: validateAssumptions(raw), raw, defaults };
  } catch (e) {
    if (e instanceof AssumptionsError && path !== undefined) throw new AssumptionsError(`${path}: ${e.message}`);
    throw e;
  }
}

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** This tool's identity for results.json, run.json and --version: package name, version, commit. */
export function toolInfo(): { name: string; version: string; commit: string } {
  const pkg = readJsonFile(join(ROOT, 'package.json'), 'package.json') as { name: string; version: string };
  return { name: pkg.name, version: pkg.version, commit: gitCommit() };
}

/**
 * The empirics results the E.* claims read: `--empirics DIR` (a run directory holding summary.json),
 * `--empirics none`, or by default the newest out/empirics/*\/summary.json.
 */
function findEmpirics(flag: string | undefined): { path: string; summary: EmpiricsSummary } | null {
  if (flag === 'none') return null;
  if (flag === undefined) return latestSummary(join(ROOT, 'out/empirics'));
  const f = join(resolve(flag), 'summary.json');
  if (!existsSync(f)) throw new UsageError(`--empirics must be a run directory holding summary.json (from ascent-verify empirics) or "none"; "${flag}" has no summary.json`);
  try {
    return { path: f, summary: readSummary(f) };
  } catch (e) {
    throw new UsageError(`--empirics "${flag}": ${(e as Error).message.split('\n')[0]}`);
  }
}

export const verifyCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.verify!);
  const profile = choice(flagString(args, 'profile') ?? 'quick', '--profile', ['quick', 'full'] as const) as Profile;
  const seedFlag = flagString(args, 'seed');
  const seed = intValue(seedFlag ?? process.env.SEED ?? '20251126', seedFlag === undefined && process.env.SEED !== undefined ? 'SEED (environment)' : '--seed', DOMAINS.seedVerify);
  const outDir = resolve(flagString(args, 'out') ?? defaultRunDir(profile));
  checkOutDir(outDir);
  const { assumptions, raw, defaults } = loadAssumptions(flagString(args, 'assumptions'));
  // every argument is checked before anything is said about the run
  let claims = allClaims();
  const only = flagString(args, 'claims');
  if (only !== undefined) {
    const ids = only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = ids.filter((id) => !claims.some((c) => c.entry.id === id));
    if (unknown.length || !ids.length) throw new UsageError(`--claims must list known claim ids separated by commas; unknown: ${unknown.join(', ') || '(none given)'}`);
    claims = claims.filter((c) => ids.includes(c.entry.id));
  }
  const empirics = findEmpirics(flagString(args, 'empirics'));
  if (empirics) io.progress?.(`verify: empirical claims from ${empirics.path}`);
  const expectations = loadExpectations();
  const committedConditions = isCommittedConditions(expectations, { seed, profile, assumptions: raw, defaults, empiricsScale: empirics ? scaleKey(empirics.summary) : null });
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  io.progress?.(`verify: ${claims.length} claims, profile ${profile}, seed ${seed}, ${assumptions.precision.digits} digits → ${outDir}`);
  if (!committedConditions) io.progress?.('verify: seed, profile, assumptions or empirics run differ from those properties/expected.json was committed under: verdicts are compared, key numbers are not');
  const ctx = { profile, seed, assumptions, digits: assumptions.precision.digits, log: (m: string) => io.progress?.(m), empirics };
  const records = await runClaims(claims, ctx, { expectations, committedConditions }, (i, n, m, rec) => {
    if (!rec) return;
    // time left: the mean time per claim so far times the claims still to run
    const elapsed = (performance.now() - t0) / 1000;
    const left = i + 1 < n ? `; ~${formatSeconds((elapsed / (i + 1)) * (n - i - 1))} left` : '';
    io.progress?.(`[${String(i + 1).padStart(2)}/${n}] ${m.entry.id.padEnd(28)} ${rec.verdict.padEnd(18)}${rec.verdict === rec.expected ? '' : ` (expected ${rec.expected})`}${rec.keyMoves.length ? ` (${rec.keyMoves.length} key numbers moved)` : ''} ${(rec.durationMs / 1000).toFixed(1)} s${left}`);
  });
  const results: Results = {
    tool: toolInfo(),
    seed,
    profile,
    assumptions: raw,
    startedAt,
    durationMs: Math.round(performance.now() - t0),
    claims: records,
  };
  const built = writeRunDir(outDir, (stage) => {
    writeFileAtomic(join(stage, 'results.json'), serializeResults(results));
    return buildReport(results, stage, assumptionDiff(raw, defaults), null, empirics ? { summary: empirics.summary, successFactor: assumptions.empirics.successFactor } : null);
  });
  io.progress?.(`report: ${built.files.length} files (${built.charts} charts) in ${(built.ms / 1000).toFixed(1)} s`);
  const moved = movedVerdicts(records);
  for (const m of moved) {
    if (m.verdict !== m.expected) io.err(`MOVED ${m.id}: expected ${m.expected}, got ${m.verdict}. Evidence: ${m.evidence}`);
    for (const k of m.keyMoves) io.err(`MOVED ${m.id} key number ${k.key}: expected ${k.expected ?? '(none committed)'}, got ${k.got ?? '(not measured)'}. Evidence: ${m.evidence}`);
  }
  if (args.flags.has('json')) io.out(JSON.stringify(results));
  else io.out(`${records.length - moved.length} of ${records.length} verdicts as expected; wrote ${join(outDir, 'results.json')}, report.md and report.html in ${(results.durationMs / 1000).toFixed(1)} s`);
  io.err(`claims: ${records.length - moved.length} passed, ${moved.length} failed`);
  return moved.length ? 1 : 0;
};
