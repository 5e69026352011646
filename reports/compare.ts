/**
 * Which claims' verdicts moved between two runs (e.g. before and after changing an assumption),
 * with both evidences, so a user sees what a change did.
 */
import type { Results } from './results.ts';

export interface VerdictMove {
  id: string;
  before: { verdict: string; evidence: string } | null;
  after: { verdict: string; evidence: string } | null;
}

export function compareResults(before: Results, after: Results): VerdictMove[] {
  const old = new Map(before.claims.map((c) => [c.id, c]));
  const now = new Map(after.claims.map((c) => [c.id, c]));
  const ids = [...new Set([...after.claims.map((c) => c.id), ...before.claims.map((c) => c.id)])];
  const moves: VerdictMove[] = [];
  for (const id of ids) {
    const a = old.get(id), b = now.get(id);
    if (a && b && a.verdict === b.verdict) continue;
    moves.push({ id, before: a ? { verdict: a.verdict, evidence: a.evidence } : null, after: b ? { verdict: b.verdict, evidence: b.evidence } : null });
  }
  return moves;
}

/** Structural check of a parsed results.json, so `--compare` on a wrong file fails clearly. */
export function asResults(raw: unknown, what: string): Results {
  const r = raw as Results;
  if (!r || typeof r !== 'object' || !Array.isArray(r.claims) || r.claims.some((c) => typeof c?.id !== 'string' || typeof c?.verdict !== 'string')) {
    throw new Error(`${what} is not a results.json (needs a "claims" array of {id, verdict, …})`);
  }
  return r;
}
