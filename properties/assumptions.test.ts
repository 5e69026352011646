/**
 * theory/assumptions.ts against its contract, stated here independently of the code: the domain of
 * every knob (README "Changing an assumption": invalid values are rejected before anything runs,
 * with one line naming the key and what is allowed). Each closed end is accepted, each open end and
 * each value just outside refused, integers refused off the integers, and the one-line message
 * names the key, the range and the value. Also: unknown keys with the nearest known one, ranges
 * with min > max, assumptionDiff and the edit distance behind "did you mean".
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { AssumptionsError, assumptionDiff, editDistance, nearest, validateAssumptions } from '../theory/assumptions.ts';
import { fcParams, seedTag } from './seed.ts';

const DEFAULTS = JSON.parse(readFileSync(new URL('../assumptions.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const BIG = 1e12;

/** [path, lo, hi, integer, openLo, openHi]; ranges (`.min`/`.max`) and lists (`.0`) are named by their leaf. */
type Domain = [string, number, number, boolean, boolean, boolean];
const DOMAINS: Domain[] = [
  ['precision.digits', 10, 1000, true, false, false],
  ['profiles.quick.runs', 1, 1e7, true, false, false], ['profiles.quick.gridPoints', 3, 1e6, true, false, false],
  ['profiles.full.runs', 1, 1e7, true, false, false], ['profiles.full.gridPoints', 3, 1e6, true, false, false],
  ['setting1d.R.min', 1, BIG, true, false, false], ['setting1d.R.max', 1, BIG, true, false, false],
  ['setting1d.forgetFraction.min', 0, 1, false, true, true], ['setting1d.forgetFraction.max', 0, 1, false, true, true],
  ['setting1d.lambda.min', 0, BIG, false, true, false], ['setting1d.lambda.max', 0, BIG, false, true, false],
  ['setting1d.Rj.minFractionOfR', 0, 1, false, true, false],
  ['setting2d.R.min', 1, BIG, true, false, false], ['setting2d.R.max', 1, BIG, true, false, false],
  ['setting2d.forgetFraction.min', 0, 1, false, true, true], ['setting2d.forgetFraction.max', 0, 1, false, true, true],
  ['setting2d.lambda.min', 0, BIG, false, true, false], ['setting2d.lambda.max', 0, BIG, false, true, false],
  ['setting2d.Rij.minFractionOfR', 0, 1, false, true, false],
  ['setting2d.eps.min', 0, 1, false, true, true], ['setting2d.eps.max', 0, 1, false, true, true],
  ['setting2d.probeForgetFraction.min', 0, 1, false, true, true], ['setting2d.probeForgetFraction.max', 0, 1, false, true, true],
  ['figure4.epsGrid.min', 0, 1, false, true, true], ['figure4.epsGrid.max', 0, 1, false, true, true],
  ['figure4.epsGrid.points', 2, 100000, true, false, false], ['figure4.configs', 1, 1e6, true, false, false],
  ['figure4.forgetFractionLadder.0', 0, 1, false, true, true],
  ['figure4.largeWindow.minNonEmptyFraction', 0, 1, false, false, false], ['figure4.largeWindow.minMedianRelativeWidth', 0, 1, false, false, false],
  ['iterative.etas.0', 0, BIG, false, true, false], ['iterative.maxSteps', 1, 1e10, true, false, false],
  ['toy52.lambda', 0, BIG, false, true, false], ['toy52.finetune.eta', 0, BIG, false, true, false], ['toy52.finetune.steps', 1, 1e9, true, false, false],
  ['hoeffding.Fsizes.0', 1, 1e6, true, false, false], ['hoeffding.eps.0', 0, 1, false, true, true],
  ['hoeffding.monteCarloDraws', 1, 1e9, true, false, false], ['hoeffding.populationSize', 2, 1e9, true, false, false],
  ['empirics.successFactor', 1, 100, false, false, false], ['empirics.maxSuccessFraction', 0, 1, false, false, false],
  ['empirics.nearPretrained', 0, 1, false, false, false], ['empirics.minModels', 2, 1e6, true, false, false],
  ['empirics.retainValAgreement', 0, 1, false, false, false], ['empirics.stabilityRatio', 1, 1e6, false, false, false],
  ['empirics.confidence', 0.5, 0.999, false, false, false],
];

/** The default document with `path` set to `v`; the partner end of a range is moved out of the way so min ≤ max holds. */
function withValue(path: string, v: unknown): Record<string, unknown> {
  const doc = structuredClone(DEFAULTS);
  const keys = path.split('.');
  let cur = doc as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) cur = cur[k] as Record<string, unknown>;
  const leaf = keys.at(-1)!;
  cur[leaf] = v;
  if (typeof v === 'number' && (leaf === 'min' || leaf === 'max')) {
    const other = leaf === 'min' ? 'max' : 'min';
    // an integer partner stays an integer (so the error, if any, names `path`, not its partner)
    const fit = Number.isInteger(cur[other]) ? (leaf === 'min' ? Math.ceil(v) : Math.floor(v)) : v;
    if (leaf === 'min' ? (cur[other] as number) < v : (cur[other] as number) > v) cur[other] = fit;
  }
  // the ε-grid's ends are checked against each other too
  if (path === 'figure4.epsGrid.min' && typeof v === 'number' && v > (cur.max as number)) cur.max = v;
  if (path === 'figure4.epsGrid.max' && typeof v === 'number' && v < (cur.min as number)) cur.min = v;
  return doc;
}

const accepts = (path: string, v: number): boolean => {
  try {
    validateAssumptions(withValue(path, v));
    return true;
  } catch (e) {
    if (!(e instanceof AssumptionsError)) throw e;
    return false;
  }
};
const message = (path: string, v: unknown): string => {
  try {
    validateAssumptions(withValue(path, v));
  } catch (e) {
    return (e as Error).message;
  }
  return '';
};
const below = (x: number): number => (x === 0 ? -Number.MIN_VALUE : x - Math.max(Math.abs(x) * 1e-9, Number.MIN_VALUE));
const above = (x: number): number => x + Math.max(Math.abs(x) * 1e-9, 1e-12);

describe(`theory/assumptions: every knob's domain ${seedTag}`, () => {
  it('the defaults validate, and every numeric key of the document has a domain in this table', () => {
    expect(() => validateAssumptions(DEFAULTS)).not.toThrow();
    const leaves: string[] = [];
    const walk = (x: unknown, p: string): void => {
      if (Array.isArray(x)) walk(x[0], `${p}.0`);
      else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, p ? `${p}.${k}` : k);
      else if (typeof x === 'number') leaves.push(p);
    };
    walk(DEFAULTS, '');
    expect(leaves.sort()).toEqual(DOMAINS.map((d) => d[0]).sort());
  });

  it.each(DOMAINS)('%s: closed ends accepted, open ends and values just outside refused, with a one-line message naming key, range and value', (path, lo, hi, integer, openLo, openHi) => {
    expect(accepts(path, lo)).toBe(!openLo);
    expect(accepts(path, hi)).toBe(!openHi);
    expect(accepts(path, integer ? lo - 1 : below(lo))).toBe(false);
    expect(accepts(path, integer ? hi + 1 : above(hi))).toBe(false);
    if (openLo) expect(accepts(path, above(lo))).toBe(true);
    if (openHi) expect(accepts(path, below(hi))).toBe(true);
    const allowed = `${integer ? 'an integer' : 'a number'} in ${openLo ? '(' : '['}${lo}, ${hi}${openHi ? ')' : ']'}`;
    const out = integer ? hi + 1 : above(hi);
    expect(message(path, out)).toBe(`assumptions: "${path}" must be ${allowed}, got ${out}`);
    expect(message(path, 'x')).toBe(`assumptions: "${path}" must be ${allowed}, got "x"`);
    expect(message(path, null)).toMatch(new RegExp(`"${path.replace(/\./g, '\\.')}" must be .* got null$`));
    if (integer) expect(message(path, lo + 0.5)).toBe(`assumptions: "${path}" must be ${allowed}, got ${lo + 0.5}`);
  });

  it('for all keys and values drawn inside their domain, then the document validates and the value is read back unchanged', () => {
    let asserted = 0;
    fc.assert(fc.property(fc.constantFrom(...DOMAINS), fc.double({ min: 0, max: 1, noNaN: true }), ([path, lo, hi, integer, openLo, openHi], u) => {
      const span = Math.min(hi, 1e6) - lo;
      let v = lo + u * span;
      if (integer) v = Math.round(v);
      if ((openLo && v <= lo) || (openHi && v >= hi)) v = lo + span / 2;
      const a = validateAssumptions(withValue(path, v)) as unknown as Record<string, unknown>;
      let cur: unknown = a;
      for (const k of path.split('.')) cur = (cur as Record<string, unknown>)[k];
      expect(cur).toBe(v);
      asserted++;
    }), fcParams({ quick: 300, full: 3000 }));
    expect(asserted).toBe(fcParams({ quick: 300, full: 3000 }).numRuns);
  });

  it('a range with min > max, an unknown key, a missing key, a wrong loss or link, an empty list and a non-object document are refused by name', () => {
    const doc = structuredClone(DEFAULTS) as { setting1d: { R: { min: number; max: number } }; figure4: { epsGrid: { min: number; max: number } } };
    doc.setting1d.R = { min: 5, max: 4 };
    expect(() => validateAssumptions(doc)).toThrow('assumptions: "setting1d.R.min" (5) must not exceed "setting1d.R.max" (4)');
    const eps = structuredClone(DEFAULTS) as typeof doc;
    eps.figure4.epsGrid = { ...eps.figure4.epsGrid, min: 0.9, max: 0.1 };
    expect(() => validateAssumptions(eps)).toThrow('assumptions: "figure4.epsGrid.min" must not exceed "figure4.epsGrid.max"');
    expect(() => validateAssumptions({ ...DEFAULTS, lossx: 1 })).toThrow(/unknown key "lossx"; did you mean "loss"\?/);
    expect(() => validateAssumptions({ ...DEFAULTS, empirics: { ...(DEFAULTS.empirics as object), confidance: 0.9 } })).toThrow(/unknown key "empirics.confidance"; did you mean "empirics.confidence"\?/);
    const { loss: _, ...noLoss } = DEFAULTS;
    expect(() => validateAssumptions(noLoss)).toThrow('assumptions: missing "loss"');
    expect(() => validateAssumptions({ ...DEFAULTS, loss: 'hinge' })).toThrow('assumptions: "loss" must be one of exponential, logistic, got "hinge"');
    expect(() => validateAssumptions(withValue('toy52.link', 'relu'))).toThrow(/"toy52.link" must be one of all, logistic, tanh-half, printed-shifted, got "relu"/);
    expect(() => validateAssumptions(withValue('hoeffding.eps', []))).toThrow('assumptions: "hoeffding.eps" must be a non-empty array of numbers');
    for (const bad of [null, [], 3, 'x']) expect(() => validateAssumptions(bad)).toThrow('assumptions: the document must be a JSON object');
  });

  it('the path to a key through a missing, null or non-object parent is "missing"; a value of the wrong type is refused naming what is allowed; the error is an AssumptionsError by name', () => {
    for (const parent of [undefined, null, 5, 'x']) {
      const doc = structuredClone(DEFAULTS) as Record<string, unknown>;
      if (parent === undefined) delete doc.precision;
      else doc.precision = parent;
      expect(() => validateAssumptions(doc)).toThrow('assumptions: missing "precision.digits"');
    }
    for (const v of ['50', Infinity, NaN, null, true]) expect(() => validateAssumptions(withValue('precision.digits', v))).toThrow(/"precision.digits" must be an integer in \[10, 1000\]/);
    expect(() => validateAssumptions(withValue('loss', 5))).toThrow('assumptions: "loss" must be one of exponential, logistic, got 5');
    let err: unknown = null;
    try { validateAssumptions(withValue('loss', 5)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AssumptionsError);
    expect((err as Error).name).toBe('AssumptionsError');
  });

  it('unknown keys: the whole message with the nested prefix and the known keys; lists longer than the defaults are not read as unknown keys', () => {
    const doc = structuredClone(DEFAULTS) as { precision: Record<string, unknown>; iterative: { etas: number[] } };
    doc.precision.digitz = 40;
    expect(() => validateAssumptions(doc)).toThrow('assumptions: unknown key "precision.digitz"; did you mean "precision.digits"? (known here: digits)');
    expect(() => validateAssumptions({ ...DEFAULTS, qqqqqqqq: 1 })).toThrow(/^assumptions: unknown key "qqqqqqqq" \(known here: precision, /);
    const long = structuredClone(DEFAULTS) as typeof doc;
    long.iterative.etas = [...long.iterative.etas, ...long.iterative.etas, 0.5];
    expect(validateAssumptions(long).iterative.etas).toHaveLength(long.iterative.etas.length);
  });

  it('assumptionDiff lists exactly the changed leaves; editDistance and nearest behave as "did you mean" needs', () => {
    expect(assumptionDiff(DEFAULTS, DEFAULTS)).toEqual([]);
    const changed = withValue('empirics.successFactor', 2);
    expect(assumptionDiff(changed, DEFAULTS)).toEqual([{ path: 'empirics.successFactor', value: 2, default: (DEFAULTS.empirics as { successFactor: number }).successFactor }]);
    expect(assumptionDiff({ a: [1, 2] }, { a: [1, 3] })).toEqual([{ path: 'a', value: [1, 2], default: [1, 3] }]);
    expect(assumptionDiff({ a: 1 }, { b: 1 })).toEqual([{ path: 'a', value: 1, default: undefined }, { path: 'b', value: undefined, default: 1 }]);
    // null is a leaf, not an object to descend into (typeof null is 'object')
    expect(assumptionDiff({ a: null }, { a: { b: 1 } })).toEqual([{ path: 'a', value: null, default: { b: 1 } }]);
    expect(assumptionDiff({ a: { b: 1 } }, { a: null })).toEqual([{ path: 'a', value: { b: 1 }, default: null }]);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('LOSS', 'loss')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(nearest('los', ['loss', 'toy52'])).toBe('loss');
    expect(nearest('zzzzzz', ['loss', 'toy52'])).toBeNull();
    // within max(2, ⌈length/3⌉) edits
    expect(nearest('abcdef', ['abcxyz'])).toBeNull();
    expect(nearest('abcdef', ['abcdxy'])).toBe('abcdxy');
    // ties go to the first name; short names get 2 edits, long ones ⌈length/3⌉
    expect(nearest('lost', ['loss', 'lose'])).toBe('loss');
    expect(nearest('ab', ['xy'])).toBe('xy');
    expect(nearest('abcdefghijkl', ['abcdefghwxyz'])).toBe('abcdefghwxyz');
    expect(nearest('abcdefghijkl', ['abcdefgvwxyz'])).toBeNull();
    // arrays and scalars against objects are leaves
    expect(assumptionDiff({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', value: [1], default: { 0: 1 } }]);
    expect(assumptionDiff({ a: { x: 1 } }, { a: 3 })).toEqual([{ path: 'a', value: { x: 1 }, default: 3 }]);
    expect(assumptionDiff([1, 2], [1, 2])).toEqual([]);
  });
});
