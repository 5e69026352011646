/**
 * The bridge from the old section checks (theory/claims/*.ts: one function
 * that measured, judged and wrote prose at once) to claim modules. A legacy module's judge only
 * reads back the verdict the old check wrote, so it is NOT an earned verdict: `legacy` marks it,
 * the report says so, and properties/registry.test.ts counts what is left to convert (issue 12).
 */
import type { CheckContext, CheckResult, Claim, ClaimEntry, ClaimModule, EvidenceBase } from './types.ts';

export interface LegacyEvidence extends EvidenceBase {
  result: CheckResult;
}

export type LegacyModule = ClaimModule<LegacyEvidence> & { legacy: true };

function wrap(entry: Omit<ClaimEntry, 'assumptions'>, find: (ctx: CheckContext) => Claim, assumptions: string[]): LegacyModule {
  return {
    legacy: true,
    entry: { ...entry, assumptions },
    // the properties of a legacy claim still live in the section test files (properties/*.test.ts)
    properties: [],
    measure: async (ctx) => {
      const result = await find(ctx).check(ctx);
      return { casesTried: result.casesTried, casesInScope: result.casesInScope, result };
    },
    judge: (e) => e.result.verdict,
    describe: (e) => ({
      summary: e.result.summary ?? '',
      evidence: e.result.evidence,
      notes: e.result.notes,
      counterexample: e.result.counterexample,
      ...(e.result.data ? { data: e.result.data } : {}),
      ...(e.result.charts ? { charts: e.result.charts } : {}),
    }),
    keyNumbers: (e) => ({ casesTried: e.casesTried, casesInScope: e.casesInScope }),
  };
}

/** A claim of a theory or simulation section, wrapped. */
export function legacyClaim(section: Claim[], entry: Omit<ClaimEntry, 'assumptions'>): LegacyModule {
  const old = section.find((c) => c.id === entry.id);
  if (!old) throw new Error(`no section check for ${entry.id}`);
  return wrap(entry, () => old, old.assumptions);
}
