/**
 * theory/toy52.ts's helpers pinned on their own (the T52.* claims use them through whole
 * landscapes, where a looser radius, a wrong eigenvalue or a misplaced boundary changes nothing
 * they report): the stationary radius against each link's known sup|σ′|, the classification of a
 * stationary point by the eigenvalues of its Hessian, and classify's decision boundaries.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluate } from 'mathjs';
import { classify, descendToMinimum, gradHess, gradientDescent, linkFamily, LINKS, localMinima, loss, multiStartMinima, newtonStationary, stationaryRadius, WEIGHTS, XS, YS, type Link } from '../theory/toy52.ts';
import { fcParams, seedTag } from './seed.ts';

/** sup|σ′| of each reading, by hand: σ′ of the logistic peaks at 1/4 (z = 0), scaled by each link's chain factor. */
// built inside the tests, never at collection: a mutant that makes linkFamily throw must fail a test, not the file's
// collection (StrykerJS's vitest runner counts a file that fails to collect as no test run, i.e. a survivor)
const supSlope = (): [Link, number][] => [[LINKS.logistic!, 1 / 4], [LINKS['tanh-half']!, 1 / 2], [LINKS['printed-shifted']!, 1 / 8], [linkFamily(0.3), 1.3 / 4]];
const weightSets: fc.Arbitrary<readonly number[]> = fc.constantFrom(...Object.values(WEIGHTS));

describe('theory/toy52: the stationary radius', () => {
  it(`for all readings, weights, normalisers and λ, then stationaryRadius is Σ (2w_i/W)·2·sup|σ′|·‖(x_i, x_i²)‖/λ with sup|σ′| the reading's known peak slope (its scan overestimates it by the stated 1e−6 at most) ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...supSlope()), weightSets, fc.option(fc.constantFrom(14, 7)), fc.double({ min: 0.01, max: 1, noNaN: true }), ([link, s], weights, normaliser, lambda) => {
        const W = normaliser ?? weights.reduce((a, w) => a + w, 0);
        const want = XS.reduce((acc, x, i) => acc + ((2 * weights[i]!) / W) * 2 * s * Math.hypot(x, x * x), 0) / lambda;
        const got = stationaryRadius({ link, weights, lambda, ...(normaliser ? { normaliser } : {}) });
        expect(got).toBeGreaterThanOrEqual(want);
        expect(got).toBeLessThanOrEqual(want * (1 + 1.0001e-6));
      }),
      fcParams({ quick: 100, full: 1000 }),
    );
  });
});

describe('theory/toy52: stationary points', () => {
  it(`for all readings, weights, λ and starts, then a stationary point newtonStationary returns has zero gradient, eigenvalues that are the Hessian's (sum = trace, product = det, ascending), and the kind their signs give ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...supSlope().map(([l]) => l)), weightSets, fc.double({ min: 0.02, max: 0.3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (link, weights, lambda, a0, b0) => {
        const p = { link, weights, lambda };
        const pt = newtonStationary(p, a0, b0);
        if (!pt) return;
        const { g, H } = gradHess(p, pt.a, pt.b);
        expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
        const [l1, l2] = pt.eigenvalues;
        const scale = Math.abs(H[0]) + Math.abs(H[2]) + Math.abs(H[1]);
        expect(l1).toBeLessThanOrEqual(l2);
        expect(Math.abs(l1 + l2 - (H[0] + H[2]))).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(l1 * l2 - (H[0] * H[2] - H[1] * H[1]))).toBeLessThanOrEqual(1e-12 * scale * scale);
        const kind = l1 > 1e-10 ? 'min' : l2 < -1e-10 ? 'max' : l1 < -1e-10 && l2 > 1e-10 ? 'saddle' : 'degenerate';
        expect(pt.kind).toBe(kind);
        asserted++;
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
    // Newton from random starts reaches a stationary point in most draws (the rest return null)
    expect(asserted).toBeGreaterThan(fcParams({ quick: 200, full: 2000 }).numRuns! / 2);
  });
  it('the kinds on the pretraining landscape: a minimum, and a saddle between the two minima (the logistic reading)', () => {
    const p = { link: LINKS.logistic!, weights: WEIGHTS.pretrain, lambda: 0.1 };
    const kinds = new Set<string>();
    for (let a = -3; a <= 3; a += 0.5) for (let b = -3; b <= 3; b += 0.5) kinds.add(newtonStationary(p, a, b)?.kind ?? 'none');
    expect(kinds.has('min')).toBe(true);
    expect(kinds.has('saddle')).toBe(true);
  });
});

describe('theory/toy52: descent', () => {
  it(`for all readings, weights, λ and starts in [−3, 3]², then descendToMinimum returns a local minimum (zero gradient, both eigenvalues > 0) no higher than the start: a descent never climbs ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...supSlope().map(([l]) => l)), weightSets, fc.double({ min: 0.02, max: 0.3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (link, weights, lambda, a0, b0) => {
        const p = { link, weights, lambda };
        const pt = descendToMinimum(p, a0, b0);
        const at = `from (${a0}, ${b0}), ${link.name}, λ = ${lambda}, weights ${weights.join(',')}`;
        expect(pt, at).not.toBeNull();
        expect(pt!.kind).toBe('min');
        expect(pt!.eigenvalues[0]).toBeGreaterThan(0);
        const { g } = gradHess(p, pt!.a, pt!.b);
        expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
        expect(pt!.loss, at).toBeLessThanOrEqual(loss(p, a0, b0));
      }),
      fcParams({ quick: 100, full: 1000 }),
    );
  });
});

describe('theory/toy52: the kinds no reading\'s landscape has', () => {
  // a constant link makes the data term constant: L = const + (λ/2)‖θ‖², stationary only at 0 with H = λI
  const flat: Link = { name: 'flat', description: 'σ ≡ 1/2', f: () => [0.5, 0, 0], threshold: 0, expression: '1/2' };
  it(`for all λ ≠ 0 and starts, then on L = const + (λ/2)‖θ‖² newtonStationary finds 0 (one Newton step) with eigenvalues (λ, λ): a minimum for λ > 0, a maximum for λ < 0; at λ = 0 (H = 0) the start itself is stationary and degenerate ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.boolean(), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (mag, neg, a0, b0) => {
        const lambda = neg ? -mag : mag;
        const p = { link: flat, weights: WEIGHTS.pretrain, lambda };
        const pt = newtonStationary(p, a0, b0)!;
        expect(pt).not.toBeNull();
        expect(Math.hypot(pt.a, pt.b)).toBeLessThanOrEqual(1e-12 * (1 + Math.hypot(a0, b0)));
        expect(pt.eigenvalues).toEqual([lambda, lambda]);
        expect(pt.kind).toBe(neg ? 'max' : 'min');
        expect(pt.loss).toBeCloseTo(loss(p, 0, 0), 12);
      }),
      fcParams({ quick: 100, full: 1000 }),
    );
    const pt = newtonStationary({ link: flat, weights: WEIGHTS.pretrain, lambda: 0 }, 1.5, -2)!;
    expect(pt).toMatchObject({ a: 1.5, b: -2, kind: 'degenerate', eigenvalues: [0, 0] });
    // on that landscape descent finds no minimum to stop at (no stationary point but 0 is a min only for λ > 0)
    expect(descendToMinimum({ link: flat, weights: WEIGHTS.pretrain, lambda: -1 }, 1, 1, 50)).toBeNull();
  });
});

describe('theory/toy52: classify', () => {
  it('a sample is +1 only when z lies strictly above the threshold: at θ = 0 (z = 0 = the threshold of the logistic and tanh readings) every sample is −1, so exactly the −1 samples are correct', () => {
    for (const link of [LINKS.logistic!, LINKS['tanh-half']!]) {
      const c = classify(link, 0, 0, WEIGHTS.pretrain);
      expect(c.correct).toEqual([true, false, true, false]);
      expect([c.nCorrect, c.nWrong]).toEqual([6, 8]);
      expect(c.boundaries).toEqual([]);
    }
  });
  it(`for all readings, models (a, b) and weights, then each boundary solves a·x + b·x² = threshold, the sign of a·x + b·x² − threshold changes exactly at the boundaries, and a sample is correct iff that sign is its label ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LINKS)), fc.double({ min: -3, max: 3, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: -3, max: 3, noNaN: true })), weightSets, (link, a, b, weights) => {
        const c = classify(link, a, b, weights);
        const f = (x: number): number => a * x + b * x * x - link.threshold;
        for (const x of c.boundaries) expect(Math.abs(f(x))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(a * x) + Math.abs(b * x * x)));
        expect([...c.boundaries].sort((x, y) => x - y)).toEqual(c.boundaries);
        // across each boundary f changes sign: probe just beyond the outer ones and between neighbours
        const bs = c.boundaries;
        if (bs.length && bs[0] !== bs[bs.length - 1]) {
          const probes = [bs[0]! - 1, ...bs.slice(1).map((x, i) => (x + bs[i]!) / 2), bs[bs.length - 1]! + 1];
          const signs = probes.map((x) => Math.sign(f(x)));
          signs.slice(1).forEach((s, i) => expect(s * signs[i]!, `sign across the boundary ${bs[i]} of ${a}x + ${b}x² = ${link.threshold}`).toBe(-1));
        } else if (bs.length === 1) expect(Math.sign(f(bs[0]! - 1)) * Math.sign(f(bs[0]! + 1))).toBe(-1);
        XS.forEach((x, i) => expect(c.correct[i], `x = ${x}`).toBe((f(x) > 0 ? 1 : -1) === YS[i]));
        expect(c.nCorrect).toBe(weights.reduce((s, w, i) => s + (c.correct[i] ? w : 0), 0));
        expect(c.nCorrect + c.nWrong).toBe(weights.reduce((s, w) => s + w, 0));
      }),
      fcParams({ quick: 300, full: 3000 }),
    );
  });
  it('the boundary cases: a line (b = 0) has one boundary at threshold/a, none when a = 0 too; a parabola whose discriminant is negative has none', () => {
    expect(classify(LINKS['printed-shifted']!, 2, 0, WEIGHTS.pretrain).boundaries).toEqual([-0.5]);
    expect(classify(LINKS.logistic!, 2, 0, WEIGHTS.pretrain).boundaries.map((x) => x + 0)).toEqual([0]);
    expect(classify(LINKS.logistic!, 0, 0, WEIGHTS.pretrain).boundaries).toEqual([]);
    // b x² + a x + 1 = 0 with a² − 4b < 0 (threshold −1): no real boundary
    expect(classify(LINKS['printed-shifted']!, 1, 1, WEIGHTS.pretrain).boundaries).toEqual([]);
    expect(classify(LINKS.logistic!, 1, -1, WEIGHTS.pretrain).boundaries.map((x) => x + 0)).toEqual([0, 1]);
    // a double root (discriminant exactly 0: x² + 2x + 1 = 0 against threshold −1) is reported, twice
    expect(classify(LINKS['printed-shifted']!, 2, 1, WEIGHTS.pretrain).boundaries).toEqual([-1, -1]);
  });
});

describe('theory/toy52: gradient descent', () => {
  it(`for all readings, starts and step caps, then gradientDescent's path is the start, every iterate after a step t with t ≡ 0 (mod max(1, ⌊cap/200⌋)), and the end point, replayed step by step; it stops at the first iterate with |∇L| < tol ${seedTag}`, () => {
    let asserted = 0;
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LINKS)), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), fc.integer({ min: 50, max: 3000 }), (link, a0, b0, cap) => {
        const p = { link, weights: WEIGHTS.retrain, lambda: 0.1 };
        const eta = 0.1, tol = 1e-8;
        let run;
        try {
          run = gradientDescent(p, a0, b0, eta, cap, tol);
        } catch {
          return; // did not settle within the cap: the step-cap test covers that
        }
        const every = Math.max(1, Math.floor(cap / 200));
        let a = a0, b = b0, t = 0;
        const path: [number, number][] = [[a, b]];
        for (;;) {
          const { g } = gradHess(p, a, b);
          if (Math.hypot(g[0], g[1]) < tol) break;
          a -= eta * g[0];
          b -= eta * g[1];
          if (t % every === 0) path.push([a, b]);
          t++;
        }
        path.push([a, b]);
        expect(run.steps).toBe(t);
        expect([run.a, run.b]).toEqual([a, b]);
        expect(run.path).toEqual(path);
        expect(run.gradNorm).toBeLessThan(tol);
        // the cap counts steps: exactly t steps suffice, t − 1 do not
        expect(gradientDescent(p, a0, b0, eta, t, tol).steps).toBe(t);
        if (t > 0) expect(() => gradientDescent(p, a0, b0, eta, t - 1, tol)).toThrow(`within ${t - 1} steps`);
        asserted++;
      }),
      fcParams({ quick: 40, full: 400 }),
    );
    expect(asserted).toBeGreaterThan(fcParams({ quick: 40, full: 400 }).numRuns! / 2);
  });
});

describe('theory/toy52: the loss, its derivatives and the links, restated', () => {
  const links = (): Link[] => [...Object.values(LINKS), linkFamily(0), linkFamily(0.45), linkFamily(1)];
  const sigmaOf: Record<string, (z: number) => number> = {
    logistic: (z) => 1 / (1 + Math.exp(-z)),
    'tanh-half': (z) => Math.tanh(z / 2),
    'printed-shifted': (z) => 1 / (1 + Math.exp(-(1 + z) / 2)),
  };
  it(`for all readings and z ∈ [−30, 30], then each link's (σ, σ′, σ″) is its closed form and its central differences; the family is (1 + κ)/(1 + e^{−z}) − κ, and κ outside [0, 1] is refused ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...links()), fc.double({ min: -30, max: 30, noNaN: true }), (link, z) => {
        const [s, d, dd] = link.f(z);
        const kappa = link.name.startsWith('family') ? Number(link.name.split('=')[1]) : null;
        const sigma = kappa === null ? sigmaOf[link.name]! : (t: number) => (1 + kappa) / (1 + Math.exp(-t)) - kappa;
        expect(Math.abs(s - sigma(z))).toBeLessThanOrEqual(1e-15);
        const h = 1e-4;
        expect(Math.abs(d - (sigma(z + h) - sigma(z - h)) / (2 * h))).toBeLessThanOrEqual(1e-8);
        expect(Math.abs(dd - (link.f(z + h)[1] - link.f(z - h)[1]) / (2 * h))).toBeLessThanOrEqual(1e-8);
      }),
      fcParams({ quick: 300, full: 3000 }),
    );
    for (const k of [-0.01, 1.01, NaN]) expect(() => linkFamily(k)).toThrow(`κ must lie in [0, 1], got ${k}`);
  });
  it(`for all readings, weights, normalisers, λ and (a, b) ∈ [−4, 4]², then the loss is Σ w_i(σ(a·x_i + b·x_i²) − y_i)²/W + (λ/2)(a² + b²), and gradHess is its gradient and Hessian by central differences ${seedTag}`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...links()), weightSets, fc.option(fc.constantFrom(14, 7)), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), fc.double({ min: -4, max: 4, noNaN: true }), (link, weights, normaliser, lambda, a, b) => {
        const p = { link, weights, lambda, ...(normaliser ? { normaliser } : {}) };
        const W = normaliser ?? weights.reduce((s, w) => s + w, 0);
        const want = XS.reduce((acc, x, i) => acc + weights[i]! * (link.f(a * x + b * x * x)[0] - YS[i]!) ** 2, 0) / W + (lambda / 2) * (a * a + b * b);
        expect(Math.abs(loss(p, a, b) - want)).toBeLessThanOrEqual(1e-14 * (1 + Math.abs(want)));
        const { g, H } = gradHess(p, a, b);
        const h = 1e-5;
        const dl = (da: number, db: number) => (loss(p, a + da, b + db) - loss(p, a - da, b - db)) / (2 * h);
        const scale = 1 + Math.abs(g[0]) + Math.abs(g[1]);
        expect(Math.abs(g[0] - dl(h, 0))).toBeLessThanOrEqual(1e-6 * scale);
        expect(Math.abs(g[1] - dl(0, h))).toBeLessThanOrEqual(1e-6 * scale);
        const dg = (da: number, db: number) => {
          const [u, v] = [gradHess(p, a + da, b + db).g, gradHess(p, a - da, b - db).g];
          return [(u[0] - v[0]) / (2 * h), (u[1] - v[1]) / (2 * h)];
        };
        const [haa, hab] = dg(h, 0), [hba, hbb] = dg(0, h);
        const hs = 1 + Math.abs(H[0]) + Math.abs(H[1]) + Math.abs(H[2]);
        expect(Math.abs(H[0] - haa!)).toBeLessThanOrEqual(1e-5 * hs);
        expect(Math.abs(H[1] - hab!)).toBeLessThanOrEqual(1e-5 * hs);
        expect(Math.abs(H[1] - hba!)).toBeLessThanOrEqual(1e-5 * hs);
        expect(Math.abs(H[2] - hbb!)).toBeLessThanOrEqual(1e-5 * hs);
      }),
      fcParams({ quick: 200, full: 2000 }),
    );
  });
});

describe('theory/toy52: the searches for minima', () => {
  it.each([
    // the family at κ = 0.3 with retraining's weights finds its higher minimum first: the sort is what orders them
    ['logistic', 'pretrain', 0.1], ['tanh-half', 'pretrain', 0.1], ['logistic', 'retrain', 0.05], ['printed-shifted', 'gda', 0.2], ['family 0.3', 'retrain', 0.1],
  ] as const)('%s reading, %s weights, λ = %s: the grid scan and the multi-start descent find the same minima, each with zero gradient and a positive-definite Hessian, sorted by loss and distinct; the scan\'s radius is √(2L(0)/λ) + 1 and descent from any start ends at one of them', (name, w, lambda) => {
    const p = { link: name === 'family 0.3' ? linkFamily(0.3) : LINKS[name]!, weights: WEIGHTS[w], lambda };
    const scan = localMinima(p), multi = multiStartMinima(p);
    expect(scan.radius).toBeCloseTo(Math.sqrt((2 * loss(p, 0, 0)) / lambda) + 1, 12);
    expect(multi.radius).toBe(stationaryRadius(p));
    expect(multi.starts).toBe(320);
    const same = (x: { a: number; b: number }, y: { a: number; b: number }) => Math.hypot(x.a - y.a, x.b - y.b) < 1e-6;
    expect(scan.minima.length).toBeGreaterThan(0);
    expect(multi.minima.length).toBe(scan.minima.length);
    for (const m of scan.minima) expect(multi.minima.some((q) => same(q, m))).toBe(true);
    for (const list of [scan.minima, multi.minima]) {
      list.forEach((m, i) => {
        const { g } = gradHess(p, m.a, m.b);
        expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-12);
        expect(m.kind).toBe('min');
        expect(m.eigenvalues[0]).toBeGreaterThan(0);
        expect(m.loss).toBe(loss(p, m.a, m.b));
        if (i > 0) expect(m.loss).toBeGreaterThanOrEqual(list[i - 1]!.loss);
        list.slice(0, i).forEach((q) => expect(same(q, m)).toBe(false));
      });
    }
    for (const [a0, b0] of [[-2.5, 1.5], [0.3, -0.7], [2, 2], [-1, -2]] as const) {
      const end = descendToMinimum(p, a0, b0)!;
      expect(end, `from (${a0}, ${b0})`).not.toBeNull();
      expect(scan.minima.some((m) => same(m, end)), `descent from (${a0}, ${b0}) ends at (${end.a}, ${end.b})`).toBe(true);
      expect(end.loss).toBeLessThanOrEqual(loss(p, a0, b0));
    }
  });
});

describe('theory/toy52: what a reader is told about each reading', () => {
  it('each link\'s mathjs expression evaluates to its σ, and its description states its formula, range and threshold', () => {
    const readings = [...Object.values(LINKS), linkFamily(0.45)];
    for (const link of readings) for (const z of [-3, -0.5, 0, 1.25, 4]) expect(Math.abs(Number(evaluate(link.expression, { z })) - link.f(z)[0]), `${link.name} at z = ${z}`).toBeLessThan(1e-14);
    expect(readings.map((l) => l.description)).toEqual([
      'σ(z) = 1/(1 + e^{−z}), range (0, 1), threshold z = 0',
      'σ(z) = tanh(z/2) = 2/(1 + e^{−z}) − 1, range (−1, 1), threshold z = 0',
      'σ(z) = 1/(1 + e^{−(1+z)/2}) as printed, range (0, 1), threshold z = −1',
      'σ(z) = 1.45/(1 + e^{−z}) − 0.45, range (−0.45, 1), threshold z = 0',
    ]);
  });
});

describe('theory/toy52: gradient descent that does not settle', () => {
  it('the step cap: after exactly maxSteps steps it throws, naming the iterate it reached (replayed); a diverging run stops at its last finite iterate, never reporting NaN', () => {
    const p = { link: LINKS.logistic!, weights: WEIGHTS.retrain, lambda: 0.1 };
    let [a, b] = [1.5, -0.5];
    for (let t = 0; t < 3; t++) {
      const { g } = gradHess(p, a, b);
      [a, b] = [a - 0.1 * g[0], b - 0.1 * g[1]];
    }
    expect(() => gradientDescent(p, 1.5, -0.5, 0.1, 3)).toThrow(`gradient descent (η = 0.1) from (1.5, -0.5) did not reach |∇L| < 1e-12 within 3 steps; it stopped at (${a}, ${b})`);
    let message = '';
    try {
      gradientDescent({ ...p, lambda: 1 }, 1, 1, 1e300, 50);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/did not reach/);
    expect(message).not.toMatch(/NaN/);
  });
});
