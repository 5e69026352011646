/**
 * Test helpers for the empirical claims (tests only: imports vitest). Evidence built by construction
 * around a claim's own measurement `m`, and the frame every empirical claim applies
 * (properties/empirics-common.ts): no run, too few models, a scale with no committed expectation.
 */
import { expect, it } from 'vitest';
import type { EvidenceBase } from './types.ts';
import type { BootstrapReading, EmpiricsEvidence, RunInfo } from './empirics-common.ts';
import type { Verdict } from './types.ts';
import type { JudgeCase } from './harness.ts';
import { A } from './empirics-arbitraries.ts';
import { DEFAULTS } from './arbitraries.ts';
import type { ClaimModule } from './types.ts';

export function runFixture(models = 20, committed = true): RunInfo {
  return { path: '(built)', scale: committed ? 'mnist/mlp/n100' : 'cifar10/resnet9/full', label: `mnist, mlp, N = ${models}`, models, profile: 'quick', dataset: 'mnist', model: 'mlp', seed: 1, committed, record: { dataset: 'mnist', model: 'mlp', models } };
}

/** Evidence of a run with `models` models per side holding the claim's measurement `m`. */
export const onRun = <M extends EvidenceBase>(m: M, models = 20, committed = true): EmpiricsEvidence<M> => ({ casesTried: m.casesTried, casesInScope: m.casesInScope, run: runFixture(models, committed), m, minModels: A.minModels });

/** The frame's two inconclusive cases: no run, and a run with fewer than minModels models per side. */
export function frameCases<M extends EvidenceBase>(m: M): JudgeCase<EmpiricsEvidence<M>>[] {
  return [
    { name: 'no empirics run was found', evidence: { casesTried: 0, casesInScope: 0, run: null, m: null, minModels: A.minModels }, verdict: 'inconclusive' },
    { name: `a run with ${A.minModels - 1} models per side`, evidence: onRun(m, A.minModels - 1), verdict: 'inconclusive' },
  ];
}

/** What the frame writes: the command without a run, the model count with too few, the reproduce command, and "reported, not compared". */
export function frameTests<M extends EvidenceBase>(claim: ClaimModule<EmpiricsEvidence<M>>, m: M): void {
  const id = claim.entry.id;
  it(`${id}: without a run the description names the command that produces one; nothing is compared`, () => {
    const e: EmpiricsEvidence<M> = { casesTried: 0, casesInScope: 0, run: null, m: null, minModels: A.minModels };
    expect(claim.describe(e, 'inconclusive').evidence).toMatch(/ascent-verify empirics --profile quick/);
    expect(claim.compared!({} as never, e)).toBe(false);
  });
  it(`${id}: with too few models the evidence says N = ${A.minModels - 1} < ${A.minModels} and names the scale`, () => {
    const d = claim.describe(onRun(m, A.minModels - 1), 'inconclusive');
    expect(d.evidence).toMatch(new RegExp(`N = ${A.minModels - 1} < ${A.minModels}`));
    expect(d.data?.scale).toMatchObject({ dataset: 'mnist', model: 'mlp' });
  });
  it(`${id}: a run at a scale with no committed expectation is reported, not compared`, () => {
    const e = onRun(m, 20, false);
    expect(claim.compared!({} as never, e)).toBe(false);
    expect(claim.describe(e, claim.judge(e, DEFAULTS)).notes).toMatch(/reported, not compared/);
    expect(claim.compared!({} as never, onRun(m))).toBe(true);
  });
}

/** A refuted or caveat description carries the command that re-runs the empirics and verify for the claim. */
export function reproduces<M extends EvidenceBase>(claim: ClaimModule<EmpiricsEvidence<M>>, e: EmpiricsEvidence<M>): void {
  it(`${claim.entry.id}: its counterexample carries the reproduce command`, () => {
    const v = claim.judge(e, DEFAULTS);
    expect(['refuted', 'holds-with-caveat']).toContain(v);
    expect(String(claim.describe(e, v).counterexample?.reproduce)).toMatch(new RegExp(`ascent-verify empirics --profile quick .*&& ascent-verify verify --empirics DIR --claims ${claim.entry.id.replace('.', '\\.')}`));
  });
}

/** A bootstrap reading built by construction: `split` replicates of 200 reach `other`, the rest `point`. */
export const reading = (point: Verdict, other: Verdict, split: number, intervals: Record<string, [number, number]> = {}): BootstrapReading =>
  ({ point, replicates: 200, level: 0.95, verdicts: split ? { [point]: 200 - split, [other]: split } : { [point]: 200 }, intervals });

/**
 * The frame's reading of the bootstrap on evidence whose point verdict is `point` (judged on `m`):
 * 200 of 200 replicates agreeing keep it, 5 of 200 elsewhere (2.5%: the interval touches the threshold)
 * still keep it, 6 of 200 make it inconclusive with the point verdict and the intervals in the text.
 */
export function bootstrapTests<M extends EvidenceBase>(claim: ClaimModule<EmpiricsEvidence<M>>, m: M, other: Verdict): void {
  const id = claim.entry.id;
  const point = claim.judge(onRun(m), DEFAULTS);
  it(`${id}: a verdict stands when at least 97.5% of 200 bootstrap replicates reach it, and is inconclusive when its interval straddles the threshold`, () => {
    expect(point).not.toBe('inconclusive');
    expect(claim.judge({ ...onRun(m), bootstrap: reading(point, other, 0) }, DEFAULTS)).toBe(point);
    expect(claim.judge({ ...onRun(m), bootstrap: reading(point, other, 5) }, DEFAULTS)).toBe(point);
    const straddles = { ...onRun(m), bootstrap: reading(point, other, 6, { 'some.count': [0, 3] }) };
    expect(claim.judge(straddles, DEFAULTS)).toBe('inconclusive');
    const d = claim.describe(straddles, 'inconclusive');
    expect(d.evidence).toMatch(new RegExp(`On the point estimates the verdict would be ${point}`));
    expect(d.evidence).toMatch(new RegExp(`${point} 194, ${other} 6`));
    expect(d.summary).toMatch(/not decided at 95% confidence/);
    expect(d.counterexample).toBeNull();
    // the prose is the point verdict's (the same summary the claim writes without replicates), with the confidence noted
    expect(d.summary.startsWith(claim.describe(onRun(m), point).summary)).toBe(true);
  });
}

/** Point estimates that hold, replicates split between holds and its caveat: holds-with-caveat, the split as the counterexample. */
export function bootstrapCaveatTest<M extends EvidenceBase>(claim: ClaimModule<EmpiricsEvidence<M>>, m: M): void {
  it(`${claim.entry.id}: replicates split between holds and holds-with-caveat leave the claim standing with its caveat, which cannot be excluded`, () => {
    expect(claim.judge(onRun(m), DEFAULTS)).toBe('holds');
    const e = { ...onRun(m), bootstrap: reading('holds', 'holds-with-caveat', 50) };
    expect(claim.judge(e, DEFAULTS)).toBe('holds-with-caveat');
    const d = claim.describe(e, 'holds-with-caveat');
    expect(d.evidence).toMatch(/the caveat cannot be excluded at 95%/);
    expect(d.counterexample).toMatchObject({ replicateVerdicts: { holds: 150, 'holds-with-caveat': 50 } });
  });
}
