/**
 * allClaims(): the one registry of claim modules (design.md, "Claims and verdicts"), in the order
 * of claims.md, then this project's own X.* claims. verify, the tests and the report import it;
 * the catalogue is built from the modules' entries.
 */
import type { AnyClaimModule, ClaimEntry } from './types.ts';
import m0 from './L2.closed-form.ts';
import m1 from './L3.ordering.ts';
import m2 from './L3.case1-range.ts';
import m3 from './L3.case-split.ts';
import m4 from './L3.case2-branches.ts';
import m5 from './L3.case3-divergence.ts';
import m6 from './L3.do-nothing.ts';
import m7 from './L4.distance-growth.ts';
import m8 from './L5.distance-unlearning.ts';
import m9 from './C1.volatility.ts';
import m10 from './C3.first-order.ts';
import m11 from './C3.stabilisation.ts';
import m12 from './L6.retrain-closed-form.ts';
import m13 from './L12.original-order.ts';
import m14 from './L7.original-bounds.ts';
import m15 from './L8.da-bounds.ts';
import m16 from './L9.original-beats-da.ts';
import m17 from './L10.oracle-beats-original.ts';
import m18 from './F4.harm-window.ts';
import m19 from './AI.near-one.ts';
import m20 from './L1.hoeffding.ts';
import m21 from './L1.oracle-mirror.ts';
import m22 from './T52.two-minima.ts';
import m23 from './T52.retrain-keeps.ts';
import m24 from './T52.gda-switches.ts';
import m25 from './T52.no-recovery.ts';
import m26 from './E.ga-gda-fail.ts';
import m27 from './E.illusion.ts';
import m28 from './E.difficulty.ts';
import m29 from './E.retain-like-val.ts';
import m30 from './E.klom-stability.ts';
import m31 from './X.logistic-ordering.ts';
import m32 from './X.logistic-do-nothing.ts';
import m33 from './X.logistic-da-minimum.ts';

const MODULES: AnyClaimModule[] = [m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, m16, m17, m18, m19, m20, m21, m22, m23, m24, m25, m26, m27, m28, m29, m30, m31, m32, m33];

/** Every claim module, each id once (checked at load: a duplicate is a programming error). */
export function allClaims(): AnyClaimModule[] {
  return MODULES;
}

/** The catalogue: each module's entry, the one copy of its statement. */
export function catalogue(): ClaimEntry[] {
  return MODULES.map((m) => m.entry);
}

const seen = new Set<string>();
for (const m of MODULES) {
  if (seen.has(m.entry.id)) throw new Error(`claim ${m.entry.id} is registered twice`);
  seen.add(m.entry.id);
}
for (const m of MODULES) for (const d of m.entry.dependsOn) if (!seen.has(d)) throw new Error(`claim ${m.entry.id} depends on unknown ${d}`);
