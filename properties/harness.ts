/**
 * Test helpers every <claim-id>.test.ts uses, so each claim is tested the same way:
 *  - `countedProperty`: a fast-check property whose body says, per drawn case, whether the claim's
 *    conclusion was asserted there; the test fails when fewer than `floor` cases were asserted (a
 *    property whose inputs mostly fall outside its scope tests nothing). The seed is in the title
 *    and fast-check prints seed and path on failure, so `SEED=<seed> npx vitest run <file>` replays.
 *  - `judgeReaches`: the module's pure judge on evidence built by construction, one case per verdict
 *    it can return; the verdicts covered plus the module's `unreachable` must be all four.
 */
import { expect, it } from 'vitest';
import fc from 'fast-check';
import { fcParams, seedTag } from './seed.ts';
import { DEFAULTS } from './arbitraries.ts';
import { VERDICTS, type ClaimModule, type ClaimProperty, type EvidenceBase, type Verdict } from './types.ts';
import type { Assumptions } from '../theory/assumptions.ts';

export type Asserted = 'asserted' | 'out-of-scope';

export interface CountedOptions {
  runs?: { quick: number; full: number };
  /** the least fraction of drawn cases in which the conclusion must have been asserted */
  floor: number;
}

/** `it(title)`: for every drawn x, body(x) asserts the conclusion (expect) and says whether it did. */
export function countedProperty<T>(title: string, arb: fc.Arbitrary<T>, body: (x: T) => Asserted, opts: CountedOptions): void {
  it(`${title} ${seedTag}`, () => {
    let drawn = 0;
    let asserted = 0;
    const params = fcParams<[T]>(opts.runs);
    fc.assert(
      fc.property(arb, (x) => {
        drawn++;
        if (body(x) === 'asserted') asserted++;
      }),
      params,
    );
    // shrinking re-runs the body; count only the final pass over numRuns draws
    expect(drawn, 'the property drew no case').toBeGreaterThan(0);
    const fraction = asserted / drawn;
    expect(fraction, `conclusion asserted in ${asserted} of ${drawn} drawn cases, under the floor ${opts.floor} ${seedTag}`).toBeGreaterThanOrEqual(opts.floor);
  });
}

/** Every property a claim module exports, each as a counted test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function claimProperties(m: ClaimModule<any>): void {
  it(`${m.entry.id} exports at least one property`, () => expect(m.properties.length).toBeGreaterThan(0));
  for (const p of m.properties as ClaimProperty[]) countedProperty(`${m.entry.id}: ${p.title}`, p.arbitrary, p.body, { floor: p.floor, ...(p.runs ? { runs: p.runs } : {}) });
}

export interface JudgeCase<E> {
  /** what the evidence shows, in words (becomes the test title) */
  name: string;
  evidence: E;
  verdict: Verdict;
  assumptions?: Assumptions;
}

/** One test per case, then one that the cases and `unreachable` together cover every verdict. */
export function judgeReaches<E extends EvidenceBase>(m: ClaimModule<E>, cases: NoInfer<JudgeCase<E>>[]): void {
  for (const c of cases) {
    it(`${m.entry.id} judge: ${c.name} → ${c.verdict}`, () => {
      expect(m.judge(c.evidence, c.assumptions ?? DEFAULTS)).toBe(c.verdict);
      // describe must accept every evidence the judge accepts, and write from it
      const d = m.describe(c.evidence, c.verdict);
      expect(d.summary.length).toBeGreaterThan(0);
      expect(d.evidence.length).toBeGreaterThan(0);
      if (c.verdict === 'refuted' || c.verdict === 'holds-with-caveat') expect(d.counterexample, 'a refuted or caveat verdict carries a counterexample').not.toBeNull();
    });
  }
  it(`${m.entry.id} judge: every verdict is reached by a case above or declared unreachable with a reason`, () => {
    const reached = new Set(cases.map((c) => c.verdict));
    for (const v of VERDICTS) {
      const why = m.unreachable?.[v];
      if (why !== undefined) {
        expect(reached.has(v), `${v} is declared unreachable but a case reaches it`).toBe(false);
        expect(why.length, `the reason ${v} is unreachable`).toBeGreaterThan(10);
      } else expect(reached.has(v), `no case reaches ${v}`).toBe(true);
    }
  });
}
