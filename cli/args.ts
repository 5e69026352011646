/**
 * Argument parsing and validation for the CLI. Every bad value becomes a UsageError whose message
 * is one line naming the argument and the allowed range; main() prints it and exits with 2.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and boolean `--flag` (names in `booleans`). */
export function parseArgs(argv: string[], booleans: readonly string[] = ['json']): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (flags.has(name)) throw new UsageError(`--${name} given more than once`);
      if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else if (booleans.includes(name)) flags.set(name, true);
      else {
        const v = argv[i + 1];
        if (v === undefined || (v.startsWith('--') && !/^--?\d/.test(v))) throw new UsageError(`--${name} needs a value`);
        flags.set(name, v);
        i++;
      }
    } else positional.push(a);
  }
  return { positional, flags };
}

/** Rejects flags the command does not know, listing the ones it does. */
export function allowOnly(args: ParsedArgs, known: readonly string[]): void {
  for (const k of args.flags.keys()) {
    if (!known.includes(k)) throw new UsageError(`unknown option --${k}; allowed: ${known.map((x) => `--${x}`).join(', ')}`);
  }
}

export function flagString(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export function required(args: ParsedArgs, name: string, allowed: string): string {
  const v = flagString(args, name);
  if (v === undefined) throw new UsageError(`--${name} is required (${allowed})`);
  return v;
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal number (kept exact as a string) with an optional open/closed lower and upper bound. */
export function decimalValue(raw: string, name: string, bounds: { gt?: Decimal.Value; ge?: Decimal.Value; lt?: Decimal.Value; le?: Decimal.Value } = {}): Decimal {
  const allowed = describeBounds(bounds);
  if (!NUMERIC.test(raw.trim())) throw new UsageError(`${name} must be a finite number${allowed}, got "${raw}"`);
  const d = new Decimal(raw.trim());
  if (bounds.gt !== undefined && !d.gt(bounds.gt)) throw new UsageError(`${name} must be${allowed}, got ${raw}`);
  if (bounds.ge !== undefined && !d.gte(bounds.ge)) throw new UsageError(`${name} must be${allowed}, got ${raw}`);
  if (bounds.lt !== undefined && !d.lt(bounds.lt)) throw new UsageError(`${name} must be${allowed}, got ${raw}`);
  if (bounds.le !== undefined && !d.lte(bounds.le)) throw new UsageError(`${name} must be${allowed}, got ${raw}`);
  return d;
}

function describeBounds(b: { gt?: Decimal.Value; ge?: Decimal.Value; lt?: Decimal.Value; le?: Decimal.Value }): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.ge !== undefined) parts.push(`≥ ${b.ge}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.le !== undefined) parts.push(`≤ ${b.le}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

export function positiveInt(raw: string, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\+?\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > max) {
    throw new UsageError(`${name} must be a positive integer (1 to ${max}), got "${raw}"`);
  }
  return Number(raw);
}

export function digitsFlag(args: ParsedArgs, fallback = 50): number {
  const raw = flagString(args, 'digits');
  if (raw === undefined) return fallback;
  if (!/^\+?\d+$/.test(raw.trim()) || Number(raw) < 10 || Number(raw) > 1000) {
    throw new UsageError(`--digits must be an integer in [10, 1000], got "${raw}"`);
  }
  return Number(raw);
}

export function choice<T extends string>(raw: string, name: string, allowed: readonly T[]): T {
  if (!allowed.includes(raw as T)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

/** A value getter that throws "--name is required (allowed)" when absent; `where` prefixes messages. */
export function requiring(get: (name: string) => string | undefined, where = ''): (name: string, allowed: string) => string {
  return (name, allowed) => {
    const v = get(name);
    if (v === undefined) throw new UsageError(`${where}--${name} is required (${allowed})`);
    return v;
  };
}

/**
 * A --batch file of JSON lines: one object per non-empty line, only `allowed` fields. Each
 * record comes with a getter (values as strings) and its "--batch line N: " message prefix.
 */
export function readJsonLines(path: string, allowed: readonly string[]): { get: (k: string) => string | undefined; where: string }[] {
  let body: string;
  try {
    body = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--batch "${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: { get: (k: string) => string | undefined; where: string }[] = [];
  for (const [i, line] of body.split('\n').entries()) {
    if (!line.trim()) continue;
    const where = `--batch line ${i + 1}: `;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new UsageError(`${where}not a JSON object`);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new UsageError(`${where}not a JSON object`);
    const rec = obj as Record<string, unknown>;
    const extra = Object.keys(rec).filter((k) => !allowed.includes(k));
    if (extra.length) throw new UsageError(`${where}unknown field(s) ${extra.join(', ')}; allowed: ${allowed.join(', ')}`);
    out.push({ get: (k) => (rec[k] === undefined ? undefined : String(rec[k])), where });
  }
  if (!out.length) throw new UsageError(`--batch "${path}" holds no parameter objects`);
  return out;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** A command: validates everything first, then runs; returns the exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;
