/**
 * The `ascent-verify` command: a thin dispatcher. Each subcommand lives in cli/commands/<name>.ts,
 * declares what it accepts in cli/spec.ts, validates all of its input before doing any work, and
 * returns an exit code. Every answer that is not a result is one line on stderr: bad input exits 2,
 * valid input the mathematics could not answer exits 3 ("not converged: …"), an internal error
 * exits 4 (its stack only with --debug).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, processIo, type Command, type Io } from './args.ts';
import { EXIT, NotConvergedError, UsageError } from './errors.ts';
import { SPECS, commandHelp, EXIT_CODES_TEXT } from './spec.ts';
import { AssumptionsError } from '../theory/assumptions.ts';
import { LambertWDomainError } from '../theory/lambertw.ts';
import { NonConvergenceError } from '../theory/errors.ts';
import { OutDirError } from '../empirics/io/stagedDir.ts';

/** Subcommands, loaded lazily so `lambertw` does not pay for `verify`'s imports. */
const LOADERS: Record<string, () => Promise<Command>> = {
  lambertw: async () => (await import('./commands/lambertw.ts')).lambertwCommand,
  solve1d: async () => (await import('./commands/solve1d.ts')).solve1dCommand,
  solve2d: async () => (await import('./commands/solve2d.ts')).solve2dCommand,
  figure4: async () => (await import('./commands/figure4.ts')).figure4Command,
  iterate: async () => (await import('./commands/iterate.ts')).iterateCommand,
  simulate: async () => (await import('./commands/simulate.ts')).simulateCommand,
  verify: async () => (await import('./commands/verify.ts')).verifyCommand,
  report: async () => (await import('./commands/report.ts')).reportCommand,
  claims: async () => (await import('./commands/claims.ts')).claimsCommand,
  figure: async () => (await import('./commands/figure.ts')).figureCommand,
  bench: async () => (await import('./commands/bench.ts')).benchCommand,
  empirics: async () => (await import('./commands/empirics.ts')).empiricsCommand,
  klom: async () => (await import('./commands/klom.ts')).klomCommand,
};

export function usage(): string {
  const lines = ['usage: ascent-verify <command> [options]      ascent-verify help <command>      ascent-verify --version', '', 'commands:'];
  for (const s of Object.values(SPECS)) lines.push(`  ${s.name.padEnd(10)} ${s.summary}`);
  lines.push('', 'every command: --json (one JSON document), --help, --progress (progress on stderr under --json), --debug', '', EXIT_CODES_TEXT);
  return lines.join('\n');
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

const oneLine = (m: string): string => m.split('\n')[0]!.trim();

/** Errors that mean the input was refused (exit 2): validation, assumptions, W's domain, --out. */
const isBadInput = (e: unknown): e is Error => e instanceof UsageError || e instanceof AssumptionsError || e instanceof LambertWDomainError || e instanceof OutDirError;
/**
 * Valid input the method could not answer (exit 3): the CLI's NotConvergedError (a deadline) and
 * theory's NonConvergenceError (a step cap, a lost bracket, a series that did not converge); the
 * fuzz property (tests/cli-fuzz.test.ts) drives the commands into them inside the declared domains.
 */
const isNotConverged = (e: unknown): e is Error => e instanceof NotConvergedError || e instanceof NonConvergenceError;

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`ascent-verify: give a command (${Object.keys(SPECS).join(', ')}); ascent-verify help lists them`);
    return EXIT.badInput;
  }
  if (name === '--version' || name === '-V') {
    io.out(version());
    return EXIT.answered;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    if (rest.length > 1 || (name !== 'help' && rest.length)) {
      io.err(`ascent-verify: help takes at most one command name, got "${rest.join(' ')}"`);
      return EXIT.badInput;
    }
    if (topic === undefined) io.out(usage());
    else if (SPECS[topic]) io.out(commandHelp(SPECS[topic]!));
    else {
      io.err(`ascent-verify: no help for unknown command "${topic}"; known: ${Object.keys(SPECS).join(', ')}`);
      return EXIT.badInput;
    }
    return EXIT.answered;
  }
  const load = LOADERS[name];
  if (!load || !SPECS[name]) {
    io.err(`ascent-verify: unknown command "${name}"; known: ${Object.keys(SPECS).join(', ')} (ascent-verify help)`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h') || rest.some((a) => a.startsWith('--help='))) {
    io.out(commandHelp(SPECS[name]!));
    return EXIT.answered;
  }
  const debug = rest.includes('--debug');
  // progress goes to stderr; --json silences it unless --progress asks for it
  const quiet = rest.some((a) => a === '--json' || a === '--json=true') && !rest.some((a) => a === '--progress' || a === '--progress=true');
  const cio: Io = { out: io.out, err: io.err, progress: quiet ? () => {} : io.err };
  try {
    // flags and positionals are checked against the declared spec before the command's (sometimes
    // heavy) modules load, so a misspelt flag is refused at once
    parseArgs(rest, SPECS[name]!);
    const command = await load();
    return await command(rest, cio);
  } catch (e) {
    if (isBadInput(e)) {
      io.err(`ascent-verify ${name}: ${oneLine(e.message)}`);
      return EXIT.badInput;
    }
    if (isNotConverged(e)) {
      io.err(`ascent-verify ${name}: not converged: ${oneLine(e.message)}`);
      return EXIT.notConverged;
    }
    const err = e instanceof Error ? e : new Error(String(e));
    io.err(`ascent-verify ${name}: internal error: ${oneLine(`${err.name}: ${err.message}`)}${debug ? '' : ' (rerun with --debug for the stack; please report it)'}`);
    if (debug && err.stack) io.err(err.stack);
    return EXIT.internal;
  }
}
