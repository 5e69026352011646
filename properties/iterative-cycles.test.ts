/**
 * theory/iterative.runIteration on cycles whose period does not divide its 128-iterate ring: past the
 * period doublings (2 at c_F = 0.045, 4 at 0.049) the map has a 3-cycle (c_F = 0.057) and a 10-cycle
 * (c_F = 0.0545). For a period dividing 128 any window of the ring reads the cycle in the same phase,
 * so only these show that the cycle reported is the last k iterates, in order, and that the
 * periodicity test compares each iterate with the one k steps before it.
 */
import { describe, expect, it } from 'vitest';
import { iterateOnce, runIteration } from '../theory/iterative.ts';

describe('theory/iterative: cycles of a period that does not divide the ring', () => {
  it.each([[0.057, 3], [0.0545, 10]])('c_F = %s (c_R = 0.01, λ = 1e−4, η = 0.01) from w = −9: oscillating with least period %i at the first 512-step check, the cycle being the last k iterates of the orbit, replayed, in order', (cF, k) => {
    const p = { cR: 0.01, cF, lambda: 1e-4, eta: 0.01 };
    const r = runIteration(-9, p, 200_000);
    expect([r.status, r.period, r.steps]).toEqual(['oscillating', k, 512]);
    const orbit = [-9];
    for (let t = 1; t <= r.steps; t++) orbit.push(iterateOnce(orbit[t - 1]!, p));
    expect(r.cycle).toEqual(orbit.slice(-k));
    expect(r.w).toBe(orbit.at(-1));
  });
});
