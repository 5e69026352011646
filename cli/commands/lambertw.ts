/** `ascent-verify lambertw <z>... [--branch 0|-1] [--digits N] [--json]` → {z, branch, digits, value}. */
import { choice, decimalValue, digitsFlag, flagString, parseArgs, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { SPECS } from '../spec.ts';
import { lambertW, type Branch } from '../../theory/lambertw.ts';

export const lambertwCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.lambertw!);
  if (!args.positional.length) throw new UsageError('give at least one z (a decimal number ≥ −1/e; for --branch -1, −1/e ≤ z < 0)');
  const branch = Number(choice(flagString(args, 'branch') ?? '0', '--branch', ['0', '-1'] as const)) as Branch;
  const digits = digitsFlag(args, DOMAINS.digitsW);
  const zs = args.positional.map((z, i) => decimalValue(z, args.positional.length > 1 ? `z #${i + 1}` : 'z', DOMAINS.z));
  // evaluate everything before printing anything, so a domain error leaves no partial output
  const rows = zs.map((z, i) => ({ z: args.positional[i]!.trim(), branch, digits, value: lambertW(z, branch, digits).toString() }));
  if (args.flags.has('json')) io.out(JSON.stringify(rows.length === 1 ? rows[0] : rows));
  else for (const r of rows) io.out(`W${branch === 0 ? '0' : '−1'}(${r.z}) = ${r.value}`);
  return 0;
};
