/**
 * `ascent-verify claims [--results FILE] [--json]`: every claim id with its paper reference, what it
 * rests on, and its last verdict (from out/quick/results.json, or --results FILE; "not run" when
 * that file does not exist).
 * `ascent-verify claims show ID [--results FILE] [--json]`: the claim's statement, verdict, summary,
 * counterexample and the command that reproduces it. An unknown id is a one-line error (exit 2)
 * naming the nearest known id.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flagString, parseArgs, UsageError, type Command } from '../args.ts';
import { SPECS } from '../spec.ts';
import { editDistance } from '../../theory/assumptions.ts';
import { defaultRunDir, readJsonFile } from './verify.ts';
import { asResults } from '../../reports/compare.ts';
import { restingOn } from '../../reports/claimGraph.ts';
import type { ClaimRecord } from '../../reports/results.ts';
import { catalogue } from '../../properties/index.ts';

/** Edit distance, case-insensitive (one copy, beside the assumptions' "did you mean"). */
export { editDistance };

/** The known id nearest `id`: one that starts with it if any, else the smallest edit distance. */
export function nearestId(id: string, ids: string[]): string {
  const prefixed = ids.find((k) => k.toLowerCase().startsWith(id.toLowerCase()));
  if (prefixed && id.length >= 2) return prefixed;
  return ids.reduce((best, k) => (editDistance(id, k) < editDistance(id, best) ? k : best), ids[0]!);
}

function lastResults(args: ReturnType<typeof parseArgs>): { path: string; claims: Map<string, ClaimRecord> } | null {
  const given = flagString(args, 'results');
  const path = resolve(given ?? join(defaultRunDir('quick'), 'results.json'));
  if (!given && !existsSync(path)) return null;
  let results;
  try {
    results = asResults(readJsonFile(path, '--results'), `--results "${path}"`);
  } catch (e) {
    throw e instanceof UsageError ? e : new UsageError((e as Error).message);
  }
  return { path, claims: new Map(results.claims.map((c) => [c.id, c])) };
}

export const claimsCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.claims!);
  const [sub, id, ...extra] = args.positional;
  if (sub !== undefined && sub !== 'show') throw new UsageError(`unknown subcommand "${sub}"; use: claims [--results FILE] [--json] | claims show ID [--results FILE] [--json]`);
  if (sub === 'show' && id === undefined) throw new UsageError('claims show needs a claim id (ascent-verify claims lists them)');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const entries = catalogue();
  const ids = entries.map((e) => e.id);
  if (id !== undefined && !ids.includes(id)) throw new UsageError(`unknown claim id "${id}"; nearest: ${nearestId(id, ids)}`);
  const last = lastResults(args);
  const json = args.flags.has('json');

  if (id === undefined) {
    const rows = entries.map((e) => {
      const r = last?.claims.get(e.id);
      return { id: e.id, paperRef: e.paperRef, dependsOn: e.dependsOn, verdict: r?.verdict ?? null, expected: r?.expected ?? null, summary: r?.summary ?? null };
    });
    if (json) {
      io.out(JSON.stringify({ results: last?.path ?? null, claims: rows }));
      return 0;
    }
    io.out(last ? `verdicts from ${last.path}` : 'no results yet (out/quick/results.json is absent: run ascent-verify verify, or give --results FILE)');
    const w = Math.max(...rows.map((r) => r.id.length));
    const p = Math.max(...rows.map((r) => r.paperRef.length));
    for (const r of rows) io.out(`${r.id.padEnd(w)}  ${r.paperRef.padEnd(p)}  ${r.verdict ?? 'not run'}${r.verdict && r.expected && r.verdict !== r.expected ? ` (expected ${r.expected})` : ''}`);
    return 0;
  }

  const entry = entries.find((e) => e.id === id)!;
  const r = last?.claims.get(id) ?? null;
  const resting = restingOn(entries.map((e) => ({ id: e.id, verdict: last?.claims.get(e.id)?.verdict ?? 'inconclusive', dependsOn: e.dependsOn }))).get(id) ?? [];
  const counterexample = r?.counterexample ?? null;
  const reproduce = counterexample && typeof (counterexample as { reproduce?: unknown }).reproduce === 'string' ? (counterexample as { reproduce: string }).reproduce : null;
  if (json) {
    io.out(JSON.stringify({ id, paperRef: entry.paperRef, statement: entry.statement, dependsOn: entry.dependsOn, restingOnIt: resting, assumptions: entry.assumptions, results: last?.path ?? null, verdict: r?.verdict ?? null, expected: r?.expected ?? null, summary: r?.summary ?? null, casesTried: r?.casesTried ?? null, casesInScope: r?.casesInScope ?? null, counterexample, reproduce }));
    return 0;
  }
  const lines = [`${id} (${entry.paperRef})`, `statement: ${entry.statement}`];
  if (entry.dependsOn.length) lines.push(`rests on: ${entry.dependsOn.join(', ')}`);
  if (resting.length) lines.push(`resting on it: ${resting.join(', ')}`);
  if (!r) lines.push(last ? `verdict: not in ${last.path}` : 'verdict: not run yet (run ascent-verify verify, or give --results FILE)');
  else {
    lines.push(`verdict: ${r.verdict}${r.verdict !== r.expected ? ` (expected ${r.expected})` : ''} — cases in scope ${r.casesInScope} of ${r.casesTried} (from ${last!.path})`);
    if (r.summary) lines.push(`summary: ${r.summary}`);
    if (counterexample) {
      const { reproduce: _, ...values } = counterexample as Record<string, unknown>;
      lines.push(`counterexample: ${JSON.stringify(values)}`);
    } else lines.push('counterexample: none');
    if (reproduce) lines.push(`reproduce: ${reproduce}`);
  }
  for (const l of lines) io.out(l);
  return 0;
};
