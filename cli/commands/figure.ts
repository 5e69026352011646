/**
 * `ascent-verify figure 1|2|4|5|6|7 [--out FILE.png|FILE.svg|FILE.csv (figure 4's numbers)] [--config window|empty] [--R n --F n --Rij n --lambda l] [--link NAME|all] [--empirics DIR] [--set NAME|all] [--json]`:
 * one of the paper's figures redrawn by name (reports/paperFigures.ts). Figure 4 at a declared
 * configuration (`window`: the guaranteed window opens; `empty`: it never does) or at one given by
 * --R/--F/--Rij/--lambda; Figure 5 under one link reading of Sec. 5.2 or all of them (one file
 * each, the link's name added to the file name); Figures 1, 6, 7 per forget set (one file each, the
 * set's name added) and Figure 2's two panels on one set, from an empirics run's summary.json
 * (--empirics DIR, default the committed results/empirics/mnist-mlp-n100). Without --out:
 * out/figures/figure<N>-<name>.png, and the SVG beside it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { choice, decimalValue, flagString, intValue, parseArgs, UsageError, type Command } from '../args.ts';
import { DOMAINS } from '../domains.ts';
import { SPECS } from '../spec.ts';
import { writeFileAtomic } from '../../empirics/io/atomicWrite.ts';
import { renderChartPng, renderChartSvg } from '../../reports/charts.ts';
import { EMPIRICS_CAPTIONS, FIGURE4_CAPTION, FIGURE4_CONFIGS, FIGURE5_CAPTION, empiricsFigure, figure4Rows, figure4Spec, figure5, type EmpiricsFigure } from '../../reports/paperFigures.ts';
import { readSummary } from '../../empirics/unlearn/summaryIO.ts';
import type { EmpiricsSummary } from '../../empirics/unlearn/summary.ts';
import { loadAssumptions } from './verify.ts';
import { LINKS } from '../../theory/toy52.ts';
import type { ChartSpec } from '../../properties/types.ts';

/** Where a figure goes: --out's file (its extension picks PNG, SVG or, for figure 4, CSV of the numbers), or both pictures under out/figures. */
function targets(out: string | undefined, name: string, csv = false): string[] {
  if (out === undefined) return [resolve('out/figures', `${name}.png`), resolve('out/figures', `${name}.svg`)];
  const ext = extname(out).toLowerCase();
  if (ext !== '.png' && ext !== '.svg' && !(csv && ext === '.csv')) throw new UsageError(`--out must end in .png or .svg${csv ? ' (or .csv for the numbers)' : ''}, got "${out}"`);
  return [resolve(out)];
}

/** Figure 4's numbers, one row per ε and interval of the exact set (empty cells where a set is empty). */
function figure4Csv(rows: ReturnType<typeof figure4Rows>): string {
  const lines = ['eps,alphaMax,guaranteedFrom,guaranteedTo,exactFrom,exactTo,fold,guaranteedInsideExact'];
  for (const r of rows) {
    const parts = r.exact.length ? r.exact : [null];
    for (const iv of parts) lines.push([r.eps, r.alphaMax, r.guaranteed?.from ?? '', r.guaranteed?.to ?? '', iv?.from ?? '', iv?.to ?? '', r.fold, r.contained ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function write(spec: ChartSpec, files: string[]): void {
  for (const f of files) writeFileAtomic(f, f.endsWith('.svg') ? renderChartSvg(spec) : renderChartPng(spec));
}

/** --out for one of several pictures: `suffix` added to the file name when there are several. */
const outFor = (out: string | undefined, many: boolean, suffix: string): string | undefined =>
  out === undefined || !many ? out : join(dirname(out), `${basename(out, extname(out))}-${suffix}${extname(out)}`);

/** The committed quick run: what Figures 1, 2, 6, 7 draw without --empirics. */
export const COMMITTED_EMPIRICS = resolve(import.meta.dirname, '..', '..', 'results', 'empirics', 'mnist-mlp-n100');

function readEmpirics(dir: string): { path: string; summary: EmpiricsSummary } {
  const f = join(resolve(dir), 'summary.json');
  if (!existsSync(f)) throw new UsageError(`--empirics must be a run directory holding summary.json (from ascent-verify empirics); "${dir}" has none`);
  try {
    return { path: f, summary: readSummary(f) };
  } catch (e) {
    throw new UsageError(`--empirics "${dir}": ${(e as Error).message.split('\n')[0]}`);
  }
}

export const figureCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, SPECS.figure!);
  const [which, ...extra] = args.positional;
  if (which === undefined) throw new UsageError('figure needs a figure number: 1, 2, 4, 5, 6 or 7');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const n = choice(which, 'figure', ['1', '2', '4', '5', '6', '7']);
  const out = flagString(args, 'out');
  const json = args.flags.has('json');

  if (n !== '4' && n !== '5') {
    for (const k of ['config', 'R', 'F', 'Rij', 'lambda', 'link']) if (args.flags.has(k)) throw new UsageError(`--${k} applies to figure ${k === 'link' ? 5 : 4} only`);
    if (out !== undefined) targets(out, 'check');
    const { path, summary } = readEmpirics(flagString(args, 'empirics') ?? COMMITTED_EMPIRICS);
    const successFactor = loadAssumptions(undefined).assumptions.empirics.successFactor;
    const fig = Number(n) as EmpiricsFigure;
    let drawn;
    try {
      drawn = empiricsFigure(fig, summary, successFactor, flagString(args, 'set'));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const done = drawn.map(({ set, spec }) => {
      const files = targets(outFor(out, drawn.length > 1, spec.id.replace(`figure${n}-`, '')), spec.id);
      write(spec, files);
      return { set, id: spec.id, files, title: spec.title, caption: spec.caption ?? '' };
    });
    if (json) io.out(JSON.stringify({ figure: fig, empirics: path, successFactor, paperCaption: EMPIRICS_CAPTIONS[fig], panels: done }));
    else for (const d of done) io.out(`wrote ${d.files.join(' and ')}\n${d.caption}`);
    return 0;
  }
  for (const k of ['empirics', 'set']) if (args.flags.has(k)) throw new UsageError(`--${k} applies to figures 1, 2, 6, 7 only`);

  if (n === '4') {
    for (const k of ['link']) if (args.flags.has(k)) throw new UsageError(`--${k} applies to figure 5 only`);
    const given = ['R', 'F', 'Rij', 'lambda'].filter((k) => args.flags.has(k));
    if (given.length && args.flags.has('config')) throw new UsageError('give either --config or --R/--F/--Rij/--lambda, not both');
    if (given.length && given.length < 4) throw new UsageError(`a custom configuration needs all of --R, --F, --Rij, --lambda (missing ${['R', 'F', 'Rij', 'lambda'].filter((k) => !given.includes(k)).map((k) => `--${k}`).join(', ')})`);
    let name: string, setting;
    if (given.length) {
      const R = intValue(flagString(args, 'R')!, '--R', DOMAINS.count), F = intValue(flagString(args, 'F')!, '--F', DOMAINS.count), Rij = intValue(flagString(args, 'Rij')!, '--Rij', DOMAINS.count);
      if (Rij > R) throw new UsageError(`--Rij must be a positive integer ≤ |R| = ${R}, got ${Rij}`);
      setting = { R: String(R), F: String(F), Rij: String(Rij), lambda: decimalValue(flagString(args, 'lambda')!, '--lambda', DOMAINS.lambdaF64).toString() };
      name = `figure4-R${R}-F${F}-Rij${Rij}-lambda${setting.lambda}`;
    } else {
      const config = choice(flagString(args, 'config') ?? 'window', '--config', Object.keys(FIGURE4_CONFIGS));
      setting = FIGURE4_CONFIGS[config]!;
      name = `figure4-${config}`;
    }
    const rows = figure4Rows(setting);
    const spec = figure4Spec(name, setting, rows);
    const files = targets(out, name, true);
    if (files[0]!.toLowerCase().endsWith('.csv')) writeFileAtomic(files[0]!, figure4Csv(rows));
    else write(spec, files);
    if (json) io.out(JSON.stringify({ figure: 4, configuration: { R: String(setting.R), F: String(setting.F), Rij: String(setting.Rij), lambda: String(setting.lambda) }, files, paperCaption: FIGURE4_CAPTION, caption: spec.caption, rows: rows.map((r) => ({ eps: r.eps, guaranteed: r.guaranteed, exact: r.exact, fold: r.fold, alphaMax: r.alphaMax, guaranteedInsideExact: r.contained })) }));
    else io.out(`wrote ${files.join(' and ')}\n${spec.caption}`);
    return 0;
  }

  for (const k of ['config', 'R', 'F', 'Rij', 'lambda']) if (args.flags.has(k)) throw new UsageError(`--${k} applies to figure 4 only`);
  const link = choice(flagString(args, 'link') ?? 'all', '--link', ['all', ...Object.keys(LINKS)]);
  const links = link === 'all' ? Object.keys(LINKS) : [link];
  const done = links.map((l) => {
    const f = figure5(l);
    const files = targets(outFor(out, links.length > 1, l), f.spec.id);
    write(f.spec, files);
    return { link: l, files, caption: f.spec.caption ?? '', pretrained: f.pretrained, retrain: f.retrain, gda: f.gda, minima: f.minima, boundaries: f.boundaries };
  });
  if (json) io.out(JSON.stringify({ figure: 5, paperCaption: FIGURE5_CAPTION, links: done }));
  else for (const d of done) io.out(`wrote ${d.files.join(' and ')}\n${d.caption}`);
  return 0;
};
