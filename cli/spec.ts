/**
 * What each command accepts, declared once: its flags (value or boolean), positionals, the range of
 * every value (from cli/domains.ts) and an example. The parser refuses anything not declared here,
 * and `ascent-verify help COMMAND` / `COMMAND --help` print it. Kept free of heavy imports so that
 * help and refusals cost nothing.
 */
import { DOMAINS } from './domains.ts';

export interface FlagSpec {
  name: string;
  /** the value's placeholder; absent for a boolean flag */
  value?: string;
  help: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  flags: FlagSpec[];
  /** positional arguments: how many, and what they are; absent = none accepted */
  positionals?: { min: number; max: number; help: string };
  example: string;
}

/** Flags every command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'help', help: 'print this help and exit 0' },
  { name: 'debug', help: 'print the stack trace of an internal error' },
  { name: 'progress', help: 'progress on stderr even with --json (which otherwise silences it)' },
];

const json: FlagSpec = { name: 'json', help: 'print exactly one JSON document on stdout' };
const batchFormat: FlagSpec = { name: 'format', value: 'json|csv', help: 'with --batch: one JSON array (default) or CSV, one row per batch line, a header row, every number at full precision' };
const D = DOMAINS;
const counts = (sub: 'Rj' | 'Rij'): FlagSpec[] => [
  { name: 'R', value: 'n', help: `|R|, retain-set size: ${D.count.text}` },
  { name: 'F', value: 'n', help: `|F|, forget-set size: ${D.count.text}` },
  { name: sub, value: 'n', help: `|${sub === 'Rj' ? 'R_j' : 'R_ij'}|: ${D.count.text}, ≤ |R|` },
];
const alpha = (sub: string): FlagSpec => ({ name: 'alpha', value: 'a', help: `α = |F_${sub}|/|R_${sub}|: ${D.alpha.text}, with α·|R_${sub}| ≤ |F|` });

export const SPECS: Record<string, CommandSpec> = {
  lambertw: {
    name: 'lambertw',
    summary: 'Lambert W at arbitrary precision',
    usage: 'lambertw <z>... [--branch 0|-1] [--digits N] [--json]',
    positionals: { min: 1, max: 1000, help: `z: ${D.z.text}; z ≥ −1/e, and −1/e ≤ z < 0 for --branch -1` },
    flags: [{ name: 'branch', value: '0|-1', help: 'the branch: 0 (default) or -1' }, { name: 'digits', value: 'N', help: `significant digits: ${D.digitsW.text} (default 50)` }, json],
    example: 'ascent-verify lambertw 1 -0.2 --digits 60',
  },
  solve1d: {
    name: 'solve1d',
    summary: '1-D closed forms (Lemma 2) and Lemmas 3–5 at one configuration',
    usage: 'solve1d --R n --F n --Rj n --alpha a --lambda l [--digits N] [--json] | solve1d --batch FILE [--format json|csv]',
    flags: [...counts('Rj'), alpha('j'), { name: 'lambda', value: 'l', help: `ridge λ: ${D.lambda1d.text}` }, { name: 'digits', value: 'N', help: `significant digits: ${D.digitsGuarded.text} (default 50)` }, { name: 'batch', value: 'FILE', help: 'JSON lines {R, F, Rj, alpha, lambda[, digits]} in (same ranges), one JSON array out' }, batchFormat, json],
    example: 'ascent-verify solve1d --R 1000 --F 250 --Rj 40 --alpha 0.3 --lambda 0.05',
  },
  solve2d: {
    name: 'solve2d',
    summary: '2-D stationary points of L_D, L_R, L_DA with their Hessian kinds, DA\'s fold, the paper\'s bounds',
    usage: 'solve2d --R n --F n --Rij n --alpha a --lambda l --eps e [--digits N] [--json] | solve2d --batch FILE [--digits N] [--format json|csv]',
    flags: [...counts('Rij'), alpha('ij'), { name: 'lambda', value: 'l', help: `ridge λ: ${D.lambdaF64.text} (the float64 Newton starts)` }, { name: 'eps', value: 'e', help: `feature overlap ε: ${D.eps.text}` }, { name: 'digits', value: 'N', help: `significant digits: ${D.digitsGuarded.text} (default 50)` }, { name: 'batch', value: 'FILE', help: 'JSON lines {R, F, Rij, alpha, lambda, eps} in (same ranges), one JSON array out' }, batchFormat, json],
    example: 'ascent-verify solve2d --R 1000 --F 100 --Rij 50 --alpha 0.01 --lambda 0.01 --eps 0.3',
  },
  figure4: {
    name: 'figure4',
    summary: 'Figure 4: per ε, the guaranteed α-window, the exact ordering set and DA\'s fold',
    usage: 'figure4 --R n --F n --Rij n --lambda l [--eps-grid min:max:points] [--alpha-grid N] [--json]',
    flags: [...counts('Rij'), { name: 'lambda', value: 'l', help: `ridge λ: ${D.lambdaF64.text}` }, { name: 'eps-grid', value: 'min:max:points', help: `ε grid: min ≤ max, each ${D.eps.text}; points ${D.epsGridPoints.text} (default 0.05:0.95:19)` }, { name: 'alpha-grid', value: 'N', help: `α grid points per ε: ${D.alphaGrid.text} (default 200)` }, json],
    example: 'ascent-verify figure4 --R 34 --F 12 --Rij 2 --lambda 0.563 --eps-grid 0.05:0.95:19',
  },
  iterate: {
    name: 'iterate',
    summary: 'iterative descent-ascent (App. C.3): the orbit from w_D and every fixed point of the two-step map',
    usage: 'iterate --R n --F n --Rj n --alpha a --lambda l --eta e [--steps N] [--json]',
    flags: [...counts('Rj'), alpha('j'), { name: 'lambda', value: 'l', help: `ridge λ: ${D.lambdaF64.text}` }, { name: 'eta', value: 'e', help: `step size η: ${D.etaIterate.text}` }, { name: 'steps', value: 'N', help: `iteration cap: ${D.iterateSteps.text} (default 1000000)` }, json],
    example: 'ascent-verify iterate --R 1000 --F 100 --Rj 50 --alpha 0.12 --lambda 0.01 --eta 0.1',
  },
  simulate: {
    name: 'simulate',
    summary: 'batched gradient descent on configurations drawn from the assumptions, scored against the theory',
    usage: 'simulate [--setting 1d|2d] --objective D|R|DA|DA-iterative [--loss exponential|logistic] --batch B --steps T --eta E [--backend auto|cpu|cpu-workers|webgpu] [--workers N] [--trajectory K] [--seed N] [--assumptions FILE] [--json]',
    flags: [
      { name: 'setting', value: '1d|2d', help: 'default 1d' },
      { name: 'objective', value: 'D|R|DA|DA-iterative', help: 'the objective descended' },
      { name: 'loss', value: 'exponential|logistic', help: 'default exponential (2d needs exponential)' },
      { name: 'batch', value: 'B', help: `configurations: ${D.simulateBatch.text}` },
      { name: 'steps', value: 'T', help: `steps: ${D.simulateSteps.text}` },
      { name: 'eta', value: 'E', help: `step size: ${D.etaSimulate.text}` },
      { name: 'backend', value: 'auto|webgpu|cpu-workers|cpu', help: 'default auto' },
      { name: 'workers', value: 'N', help: `CPU workers: ${D.simulateWorkers.text}` },
      { name: 'trajectory', value: 'K', help: 'record every K-th step of the first configuration: an integer in [1, T]' },
      { name: 'seed', value: 'N', help: `${D.seedSimulate.text} (default 1)` },
      { name: 'assumptions', value: 'FILE', help: 'assumptions file (default assumptions.json)' },
      json,
    ],
    example: 'ascent-verify simulate --objective DA --loss logistic --batch 2000 --steps 20000 --eta 0.05',
  },
  verify: {
    name: 'verify',
    summary: 'check every claim and write results.json, report.md, report.html and charts/ into one run directory',
    usage: 'verify [--profile quick|full] [--assumptions FILE] [--seed N] [--out DIR] [--claims ID,ID] [--empirics DIR|none] [--json]',
    flags: [
      { name: 'profile', value: 'quick|full', help: 'default quick' },
      { name: 'assumptions', value: 'FILE', help: 'assumptions file (default assumptions.json); unknown keys are refused' },
      { name: 'seed', value: 'N', help: `${D.seedVerify.text} (default $SEED or 20251126)` },
      { name: 'out', value: 'DIR', help: 'run directory (default out/PROFILE, the one `report` reads); replaced whole at the end, never mixed with an earlier run' },
      { name: 'claims', value: 'ID,ID', help: 'only these claim ids' },
      { name: 'empirics', value: 'DIR|none', help: 'empirics run directory holding summary.json (default: the newest under out/empirics)' },
      json,
    ],
    example: 'ascent-verify verify --claims L2.closed-form,L3.ordering --out /tmp/run',
  },
  report: {
    name: 'report',
    summary: 'rebuild report.md, report.html and charts/ from a results.json, optionally listing verdicts moved since another run',
    usage: 'report [--results FILE] [--out DIR] [--format all|html|md|csv|latex] [--compare OLD/results.json] [--json]',
    flags: [
      { name: 'results', value: 'FILE', help: 'default out/quick/results.json (where `verify` writes by default)' },
      { name: 'out', value: 'DIR', help: 'run directory (default: the results file\'s directory); replaced whole, results.json included (csv/latex only add their table)' },
      { name: 'format', value: 'all|html|md|csv|latex', help: 'default all (report.md, report.html, charts/); csv/latex: the verdict table alone' },
      { name: 'compare', value: 'FILE', help: 'an older results.json' },
      json,
    ],
    example: 'ascent-verify report --results out/mine/results.json --compare out/quick/results.json',
  },
  claims: {
    name: 'claims',
    summary: 'list the claims with their last verdicts, or explain one (statement, verdict, counterexample, reproducing command)',
    usage: 'claims [show ID] [--results FILE] [--json]',
    positionals: { min: 0, max: 2, help: 'nothing (list every claim) or `show ID`' },
    flags: [{ name: 'results', value: 'FILE', help: 'default out/quick/results.json (where `verify` writes by default)' }, json],
    example: 'ascent-verify claims show L3.ordering',
  },
  figure: {
    name: 'figure',
    summary: "the paper's figures redrawn by name",
    usage: 'figure 1|2|4|5|6|7 [--out FILE.png|.svg|.csv] [--config window|empty | --R n --F n --Rij n --lambda l] [--link NAME|all] [--empirics DIR] [--set NAME|all] [--json]',
    positionals: { min: 1, max: 1, help: 'the figure number: 1, 2, 6, 7 (KLoM panels from an empirics run), 4 (the guaranteed α-window over ε) or 5 (the toy landscape)' },
    flags: [
      { name: 'out', value: 'FILE', help: 'FILE.png or FILE.svg (or .csv for the numbers)' },
      { name: 'config', value: 'window|empty', help: 'figure 4: a named configuration (default window)' },
      ...counts('Rij'),
      { name: 'lambda', value: 'l', help: `figure 4: ridge λ: ${D.lambdaF64.text}` },
      { name: 'link', value: 'NAME|all', help: 'figure 5: the toy link (default all)' },
      { name: 'empirics', value: 'DIR', help: 'figures 1, 2, 6, 7: a run directory holding summary.json (default the committed results/empirics/mnist-mlp-n100)' },
      { name: 'set', value: 'NAME|all', help: 'figures 1, 6, 7: one forget set or all (default all, one file each); figure 2: one set (default the smallest random one)' },
      json,
    ],
    example: 'ascent-verify figure 4 --out fig4.svg; ascent-verify figure 1 --set influence-10 --out fig1.png',
  },
  bench: {
    name: 'bench',
    summary: 'benchmarks beside a reference measured in the same run',
    usage: 'bench lambertw|sim|train [--quick] [--json]',
    positionals: { min: 1, max: 1, help: 'the benchmark: lambertw, sim or train' },
    flags: [{ name: 'quick', help: 'a short run' }, json],
    example: 'ascent-verify bench lambertw --quick',
  },
  empirics: {
    name: 'empirics',
    summary: 'GA, GDA and SCRUB against retrained oracles, scored by KLoM (resumable)',
    usage: 'empirics --profile smoke|quick|n100|full [--dataset mnist|cifar10|synthetic] [--model mlp|small-cnn|resnet9] [--data-dir DIR] [--backend auto|webgpu|tfjs-node-gpu|tfjs-node|wasm|cpu] [--out DIR] [--seed N] [--workers N] [--rho R] [--json]',
    flags: [
      { name: 'profile', value: 'smoke|quick|n100|full', help: 'required: smoke (seconds), quick (14×14 MNIST, N = 20, ≈ 15 min on 2 cores), n100 (28×28 MNIST, N = 100, App. J grids: the run npm test judges, ≈ 2 h on 2 cores), full (ResNet-9 on CIFAR-10: a GPU)' },
      { name: 'dataset', value: 'mnist|cifar10|synthetic', help: 'default mnist' },
      { name: 'model', value: 'mlp|small-cnn|resnet9', help: 'default: the profile\'s' },
      { name: 'data-dir', value: 'DIR', help: 'cifar-10-batches-bin directory (cifar10 only)' },
      { name: 'backend', value: 'NAME', help: 'auto (webgpu, tfjs-node-gpu, tfjs-node, wasm, cpu: the first that starts) or one of them; default auto' },
      { name: 'out', value: 'DIR', help: 'run directory (default out/empirics/DATASET-MODEL-PROFILE); rerunning resumes' },
      { name: 'seed', value: 'N', help: `${D.seedEmpirics.text} (default 1)` },
      { name: 'workers', value: 'N', help: D.empiricsWorkers.text },
      { name: 'rho', value: 'R', help: `synthetic dependence: ${D.rho.text} (synthetic only)` },
      json,
    ],
    example: 'ascent-verify empirics --profile smoke --dataset synthetic',
  },
  klom: {
    name: 'klom',
    summary: 'KLoM of unlearned vs oracle margins',
    usage: 'klom --oracle FILE --unlearned FILE [--json]   (files: {"margins": number[models][samples]})',
    flags: [{ name: 'oracle', value: 'FILE', help: 'oracle margins' }, { name: 'unlearned', value: 'FILE', help: 'unlearned margins' }, json],
    example: 'ascent-verify klom --oracle o.json --unlearned u.json --json',
  },
};

export const EXIT_CODES_TEXT = [
  'exit codes: 0 answered; 1 a verdict moved (verify); 2 bad input (one line naming the argument and its range);',
  '            3 valid input the mathematics could not answer (one line, "not converged: …"); 4 internal error (a bug; --debug prints the stack)',
].join('\n');

/** `COMMAND --help`: usage, flags with ranges, an example, the exit codes. */
export function commandHelp(spec: CommandSpec): string {
  const lines = [`usage: ascent-verify ${spec.usage}`, '', spec.summary, ''];
  if (spec.positionals) lines.push('arguments:', `  ${spec.positionals.help}`, '');
  lines.push('options:');
  for (const f of [...spec.flags, ...GLOBAL_FLAGS]) lines.push(`  --${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(30) + ` ${f.help}`);
  lines.push('', `example: ${spec.example}`, '', EXIT_CODES_TEXT);
  return lines.join('\n');
}
