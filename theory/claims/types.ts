/**
 * The claim/verdict model of design.md ("Claims and verdicts"). A claim is data plus a check;
 * the check returns a verdict with evidence. `expected` is what this suite established and
 * committed: `npm test` fails when a verdict moves away from it.
 */
import type { Assumptions } from '../assumptions.ts';

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
}

export interface CheckResult {
  verdict: Verdict;
  /** how many concrete cases (configurations, points) the check evaluated */
  casesTried: number;
  /** how many of those lay inside the claim's stated scope (its preconditions) */
  casesInScope: number;
  /** exact values reproducing a failure (decimal strings for high-precision numbers), or null */
  counterexample: Record<string, unknown> | null;
  evidence: string;
  /** one sentence a reader of the verdict table needs: the conclusion, not the method */
  summary?: string;
  notes: string;
  /** optional structured data for the report (α-maps, curves, …) */
  data?: Record<string, unknown>;
  /** pictures of the evidence, rendered by reports/ with chart.js */
  charts?: ChartSpec[];
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
}

export interface Claim {
  id: string;
  paperRef: string;
  statement: string;
  /** the assumptions (paper's and this suite's) under which the check runs, in words */
  assumptions: string[];
  expected: Verdict;
  check: (ctx: CheckContext) => CheckResult | Promise<CheckResult>;
}

/** A claim of claims.md that no module checks yet: reported `inconclusive`, "not yet checked". */
export interface CatalogueEntry {
  id: string;
  paperRef: string;
  statement: string;
}
