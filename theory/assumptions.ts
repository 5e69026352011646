/**
 * Every knob a user may change (design.md, "Assumptions"), with validation that runs before any
 * check does. Pure: the CLI reads the file, this module only judges its contents.
 */

export interface Range {
  min: number;
  max: number;
}

export interface Assumptions {
  precision: { digits: number };
  profiles: Record<'quick' | 'full', { runs: number; gridPoints: number }>;
  loss: 'exponential' | 'logistic';
  setting1d: { R: Range; forgetFraction: Range; lambda: Range; Rj: { minFractionOfR: number } };
  /** probeForgetFraction: |F|/|D| for probes beyond the paper's unstated α < 1 (|F| > |R|) */
  setting2d: { R: Range; forgetFraction: Range; lambda: Range; Rij: { minFractionOfR: number }; eps: Range; probeForgetFraction: Range };
  /** forgetFractionLadder: |F|/|D| values for "broadens as the forget fraction grows"; largeWindow: what "typically large" is taken to mean */
  figure4: { epsGrid: { min: number; max: number; points: number }; configs: number; forgetFractionLadder: number[]; largeWindow: { minNonEmptyFraction: number; minMedianRelativeWidth: number } };
  iterative: { etas: number[]; maxSteps: number };
  toy52: { link: string; lambda: number; finetune: { eta: number; steps: number } };
  hoeffding: { Fsizes: number[]; eps: number[]; monteCarloDraws: number; populationSize: number };
  /**
   * How the empirical claims read a run (properties/empirics-common.ts): success = forget and validation
   * p95 KLoM ≤ successFactor × an independent retraining's; "almost none" = at most maxSuccessFraction;
   * "near the pretrained model" = forget KLoM ≥ nearPretrained × the pretrained's; fewer than minModels
   * per side is inconclusive; retainValAgreement = the fraction of (run, stop) pairs whose retain and
   * validation KLoM must agree on being above their noise floors (E.retain-like-val); stabilityRatio = how
   * much larger KLoM at 20 models than at 80 counts as a large spurious difference; confidence = the
   * level of the bootstrap intervals: a verdict stands only when its intervals do not straddle its
   * thresholds (properties/empirics-common.ts).
   */
  empirics: { successFactor: number; maxSuccessFraction: number; nearPretrained: number; minModels: number; retainValAgreement: number; stabilityRatio: number; confidence: number };
}

export class AssumptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssumptionsError';
  }
}

type Json = unknown;

function at(obj: Json, path: string): Json {
  let cur: Json = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(key in (cur as object))) {
      throw new AssumptionsError(`assumptions: missing "${path}"`);
    }
    cur = (cur as Record<string, Json>)[key];
  }
  return cur;
}

function num(obj: Json, path: string, lo: number, hi: number, opts: { integer?: boolean; openLo?: boolean; openHi?: boolean } = {}): number {
  const v = at(obj, path);
  const loTxt = opts.openLo ? `(${lo}` : `[${lo}`;
  const hiTxt = opts.openHi ? `${hi})` : `${hi}]`;
  const allowed = `${opts.integer ? 'an integer' : 'a number'} in ${loTxt}, ${hiTxt}`;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AssumptionsError(`assumptions: "${path}" must be ${allowed}, got ${JSON.stringify(v)}`);
  if (opts.integer && !Number.isInteger(v)) throw new AssumptionsError(`assumptions: "${path}" must be ${allowed}, got ${v}`);
  const below = opts.openLo ? v <= lo : v < lo;
  const above = opts.openHi ? v >= hi : v > hi;
  if (below || above) throw new AssumptionsError(`assumptions: "${path}" must be ${allowed}, got ${v}`);
  return v;
}

function range(obj: Json, path: string, lo: number, hi: number, opts: { integer?: boolean; openLo?: boolean; openHi?: boolean } = {}): Range {
  const min = num(obj, `${path}.min`, lo, hi, opts);
  const max = num(obj, `${path}.max`, lo, hi, opts);
  if (min > max) throw new AssumptionsError(`assumptions: "${path}.min" (${min}) must not exceed "${path}.max" (${max})`);
  return { min, max };
}

function numList(obj: Json, path: string, lo: number, hi: number, opts: { integer?: boolean; openLo?: boolean; openHi?: boolean } = {}): number[] {
  const v = at(obj, path);
  if (!Array.isArray(v) || v.length === 0) throw new AssumptionsError(`assumptions: "${path}" must be a non-empty array of numbers`);
  return v.map((_, i) => num(obj, `${path}.${i}`, lo, hi, opts));
}

function oneOf<T extends string>(obj: Json, path: string, allowed: readonly T[]): T {
  const v = at(obj, path);
  // includes() compares with ===, so a value of any other type is refused here too
  if (!allowed.includes(v as T)) {
    throw new AssumptionsError(`assumptions: "${path}" must be one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
  }
  return v as T;
}

/** Link names the Section 5.2 toy accepts; `all` runs every reading. Kept here so validation needs no toy import. */
export const TOY_LINKS = ['all', 'logistic', 'tanh-half', 'printed-shifted'] as const;

/** Validates a parsed assumptions document; throws AssumptionsError with a one-line message. */
export function validateAssumptions(raw: Json): Assumptions {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new AssumptionsError('assumptions: the document must be a JSON object');
  const BIG = 1e12;
  const a: Assumptions = {
    precision: { digits: num(raw, 'precision.digits', 10, 1000, { integer: true }) },
    profiles: {
      quick: { runs: num(raw, 'profiles.quick.runs', 1, 1e7, { integer: true }), gridPoints: num(raw, 'profiles.quick.gridPoints', 3, 1e6, { integer: true }) },
      full: { runs: num(raw, 'profiles.full.runs', 1, 1e7, { integer: true }), gridPoints: num(raw, 'profiles.full.gridPoints', 3, 1e6, { integer: true }) },
    },
    loss: oneOf(raw, 'loss', ['exponential', 'logistic'] as const),
    setting1d: {
      R: range(raw, 'setting1d.R', 1, BIG, { integer: true }),
      forgetFraction: range(raw, 'setting1d.forgetFraction', 0, 1, { openLo: true, openHi: true }),
      lambda: range(raw, 'setting1d.lambda', 0, BIG, { openLo: true }),
      Rj: { minFractionOfR: num(raw, 'setting1d.Rj.minFractionOfR', 0, 1, { openLo: true }) },
    },
    setting2d: {
      R: range(raw, 'setting2d.R', 1, BIG, { integer: true }),
      forgetFraction: range(raw, 'setting2d.forgetFraction', 0, 1, { openLo: true, openHi: true }),
      lambda: range(raw, 'setting2d.lambda', 0, BIG, { openLo: true }),
      Rij: { minFractionOfR: num(raw, 'setting2d.Rij.minFractionOfR', 0, 1, { openLo: true }) },
      eps: range(raw, 'setting2d.eps', 0, 1, { openLo: true, openHi: true }),
      probeForgetFraction: range(raw, 'setting2d.probeForgetFraction', 0, 1, { openLo: true, openHi: true }),
    },
    figure4: {
      epsGrid: {
        min: num(raw, 'figure4.epsGrid.min', 0, 1, { openLo: true, openHi: true }),
        max: num(raw, 'figure4.epsGrid.max', 0, 1, { openLo: true, openHi: true }),
        points: num(raw, 'figure4.epsGrid.points', 2, 100000, { integer: true }),
      },
      configs: num(raw, 'figure4.configs', 1, 1e6, { integer: true }),
      forgetFractionLadder: numList(raw, 'figure4.forgetFractionLadder', 0, 1, { openLo: true, openHi: true }),
      largeWindow: {
        minNonEmptyFraction: num(raw, 'figure4.largeWindow.minNonEmptyFraction', 0, 1),
        minMedianRelativeWidth: num(raw, 'figure4.largeWindow.minMedianRelativeWidth', 0, 1),
      },
    },
    iterative: {
      etas: numList(raw, 'iterative.etas', 0, BIG, { openLo: true }),
      maxSteps: num(raw, 'iterative.maxSteps', 1, 1e10, { integer: true }),
    },
    toy52: {
      link: oneOf(raw, 'toy52.link', TOY_LINKS),
      lambda: num(raw, 'toy52.lambda', 0, BIG, { openLo: true }),
      finetune: { eta: num(raw, 'toy52.finetune.eta', 0, BIG, { openLo: true }), steps: num(raw, 'toy52.finetune.steps', 1, 1e9, { integer: true }) },
    },
    hoeffding: {
      Fsizes: numList(raw, 'hoeffding.Fsizes', 1, 1e6, { integer: true }),
      eps: numList(raw, 'hoeffding.eps', 0, 1, { openLo: true, openHi: true }),
      monteCarloDraws: num(raw, 'hoeffding.monteCarloDraws', 1, 1e9, { integer: true }),
      populationSize: num(raw, 'hoeffding.populationSize', 2, 1e9, { integer: true }),
    },
    empirics: {
      successFactor: num(raw, 'empirics.successFactor', 1, 100),
      maxSuccessFraction: num(raw, 'empirics.maxSuccessFraction', 0, 1),
      nearPretrained: num(raw, 'empirics.nearPretrained', 0, 1),
      minModels: num(raw, 'empirics.minModels', 2, 1e6, { integer: true }),
      retainValAgreement: num(raw, 'empirics.retainValAgreement', 0, 1),
      stabilityRatio: num(raw, 'empirics.stabilityRatio', 1, 1e6),
      confidence: num(raw, 'empirics.confidence', 0.5, 0.999),
    },
  };
  if (a.figure4.epsGrid.min > a.figure4.epsGrid.max) throw new AssumptionsError('assumptions: "figure4.epsGrid.min" must not exceed "figure4.epsGrid.max"');
  refuseUnknownKeys(raw, a);
  return a;
}

/** A JSON object (not null, not an array): the nodes both walks below descend into. */
const isObj = (x: Json): x is Record<string, Json> => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * A key the validated document does not have is a typo or a knob that does not exist: it would
 * change nothing while the report lists it as a change. Refused with the nearest known key.
 */
function refuseUnknownKeys(raw: Json, known: Json, prefix = ''): void {
  if (!isObj(raw) || !isObj(known)) return;
  for (const k of Object.keys(raw)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (!(k in known)) {
      const near = nearest(k, Object.keys(known));
      throw new AssumptionsError(`assumptions: unknown key "${path}"${near ? `; did you mean "${prefix ? `${prefix}.` : ''}${near}"?` : ''} (known here: ${Object.keys(known).join(', ')})`);
    }
    refuseUnknownKeys(raw[k], known[k], path);
  }
}

/** Levenshtein distance, case-insensitive (for "did you mean"). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The name in `names` closest to `name`, if within a third of its length (at least 2 edits); else null. */
export function nearest(name: string, names: readonly string[]): string | null {
  let best: string | null = null, bestD = Infinity;
  for (const n of names) {
    const d = editDistance(name, n);
    if (d < bestD) [best, bestD] = [n, d];
  }
  return bestD <= Math.max(2, Math.ceil(name.length / 3)) ? best : null;
}

/** Dotted paths whose values differ between two assumption documents (for the report header). */
export function assumptionDiff(a: Json, b: Json, prefix = ''): { path: string; value: Json; default: Json }[] {
  const out: { path: string; value: Json; default: Json }[] = [];
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) out.push(...assumptionDiff(a[k], b[k], prefix ? `${prefix}.${k}` : k));
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: prefix, value: a, default: b });
  }
  return out;
}
