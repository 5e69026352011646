/**
 * results.json (design.md, "results.json"): the verdict of every claim with its evidence, and the
 * comparison of each verdict with the one this suite committed as expected.
 */
import type { Claim, CheckContext, CheckResult } from '../theory/claims/types.ts';

/** One claim in results.json: the claim's identity and expectation, and its check's result. */
export interface ClaimRecord extends Pick<Claim, 'id' | 'paperRef' | 'statement' | 'expected'>, CheckResult {
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

/** A check that throws is reported, not hidden: `inconclusive` with the error, which then fails the run. */
async function runCheck(claim: Claim, ctx: CheckContext): Promise<CheckResult> {
  try {
    const r = await claim.check(ctx);
    return r;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { verdict: 'inconclusive', casesTried: 0, casesInScope: 0, counterexample: null, evidence: `the check failed with an error: ${msg}`, notes: '' };
  }
}

export async function runClaims(
  claims: Claim[],
  ctx: CheckContext,
  onProgress: (i: number, n: number, claim: Claim, record?: ClaimRecord) => void = () => {},
): Promise<ClaimRecord[]> {
  const out: ClaimRecord[] = [];
  for (const [i, claim] of claims.entries()) {
    onProgress(i, claims.length, claim);
    const t0 = performance.now();
    const r = await runCheck(claim, ctx);
    const record: ClaimRecord = {
      id: claim.id,
      paperRef: claim.paperRef,
      statement: claim.statement,
      verdict: r.verdict,
      expected: claim.expected,
      casesTried: r.casesTried,
      casesInScope: r.casesInScope,
      // every counterexample names a command that reproduces it: the claim's own run when no narrower one exists
      counterexample: r.counterexample && !('reproduce' in r.counterexample) ? { ...r.counterexample, reproduce: `ascent-verify verify --claims ${claim.id} --seed ${ctx.seed} --profile ${ctx.profile}` } : r.counterexample,
      evidence: r.evidence,
      ...(r.summary ? { summary: r.summary } : {}),
      notes: [claim.assumptions.length ? `Assumptions: ${claim.assumptions.join('; ')}.` : '', r.notes].filter(Boolean).join(' '),
      durationMs: Math.round(performance.now() - t0),
      ...(r.data ? { data: r.data } : {}),
      ...(r.charts?.length ? { charts: r.charts } : {}),
    };
    out.push(record);
    onProgress(i, claims.length, claim, record);
  }
  return out;
}

/** Claims whose verdict differs from the committed expectation. */
export function movedVerdicts(records: ClaimRecord[]): ClaimRecord[] {
  return records.filter((r) => r.verdict !== r.expected);
}
