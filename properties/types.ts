/**
 * The claim/verdict model of design.md ("Claims and verdicts"). A claim is a module in properties/
 * named by its id (ClaimModule below): its catalogue entry, the fast-check properties that encode
 * it, `measure` (all computation), a pure `judge` and `describe` (prose from evidence values).
 * Expected verdicts and key numbers are committed once, in properties/expected.json.
 */
import type { Arbitrary } from 'fast-check';
import type { Assumptions } from '../theory/assumptions.ts';

export const VERDICTS = ['holds', 'holds-with-caveat', 'refuted', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export type Profile = 'quick' | 'full';

export interface CheckContext {
  profile: Profile;
  seed: number;
  assumptions: Assumptions;
  /** significant digits for decimal.js theory (assumptions.precision.digits) */
  digits: number;
  /** progress messages for long checks (stderr in the CLI, silent in tests) */
  log: (message: string) => void;
  /** the empirics run the E.* claims read (verify's --empirics), or null */
  empirics?: { path: string; summary: unknown } | null;
}


/** One data series of a chart: points [x, y]; `line` joins them, `scatter` marks them. */
export interface ChartSeries {
  label: string;
  points: [number, number][];
  kind?: 'line' | 'scatter';
  color?: string;
  dashed?: boolean;
  /** marker size in px (scatter); square markers when `square` */
  pointSize?: number;
  square?: boolean;
  /** a dotted line (finer than `dashed`) */
  dotted?: boolean;
  /**
   * Shade a region: 'self' fills the closed polygon through the points (a window, a set);
   * { to: label } fills between this series and the series with that label; { value } fills to a constant y.
   */
  fill?: 'self' | { to: string } | { value: number };
  /** the shading's colour (CSS); default the series colour at 25 % opacity */
  fillColor?: string;
  /** per point, the interval [low, high] of y (e.g. a bootstrap interval), drawn as an error bar; null where none */
  intervals?: ([number, number] | null)[];
  /** per point, the interval [low, high] of x, drawn as a horizontal error bar; null where none */
  xIntervals?: ([number, number] | null)[];
}

/** A chart described as data, so theory stays free of drawing code. Ids are file-name safe. */
export interface ChartSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  xLog?: boolean;
  yLog?: boolean;
  series: ChartSeries[];
  caption?: string;
  /** draw the square-marker scatter series as the cells of a heatmap (default: when they tile a grid) */
  heatmap?: boolean;
}



// ---------------------------------------------------------------- claim modules (properties/<id>.ts)

/** The one copy of a claim's identity: the catalogue (claims.md) is built from these. */
export interface ClaimEntry {
  id: string;
  paperRef: string;
  /** the statement as claims.md transcribes it (the paper's words, not ours) */
  statement: string;
  /** ids of the claims this one rests on (the paper's proof, or this project's reading) */
  dependsOn: string[];
  /** the assumptions (paper's and this suite's) under which the claim is measured, in words */
  assumptions: string[];
}

/** What every claim's evidence carries; the rest is the claim's own typed record. */
export interface EvidenceBase {
  /** concrete cases (configurations, points, runs) measured */
  casesTried: number;
  /** of those, the cases inside the claim's stated scope (its preconditions) */
  casesInScope: number;
}

/** Prose and pictures, written by `describe` from evidence values only. */
export interface Description {
  /** one sentence for the verdict table: the conclusion, not the method */
  summary: string;
  evidence: string;
  notes?: string;
  /** the smallest failing case found, with a reproduce command; null when none */
  counterexample: Record<string, unknown> | null;
  data?: Record<string, unknown>;
  charts?: ChartSpec[];
}

/** Why a judge never returns some verdict (design.md: a judge that cannot return one is a defect unless it says why). */
export type Unreachable = Partial<Record<Verdict, string>>;

/**
 * A fast-check property that encodes the claim: "for all x drawn from `arbitrary` (the claim's scope,
 * by construction) … then …". `body` throws (PropertyFailure) when the conclusion fails and returns
 * whether it asserted the conclusion for x; the test fails when asserted cases fall under `floor`.
 */
export interface ClaimProperty<T = any> {
  title: string;
  arbitrary: Arbitrary<T>;
  body: (x: T) => 'asserted' | 'out-of-scope';
  /** least fraction of drawn cases in which the conclusion must be asserted */
  floor: number;
  runs?: { quick: number; full: number };
}

/** Declares a property with its input type inferred from the arbitrary. */
export const property = <T>(p: ClaimProperty<T>): ClaimProperty<T> => p;

export class PropertyFailure extends Error {}

/** Throws a PropertyFailure with `message` unless `condition` holds (properties cannot import vitest). */
export function ensure(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new PropertyFailure(message());
}

export interface ClaimModule<E extends EvidenceBase = EvidenceBase> {
  entry: ClaimEntry;
  /** the fast-check properties that encode the claim (run by <id>.test.ts through properties/harness.ts) */
  properties: ClaimProperty[];
  /** all computation and I/O of the claim */
  measure: (ctx: CheckContext) => E | Promise<E>;
  /** pure: evidence (and the assumptions it was measured under) → verdict; no I/O, no randomness, no prose */
  judge: (evidence: E, assumptions: Assumptions) => Verdict;
  /** summary, evidence text, counterexample and charts, every sentence built from evidence values */
  describe: (evidence: E, verdict: Verdict) => Description;
  /** the numbers `npm test` pins (relative tolerance in properties/expected.json); counts and boundaries */
  keyNumbers: (evidence: E) => Record<string, number>;
  /** the verdicts `judge` can never return, each with the reason */
  unreachable?: Unreachable;
  /**
   * Whether the committed expectation applies to this run (false: reported, not compared), e.g. the
   * empirical claims on a run at a scale for which nothing is committed.
   */
  compared?: (ctx: CheckContext, evidence: E) => boolean;
}

/** A claim module of any evidence type, as the registry and the runner hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyClaimModule = ClaimModule<any>;
