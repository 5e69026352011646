/**
 * The `ascent-verify` command: a thin dispatcher. Each subcommand lives in cli/commands/<name>.ts,
 * validates all of its input before doing any work, and returns an exit code. A UsageError (bad
 * input) prints one line and exits 2.
 */
import { UsageError, processIo, type Command, type Io } from './args.ts';
import { AssumptionsError } from '../theory/assumptions.ts';
import { LambertWDomainError } from '../theory/lambertw.ts';

/** Subcommands, loaded lazily so `lambertw` does not pay for `verify`'s imports. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  lambertw: { summary: 'Lambert W at arbitrary precision: lambertw <z>... [--branch 0|-1] [--digits N] [--json]', load: async () => (await import('./commands/lambertw.ts')).lambertwCommand },
  solve1d: { summary: '1-D closed forms: solve1d --R n --F n --Rj n --alpha a --lambda l [--digits N] [--json] | --batch FILE', load: async () => (await import('./commands/solve1d.ts')).solve1dCommand },
  solve2d: { summary: '2-D stationary points: solve2d --R n --F n --Rij n --alpha a --lambda l --eps e [--digits N] [--json] | --batch FILE', load: async () => (await import('./commands/solve2d.ts')).solve2dCommand },
  figure4: { summary: 'Figure 4 windows: figure4 --R n --F n --Rij n --lambda l [--eps-grid min:max:points] [--json]', load: async () => (await import('./commands/figure4.ts')).figure4Command },
  iterate: { summary: 'iterative descent-ascent: iterate --R n --F n --Rj n --alpha a --lambda l --eta e [--steps N] [--json]', load: async () => (await import('./commands/iterate.ts')).iterateCommand },
  simulate: { summary: 'batched gradient descent: simulate [--setting 1d|2d] --objective D|R|DA|DA-iterative [--loss exponential|logistic] --batch B --steps T --eta E [--backend auto|cpu|cpu-workers|webgpu] [--trajectory K] [--seed N] [--json]', load: async () => (await import('./commands/simulate.ts')).simulateCommand },
  verify: { summary: 'check every claim: verify [--profile quick|full] [--assumptions FILE] [--seed N] [--out DIR] [--empirics DIR|none] [--json]', load: async () => (await import('./commands/verify.ts')).verifyCommand },
  report: { summary: 'rebuild the report from results.json: report [--results FILE] [--out DIR] [--format all|html|md|csv|latex] [--compare OLD/results.json] [--json]', load: async () => (await import('./commands/report.ts')).reportCommand },
  claims: { summary: 'list the claims with their last verdicts, or explain one: claims [show ID] [--results FILE] [--json]', load: async () => (await import('./commands/claims.ts')).claimsCommand },
  figure: { summary: "the paper's figures redrawn by name: figure 4|5 [--out FILE.png|.svg|.csv] [--config window|empty | --R n --F n --Rij n --lambda l] [--link NAME|all] [--json]", load: async () => (await import('./commands/figure.ts')).figureCommand },
  bench: { summary: 'benchmarks: bench lambertw|sim [--quick] [--json]', load: async () => (await import('./commands/bench.ts')).benchCommand },
  empirics: { summary: 'GA, GDA and SCRUB against retrained oracles, scored by KLoM: empirics --profile smoke|quick|full [--dataset mnist|cifar10|synthetic] [--model mlp|small-cnn|resnet9] [--data-dir DIR] [--backend auto|webgpu|tfjs-node-gpu|tfjs-node|cpu] [--out DIR] [--seed N] [--workers N] [--json]', load: async () => (await import('./commands/empirics.ts')).empiricsCommand },
  klom: { summary: 'KLoM of unlearned vs oracle margins: klom --oracle FILE --unlearned FILE [--json] (files: {"margins": number[models][samples]})', load: async () => (await import('./commands/klom.ts')).klomCommand },
};

export function usage(): string {
  const lines = ['usage: ascent-verify <command> [options]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  return lines.join('\n');
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`ascent-verify: unknown command "${name}"; known: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof AssumptionsError || e instanceof LambertWDomainError) {
      io.err(`ascent-verify ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
