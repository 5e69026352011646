/** The claim runner (reports/results.ts): judge → verdict, empty scope, errors, key numbers against expectations. */
import { describe, expect, it } from 'vitest';
import { runClaims, movedVerdicts, isCommittedConditions } from '../reports/results.ts';
import { movedKeys, type Expectations } from '../properties/expected.ts';
import { DEFAULTS } from '../properties/arbitraries.ts';
import type { CheckContext, ClaimModule, EvidenceBase, Verdict } from '../properties/types.ts';

interface E extends EvidenceBase { failures: number }
const mod = (id: string, measure: () => E): ClaimModule<E> => ({
  entry: { id, paperRef: 'p', statement: 's', dependsOn: [], assumptions: [] },
  properties: [],
  measure,
  judge: (e): Verdict => (e.failures > 0 ? 'refuted' : 'holds'),
  describe: (e) => ({ summary: `${e.failures} failures`, evidence: `${e.failures} of ${e.casesInScope}`, counterexample: e.failures ? { n: e.failures } : null }),
  keyNumbers: (e) => ({ casesInScope: e.casesInScope, failures: e.failures }),
});
const ctx: CheckContext = { profile: 'quick', seed: 1, assumptions: DEFAULTS, digits: 50, log: () => {} };
const exp = (claims: Expectations['claims']): Expectations => ({ conditions: { seed: 1, profile: 'quick', empirics: 'none' }, claims });

describe('runClaims', () => {
  it('records the judge\'s verdict and the described evidence; a counterexample gets a reproduce command', async () => {
    const [r] = await runClaims([mod('A', () => ({ casesTried: 5, casesInScope: 5, failures: 2 }))], ctx, { expectations: exp({ A: { verdict: 'refuted', key: { casesInScope: 5, failures: 2 } } }), committedConditions: true });
    expect(r!.verdict).toBe('refuted');
    expect(r!.evidence).toBe('2 of 5');
    expect(r!.counterexample).toMatchObject({ n: 2, reproduce: 'ascent-verify verify --claims A --seed 1 --profile quick' });
    expect(movedVerdicts([r!])).toEqual([]);
  });

  it('a "holds" with no case in scope is recorded as inconclusive, saying why', async () => {
    const [r] = await runClaims([mod('A', () => ({ casesTried: 7, casesInScope: 0, failures: 0 }))], ctx, { expectations: exp({ A: { verdict: 'holds', key: { casesInScope: 0, failures: 0 } } }), committedConditions: true });
    expect(r!.verdict).toBe('inconclusive');
    expect(r!.summary).toMatch(/0 of 7 tried/);
    expect(movedVerdicts([r!]).map((x) => x.id)).toEqual(['A']);
  });

  it('a measurement that throws is inconclusive with the error, and counts as moved', async () => {
    const [r] = await runClaims([mod('A', () => { throw new Error('no convergence'); })], ctx, { expectations: exp({ A: { verdict: 'holds', key: {} } }), committedConditions: true });
    expect(r!.verdict).toBe('inconclusive');
    expect(r!.evidence).toMatch(/no convergence/);
    expect(movedVerdicts([r!])).toHaveLength(1);
  });

  it('key numbers are compared only under the committed conditions, and a moved one fails the run with the verdict unchanged', async () => {
    const m = mod('A', () => ({ casesTried: 5, casesInScope: 4, failures: 0 }));
    const e = exp({ A: { verdict: 'holds', key: { casesInScope: 5, failures: 0 } } });
    const [under] = await runClaims([m], ctx, { expectations: e, committedConditions: true });
    expect(under!.verdict).toBe('holds');
    expect(under!.keyMoves).toEqual([{ key: 'casesInScope', expected: 5, got: 4 }]);
    expect(movedVerdicts([under!])).toHaveLength(1);
    const [other] = await runClaims([m], ctx, { expectations: e, committedConditions: false });
    expect(other!.keyMoves).toEqual([]);
  });

  it('throws when a claim has no committed expectation', async () => {
    await expect(runClaims([mod('B', () => ({ casesTried: 1, casesInScope: 1, failures: 0 }))], ctx, { expectations: exp({}), committedConditions: true })).rejects.toThrow(/no entry for B/);
  });
});

describe('movedKeys', () => {
  it('uses the relative tolerance (default 1e−9, per key when committed), and reports missing and new keys', () => {
    expect(movedKeys({ a: 1 + 1e-12 }, { verdict: 'holds', key: { a: 1 } })).toEqual([]);
    expect(movedKeys({ a: 1.001 }, { verdict: 'holds', key: { a: 1 } })).toHaveLength(1);
    expect(movedKeys({ a: 1.001 }, { verdict: 'holds', key: { a: 1 }, tolerance: { a: 0.01 } })).toEqual([]);
    expect(movedKeys({}, { verdict: 'holds', key: { a: 1 } })).toEqual([{ key: 'a', expected: 1, got: undefined }]);
    expect(movedKeys({ b: 2 }, { verdict: 'holds', key: {} })).toEqual([{ key: 'b', expected: undefined, got: 2 }]);
    expect(movedKeys({ a: Number.NaN }, { verdict: 'holds', key: { a: 1 } })).toHaveLength(1);
  });
});

describe('isCommittedConditions', () => {
  it('needs the seed, profile, default assumptions and the committed empirics scale', () => {
    const e = exp({});
    const base = { seed: 1, profile: 'quick', assumptions: { a: 1 }, defaults: { a: 1 }, empiricsScale: null };
    expect(isCommittedConditions(e, base)).toBe(true);
    expect(isCommittedConditions(e, { ...base, seed: 2 })).toBe(false);
    expect(isCommittedConditions(e, { ...base, assumptions: { a: 2 } })).toBe(false);
    expect(isCommittedConditions(e, { ...base, empiricsScale: 'mnist/mlp/quick' })).toBe(false);
  });
});
