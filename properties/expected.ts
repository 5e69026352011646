/**
 * The committed expectations (properties/expected.json): for each claim the verdict this suite
 * established and the key numbers of its evidence, measured under the committed conditions (seed,
 * profile, the default assumptions, the committed empirics run). A verdict is compared on every
 * run; key numbers only under those conditions, since another seed draws other cases.
 */
import { readFileSync } from 'node:fs';
import { VERDICTS, type Verdict } from './types.ts';

export interface ExpectedClaim {
  verdict: Verdict;
  /** key numbers of the evidence, compared with relative tolerance `tolerance` (default below) */
  key: Record<string, number>;
  /** per-key relative tolerance where the default does not fit (say why in the module) */
  tolerance?: Record<string, number>;
}

export interface Expectations {
  conditions: { seed: number; profile: string; empirics: string };
  claims: Record<string, ExpectedClaim>;
}

/** Deterministic runs reproduce counts exactly and floats to rounding: 1e−9 relative. */
export const DEFAULT_KEY_TOLERANCE = 1e-9;

export const EXPECTED_PATH = new URL('./expected.json', import.meta.url);

export function loadExpectations(): Expectations {
  const raw = JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as Expectations;
  for (const [id, e] of Object.entries(raw.claims)) {
    if (!VERDICTS.includes(e.verdict)) throw new Error(`properties/expected.json: ${id} has verdict "${e.verdict}"; allowed: ${VERDICTS.join(', ')}`);
    for (const [k, v] of Object.entries(e.key)) if (!Number.isFinite(v)) throw new Error(`properties/expected.json: ${id}.key.${k} is not a finite number`);
  }
  return raw;
}

export interface KeyMove {
  key: string;
  expected: number | undefined;
  got: number | undefined;
}

/** Key numbers outside tolerance, missing, or new (a new key must be committed deliberately). */
export function movedKeys(got: Record<string, number>, exp: ExpectedClaim): KeyMove[] {
  const out: KeyMove[] = [];
  for (const k of new Set([...Object.keys(exp.key), ...Object.keys(got)])) {
    const a = exp.key[k], b = got[k];
    if (a === undefined || b === undefined || !Number.isFinite(b)) {
      out.push({ key: k, expected: a, got: b });
      continue;
    }
    const tol = exp.tolerance?.[k] ?? DEFAULT_KEY_TOLERANCE;
    if (Math.abs(a - b) > tol * Math.max(Math.abs(a), Math.abs(b)) && a !== b) out.push({ key: k, expected: a, got: b });
  }
  return out;
}
