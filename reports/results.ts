/**
 * results.json (design.md, "results.json"): the verdict of every claim with its evidence, and the
 * comparison of each verdict and key number with those committed in properties/expected.json.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AnyClaimModule, CheckContext, Description, EvidenceBase, Verdict } from '../properties/types.ts';
import { movedKeys, type Expectations, type KeyMove } from '../properties/expected.ts';

/** One claim in results.json: the claim's identity and expectation, its evidence and verdict. */
export interface ClaimRecord extends Description {
  id: string;
  paperRef: string;
  statement: string;
  dependsOn: string[];
  verdict: Verdict;
  expected: Verdict;
  casesTried: number;
  casesInScope: number;
  notes: string;
  /** the numbers `npm test` pins, as measured */
  keyNumbers: Record<string, number>;
  /** key numbers that moved from the committed ones (only under the committed conditions) */
  keyMoves: KeyMove[];
  /** false: no expectation applies to this run (reported, not compared) */
  compared: boolean;
  durationMs: number;
}

export interface Results {
  tool: { name: string; version: string; commit: string };
  seed: number;
  profile: string;
  assumptions: unknown;
  startedAt: string;
  durationMs: number;
  claims: ClaimRecord[];
}

export interface RunOptions {
  expectations: Expectations;
  /** whether the run's seed, profile and assumptions are the committed ones (key numbers compared) */
  committedConditions: boolean;
}

/** A claim whose measure throws is reported, not hidden: `inconclusive` with the error, which fails the run. */
async function runOne(m: AnyClaimModule, ctx: CheckContext, opts: RunOptions): Promise<Omit<ClaimRecord, 'durationMs'>> {
  const { entry } = m;
  const exp = opts.expectations.claims[entry.id];
  if (!exp) throw new Error(`properties/expected.json has no entry for ${entry.id}`);
  const base = { id: entry.id, paperRef: entry.paperRef, statement: entry.statement, dependsOn: entry.dependsOn, expected: exp.verdict };
  const assumptionsLine = entry.assumptions.length ? `Assumptions: ${entry.assumptions.join('; ')}.` : '';
  let evidence: EvidenceBase;
  try {
    evidence = await m.measure(ctx);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ...base, verdict: 'inconclusive', casesTried: 0, casesInScope: 0, summary: 'the measurement failed', counterexample: null, evidence: `the measurement failed with an error: ${msg}`, notes: assumptionsLine, keyNumbers: {}, keyMoves: [], compared: true };
  }
  const judged = m.judge(evidence, ctx.assumptions);
  // design.md: "holds" means no counterexample among the cases in scope; with none in scope nothing
  // was judged (an assumptions file can empty a claim's scope), whatever a judge says
  const emptyScope = judged === 'holds' && evidence.casesInScope === 0;
  const verdict: Verdict = emptyScope ? 'inconclusive' : judged;
  const d: Description = emptyScope
    ? { summary: `No case lay in the claim's scope (0 of ${evidence.casesTried} tried): nothing to judge under these assumptions.`, evidence: `The judge found no counterexample, but 0 of the ${evidence.casesTried} cases tried lay inside the claim's stated scope, so "holds" would rest on nothing.`, counterexample: null }
    : m.describe(evidence, verdict);
  const keyNumbers = m.keyNumbers(evidence);
  const compared = m.compared ? m.compared(ctx, evidence) : true;
  return {
    ...base,
    verdict,
    expected: compared ? exp.verdict : verdict,
    casesTried: evidence.casesTried,
    casesInScope: evidence.casesInScope,
    summary: d.summary,
    evidence: d.evidence,
    // every counterexample names a command that reproduces it: the claim's own run when no narrower one exists
    counterexample: d.counterexample && !('reproduce' in d.counterexample) ? { ...d.counterexample, reproduce: `ascent-verify verify --claims ${entry.id} --seed ${ctx.seed} --profile ${ctx.profile}` } : d.counterexample,
    notes: [assumptionsLine, d.notes ?? ''].filter(Boolean).join(' '),
    ...(d.data ? { data: d.data } : {}),
    ...(d.charts?.length ? { charts: d.charts } : {}),
    keyNumbers,
    keyMoves: compared && opts.committedConditions ? movedKeys(keyNumbers, exp) : [],
    compared,
  };
}

export async function runClaims(
  modules: AnyClaimModule[],
  ctx: CheckContext,
  opts: RunOptions,
  onProgress: (i: number, n: number, m: AnyClaimModule, record?: ClaimRecord) => void = () => {},
): Promise<ClaimRecord[]> {
  const out: ClaimRecord[] = [];
  for (const [i, m] of modules.entries()) {
    onProgress(i, modules.length, m);
    const t0 = performance.now();
    const r = await runOne(m, ctx, opts);
    const record: ClaimRecord = { ...r, durationMs: Math.round(performance.now() - t0) };
    out.push(record);
    onProgress(i, modules.length, m, record);
  }
  return out;
}

/** Claims whose verdict differs from the committed expectation, or whose key numbers moved. */
export function movedVerdicts(records: ClaimRecord[]): ClaimRecord[] {
  return records.filter((r) => r.verdict !== r.expected || r.keyMoves.length > 0);
}

/** Whether a run's conditions are those under which properties/expected.json was committed. */
export function isCommittedConditions(exp: Expectations, run: { seed: number; profile: string; assumptions: unknown; defaults: unknown; empiricsScale: string | null }): boolean {
  return run.seed === exp.conditions.seed && run.profile === exp.conditions.profile && isDeepStrictEqual(run.assumptions, run.defaults) && (run.empiricsScale ?? 'none') === exp.conditions.empirics;
}
