/**
 * A run directory that is always one consistent run (issue 14): everything is written into a fresh
 * staging directory beside the target, which then replaces the target by two renames. A kill at
 * any moment leaves the old run or the new one at the target (between the two renames the old run
 * sits, whole, at `<dir>.previous-run`, and the next run puts it back before anything else); charts
 * of an earlier run never survive, since the new directory starts empty. Files in the old directory
 * that are not part of a run (say a results file kept beside it) are hard-linked into the new one,
 * so a kill cannot lose them; a foreign sub-directory makes the target refused before any work.
 * Used by `verify` and `report` (which write through reports/build.ts into the staging directory).
 */
import { accessSync, constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Entries a run directory holds (reports/build.ts, verify, the browser check's screenshot). */
const RUN_ENTRIES = new Set(['results.json', 'report.md', 'report.html', 'charts', 'figures', 'report-screenshot.png', 'verdicts.csv', 'verdicts.tex']);

export class OutDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutDirError';
  }
}

const previousOf = (dir: string): string => `${dir}.previous-run`;
const stagingPrefix = (dir: string): string => `.${basename(dir)}.staging-`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Puts back a run left at `<dir>.previous-run` by a kill between the two renames; drops dead stagings. */
function recover(dir: string): void {
  if (!existsSync(dir) && existsSync(previousOf(dir))) renameSync(previousOf(dir), dir);
  // killed after the new run took its place: the old one is only waiting to be removed
  else if (existsSync(previousOf(dir))) rmSync(previousOf(dir), { recursive: true, force: true });
  const parent = dirname(dir);
  if (!existsSync(parent)) return;
  for (const e of readdirSync(parent)) {
    if (!e.startsWith(stagingPrefix(dir))) continue;
    const pid = Number(e.slice(stagingPrefix(dir).length).split('-')[0]);
    if (!alive(pid)) rmSync(join(parent, e), { recursive: true, force: true });
  }
}

/**
 * Checks, without writing anything, that `dir` can become a run directory: not a file, not a
 * directory holding sub-directories other than a run's, and under a writable existing ancestor.
 * Throws OutDirError with one line.
 */
export function checkOutDir(dirIn: string, flag = '--out'): void {
  const dir = resolve(dirIn);
  if (dirname(dir) === dir) throw new OutDirError(`${flag} "${dirIn}" is the file-system root; name a run directory`);
  if (resolve(process.cwd()).startsWith(`${dir}/`) || resolve(process.cwd()) === dir) throw new OutDirError(`${flag} "${dirIn}" contains the working directory; name a run directory below it`);
  const target = existsSync(dir) ? dir : existsSync(previousOf(dir)) ? previousOf(dir) : null;
  if (target) {
    const st = statSync(target);
    if (!st.isDirectory()) throw new OutDirError(`${flag} "${dirIn}" exists and is not a directory`);
    for (const e of readdirSync(target)) {
      if (RUN_ENTRIES.has(e) || e.endsWith('.tmp')) continue;
      if (lstatSync(join(target, e)).isDirectory()) throw new OutDirError(`${flag} "${dirIn}" holds a directory "${e}" that is not part of a run; the whole directory is replaced at the end, so name an empty or new one`);
    }
  }
  let up = dirname(dir);
  while (!existsSync(up)) up = dirname(up);
  if (!statSync(up).isDirectory()) throw new OutDirError(`${flag} "${dirIn}" lies under "${up}", which is not a directory`);
  try {
    accessSync(up, constants.W_OK | constants.X_OK);
  } catch {
    throw new OutDirError(`${flag} "${dirIn}" cannot be written (no write permission on "${up}")`);
  }
}

/**
 * Runs `fill(stage)` on a fresh staging directory, then makes it `dir` (see the file header).
 * Returns what `fill` returns. On an exception the staging directory is removed and `dir` untouched.
 */
export function writeRunDir<T>(dirIn: string, fill: (stage: string) => T): T {
  const dir = resolve(dirIn);
  mkdirSync(dirname(dir), { recursive: true });
  recover(dir);
  const stage = join(dirname(dir), `${stagingPrefix(dir)}${process.pid}-${Date.now()}`);
  mkdirSync(stage);
  let result: T;
  try {
    result = fill(stage);
    if (existsSync(dir)) {
      for (const e of readdirSync(dir)) {
        if (RUN_ENTRIES.has(e) || e.endsWith('.tmp') || existsSync(join(stage, e))) continue;
        const from = join(dir, e);
        if (lstatSync(from).isDirectory()) continue; // refused by checkOutDir before the run
        try {
          linkSync(from, join(stage, e));
        } catch {
          copyFileSync(from, join(stage, e));
        }
      }
      renameSync(dir, previousOf(dir));
    }
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  renameSync(stage, dir);
  rmSync(previousOf(dir), { recursive: true, force: true });
  return result;
}
