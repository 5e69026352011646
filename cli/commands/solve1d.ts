/**
 * `ascent-verify solve1d --R n --F n --Rj n --alpha a --lambda l [--digits N] [--json]`, or
 * `--batch FILE` (JSON lines of {R, F, Rj, alpha, lambda[, digits]} in, one JSON array out).
 * Every input is validated before any solve runs; numbers travel as decimal strings.
 */
import { allowOnly, assertFinite, choice, decimalValue, digitsFlag, flagString, intValue, parseArgs, readJsonLines, requiring, UsageError, type Command } from '../args.ts';
import { DOMAINS, type Domain } from '../domains.ts';
import { progressMeter } from '../progress.ts';
import { SPECS } from '../spec.ts';
import { jsonRowsCsv } from '../../reports/exports.ts';
import { solve1d, type Config1d, type Solution1d } from '../../theory/logistic1d.ts';

const ALLOWED = ['R', 'F', 'Rj', 'alpha', 'lambda', 'digits'] as const;

/**
 * Validates one parameter set against the declared domains; `where` prefixes the message (e.g.
 * "--batch line 3: "). `lambdaDomain`: the decimal solve's, or the float64 one for iterate.
 */
export function config1dFrom(get: (name: string) => string | undefined, where = '', lambdaDomain: Domain = DOMAINS.lambda1d): Config1d {
  const need = requiring(get, where);
  const R = intValue(need('R', DOMAINS.count.text), `${where}--R`, DOMAINS.count);
  const F = intValue(need('F', DOMAINS.count.text), `${where}--F`, DOMAINS.count);
  const Rj = intValue(need('Rj', `${DOMAINS.count.text}, ≤ |R|`), `${where}--Rj`, DOMAINS.count);
  if (Rj > R) throw new UsageError(`${where}--Rj must be a positive integer ≤ |R| = ${R}, got ${Rj}`);
  const alpha = decimalValue(need('alpha', DOMAINS.alpha.text), `${where}--alpha`, DOMAINS.alpha);
  if (alpha.times(Rj).gt(F)) throw new UsageError(`${where}--alpha must satisfy α·|R_j| ≤ |F| (|F_j| cannot exceed |F|), i.e. 0 ≤ α ≤ ${F}/${Rj}, got ${alpha.toString()}`);
  const lambda = decimalValue(need('lambda', lambdaDomain.text), `${where}--lambda`, lambdaDomain);
  return { R: String(R), F: String(F), Rj: String(Rj), alpha: alpha.toString(), lambda: lambda.toString() };
}

export function solutionJson(cfg: Config1d, s: Solution1d): Record<string, unknown> {
  const str = (x: { toString(): string }): string => x.toString();
  return {
    input: cfg,
    digits: s.digits,
    case: s.case,
    z: str(s.z),
    zD: str(s.zD),
    zR: str(s.zR),
    wD: str(s.wD),
    wR: str(s.wR),
    wDA: s.wDA === null ? null : str(s.wDA),
    stationaryDA: s.stationaryDA.map((p) => ({ w: str(p.w), branch: p.branch, kind: p.kind, curvature: str(p.curvature) })),
    lemma3: s.lemma3,
    deltaRD: str(s.deltaRD),
    // ∞ where DA has no minimum: null, as wDA (no non-finite number in output)
    deltaRDA: s.deltaRDA.isFinite() ? str(s.deltaRDA) : null,
    lemma4Bound: str(s.lemma4Bound),
    lemma5Bound: str(s.lemma5Bound),
    thresholds: Object.fromEntries(Object.entries(s.thresholds).map(([k, v]) => [k, str(v)])),
  };
}

function text(s: Solution1d): string {
  const f = (x: { toSignificantDigits(n: number): { toString(): string } } | null): string => (x === null ? 'none' : x.toString());
  const caseText = { 1: 'case 1 (z > 0: one minimum)', boundary: 'α = |F|/|R| (z = 0: minimum at 0)', 2: 'case 2 (−1/e ≤ z < 0: a minimum and a maximum)', 3: 'case 3 (z < −1/e: no stationary point, DA diverges)' }[s.case];
  return [
    `${caseText}; z = ${f(s.z)}`,
    `w_D  = ${f(s.wD)}   (original model)`,
    `w_R  = ${f(s.wR)}   (oracle)`,
    `w_DA = ${f(s.wDA)}   (DA's local minimum)`,
    ...s.stationaryDA.map((p) => `  stationary point of L_DA: w = ${f(p.w)} on W${p.branch === 0 ? '0' : '−1'}, ${p.kind} (f'' = ${p.curvature.toString()})`),
    `Lemma 3 ordering (w_DA − w_D)(w_D − w_R) ≥ 0: ${s.lemma3}`,
    `Δ_RD = ${f(s.deltaRD)} ≤ Lemma 4 bound ${f(s.lemma4Bound)};  Δ_RDA = ${s.deltaRDA.isFinite() ? f(s.deltaRDA) : '∞'} (Lemma 5 bound ${f(s.lemma5Bound)})`,
  ].join('\n');
}

function batchConfigs(path: string): { cfg: Config1d; digits: number }[] {
  return readJsonLines(path, ALLOWED).map(({ get, where }) => {
    const d = get('digits');
    const digits = d === undefined ? 50 : intValue(d, `${where}digits`, DOMAINS.digitsGuarded);
    return { cfg: config1dFrom(get, where), digits };
  });
}

export const solve1dCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.solve1d!);
  const batch = flagString(args, 'batch');
  if (batch === undefined && args.flags.has('format')) throw new UsageError('--format applies to --batch only (one configuration prints text, or JSON with --json)');
  if (batch !== undefined) {
    allowOnly(args, ['batch', 'json', 'format']);
    const format = choice(flagString(args, 'format') ?? 'json', '--format', ['json', 'csv']);
    if (format === 'csv' && args.flags.has('json')) throw new UsageError('--format csv and --json ask for two different outputs: give one');
    const items = batchConfigs(batch);
    const meter = progressMeter(io, 'solve1d --batch', items.length);
    const out = items.map(({ cfg, digits }, i) => {
      const s = solutionJson(cfg, solve1d(cfg, digits));
      assertFinite(s, `solve1d ${JSON.stringify(cfg)}`);
      meter(i + 1);
      return s;
    });
    io.out(format === 'csv' ? jsonRowsCsv(out).trimEnd() : JSON.stringify(out));
    return 0;
  }
  const cfg = config1dFrom((k) => flagString(args, k));
  const digits = digitsFlag(args, DOMAINS.digitsGuarded);
  const s = solve1d(cfg, digits);
  assertFinite(solutionJson(cfg, s), 'solve1d');
  io.out(args.flags.has('json') ? JSON.stringify(solutionJson(cfg, s)) : text(s));
  return 0;
};
