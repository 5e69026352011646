/**
 * The claim registry: every id of claims.md exactly once. Claims that a section module checks
 * come from that module; the rest come from the catalogue as `inconclusive`, "not yet checked".
 */
import { CATALOGUE } from './catalogue.ts';
import type { Claim } from './types.ts';
import { claims as oneD } from './oneD.ts';
import { claims as twoD } from './twoD.ts';
import { claims as randomForget } from './randomForget.ts';
import { claims as iterativeDA } from './iterativeDA.ts';
import { claims as toy52 } from './toy52.ts';

const CHECKED: Claim[] = [...oneD, ...twoD, ...randomForget, ...iterativeDA, ...toy52];

function notYetChecked(id: string): Claim {
  const entry = CATALOGUE.find((c) => c.id === id)!;
  return {
    ...entry,
    assumptions: [],
    expected: 'inconclusive',
    check: () => ({ verdict: 'inconclusive', casesTried: 0, casesInScope: 0, counterexample: null, evidence: 'not yet checked', notes: '' }),
  };
}

/**
 * All claims in catalogue order, then `projectClaims` (this project's own X.* claims, checked by
 * later layers and passed in so that theory/ imports nothing from them). `laterClaims` are claims
 * of the catalogue checked by later layers (the empirical ones, from empirics/unlearn/claims.ts).
 * Throws if a module checks an id the catalogue lacks, or any id twice.
 */
export function allClaims(projectClaims: Claim[] = [], laterClaims: Claim[] = []): Claim[] {
  for (const c of projectClaims) {
    if (!c.id.startsWith('X.')) throw new Error(`project claim ${c.id} must have an id starting "X."`);
    if (projectClaims.filter((d) => d.id === c.id).length > 1) throw new Error(`claim ${c.id} is defined twice`);
  }
  const byId = new Map<string, Claim>();
  for (const c of [...CHECKED, ...laterClaims]) {
    if (!CATALOGUE.some((e) => e.id === c.id)) throw new Error(`claim ${c.id} is not in claims.md's catalogue`);
    if (byId.has(c.id)) throw new Error(`claim ${c.id} is checked by two modules`);
    byId.set(c.id, c);
  }
  return [...CATALOGUE.map((e) => byId.get(e.id) ?? notYetChecked(e.id)), ...projectClaims];
}
