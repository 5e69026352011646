/**
 * Argument parsing and validation for the CLI. Every bad value becomes a UsageError whose message
 * is one line naming the argument and the allowed range; main() prints it and exits with 2.
 */
import { readFileSync } from 'node:fs';
import { Decimal } from 'decimal.js';
import { NotConvergedError, UsageError } from './errors.ts';
import { inDomain, intIn, type Domain } from './domains.ts';
import { GLOBAL_FLAGS, type CommandSpec } from './spec.ts';
import { nearest } from '../theory/assumptions.ts';

export { UsageError, NotConvergedError } from './errors.ts';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
  /** --help was given (anywhere): print the command's help instead of running it */
  help: boolean;
}

/** `--flag`, `--flag=true` and `--flag=false` for a boolean; anything else names the flag. */
function booleanValue(name: string, v: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`--${name} takes no value (or =true / =false), got "--${name}=${v}"`);
}


/**
 * Parses against a command's declared flags (cli/spec.ts): `--name value`, `--name=value`, boolean
 * `--flag` (or `--flag=true|false`), `-h` for --help, `--` ending the flags. An undeclared flag is
 * refused with the nearest declared name; positionals are kept only if the command declares them.
 * With --help anywhere the rest is not checked.
 */
export function parseArgs(argv: string[], spec: CommandSpec): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h') || argv.some((a) => a.startsWith('--help='))) return { positional: [], flags: new Map(), help: true };
  const all = [...spec.flags, ...GLOBAL_FLAGS.filter((g) => g.name !== 'help')];
  const byName = new Map(all.map((f) => [f.name, f]));
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
      const f = byName.get(name);
      if (!f) {
        const near = nearest(name, [...byName.keys()]);
        throw new UsageError(`unknown option --${name}${near ? `; did you mean --${near}?` : ''} (${spec.name} takes ${spec.flags.map((x) => `--${x.name}`).join(', ')}; see ascent-verify help ${spec.name})`);
      }
      if (flags.has(name)) throw new UsageError(`--${name} given more than once`);
      if (!f.value) {
        if (eq < 0 || booleanValue(name, a.slice(eq + 1))) flags.set(name, true);
      } else if (eq >= 0) flags.set(name, a.slice(eq + 1));
      else {
        const v = argv[i + 1];
        // a value may start with one dash (-0.5, -1); a token starting with -- is the next flag
        if (v === undefined || v.startsWith('--')) throw new UsageError(`--${name} needs a value (${f.value}: ${f.help})`);
        flags.set(name, v!);
        i++;
      }
    } else positional.push(a);
  }
  const p = spec.positionals;
  if (!p && positional.length) throw new UsageError(`unexpected argument "${positional[0]}": ${spec.name} takes only options (usage: ascent-verify ${spec.usage})`);
  if (p && positional.length > p.max) throw new UsageError(`unexpected argument "${positional[p.max]}": ${spec.name} takes at most ${p.max} (${p.help})`);
  return { positional, flags, help: false };
}

/** The closest of `names` to `name` by edit distance, if it is close enough to be a likely typo. */
export { nearest };

/** Rejects flags the command does not take in this mode (e.g. single-solve flags with --batch). */
export function allowOnly(args: ParsedArgs, known: readonly string[]): void {
  for (const k of args.flags.keys()) {
    if (!known.includes(k) && !GLOBAL_FLAGS.some((g) => g.name === k)) throw new UsageError(`--${k} cannot be combined with ${known.includes('batch') ? '--batch' : 'these options'}; allowed: ${known.map((x) => `--${x}`).join(', ')}`);
  }
}

/** A boolean flag's value. */
export const flag = (args: ParsedArgs, name: string): boolean => args.flags.get(name) === true;

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

/** A decimal inside a declared domain (cli/domains.ts). */
export function decimalValue(raw: string, name: string, d: Domain): Decimal {
  return inDomain(raw, name, d);
}

/** An integer inside a declared domain, as a number. */
export function intValue(raw: string, name: string, d: Domain): number {
  return intIn(raw, name, d);
}

/** --digits inside `d` (lambertw: [10, 1000]; the guarded solvers: [10, 990]). */
export function digitsFlag(args: ParsedArgs, d: Domain, fallback = 50): number {
  const raw = flagString(args, 'digits');
  return raw === undefined ? fallback : intIn(raw, '--digits', d);
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

/** Text of a file as UTF-8, without a leading byte-order mark; a one-line UsageError if unreadable. */
export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new UsageError(`${what} "${path}" cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * JSON.parse with every number kept as its source text (a string), so 1e-400 is not read as 0 nor
 * 1e400 as Infinity before the domain check sees it. Numbers are quoted outside strings only.
 */
export function parseJsonKeepingNumbers(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) return JSON.parse(text); // malformed: let JSON.parse name it
      out += JSON.stringify(m[0]);
      i += m[0].length - 1;
    } else out += c;
  }
  return JSON.parse(out);
}

export interface BatchRecord {
  get: (k: string) => string | undefined;
  where: string;
}

/**
 * A --batch file of JSON lines (a UTF-8 BOM is allowed): one object per non-empty line, only
 * `allowed` fields, each a number or a decimal string. Values come back as their exact text.
 */
export function readJsonLines(path: string, allowed: readonly string[]): BatchRecord[] {
  const body = readText(path, '--batch');
  const out: BatchRecord[] = [];
  for (const [i, line] of body.split('\n').entries()) {
    if (!line.trim()) continue;
    const where = `--batch line ${i + 1}: `;
    let obj: unknown;
    try {
      obj = parseJsonKeepingNumbers(line);
    } catch {
      throw new UsageError(`${where}not a JSON object`);
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) throw new UsageError(`${where}not a JSON object`);
    const rec = obj as Record<string, unknown>;
    const extra = Object.keys(rec).filter((k) => !allowed.includes(k));
    if (extra.length) {
      const near = nearest(extra[0]!, allowed);
      throw new UsageError(`${where}unknown field(s) ${extra.join(', ')}${near ? ` (did you mean ${near}?)` : ''}; allowed: ${allowed.join(', ')}`);
    }
    for (const [k, v] of Object.entries(rec)) if (typeof v !== 'string') throw new UsageError(`${where}${k} must be a number or a decimal string, got ${JSON.stringify(v)}`);
    out.push({ get: (k) => (rec[k] === undefined ? undefined : (rec[k] as string)), where });
  }
  if (!out.length) throw new UsageError(`--batch "${path}" holds no parameter objects`);
  return out;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** progress lines (stderr; silent under --json unless --progress); set by main() */
  progress?: (text: string) => void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** A command: validates everything first, then runs; returns the exit code. */
export type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * No non-finite number leaves the CLI (design.md): a NaN or ±Infinity anywhere in an answer (as a
 * number or as a decimal string) means the mathematics did not answer, so it becomes exit 3.
 */
export function assertFinite(doc: unknown, what: string, path = ''): void {
  if (typeof doc === 'number' && !Number.isFinite(doc)) throw new NotConvergedError(`${what}: ${path || 'the result'} is ${doc}`);
  if (typeof doc === 'string' && /^[+-]?(NaN|Infinity)$/.test(doc)) throw new NotConvergedError(`${what}: ${path || 'the result'} is ${doc}`);
  if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) assertFinite(v, what, path ? `${path}.${k}` : k);
}
