/**
 * Issue 15, the rest: the paper's Figures 1, 2, 6, 7 from an empirics summary (command, charts,
 * report), and the solvers' batch answers as CSV.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { empiricsFigure, figure2Specs } from '../reports/paperFigures.ts';
import { renderPaperFigures } from '../reports/build.ts';
import { jsonRowsCsv } from '../reports/exports.ts';
import { serializeResults } from '../reports/compact.ts';
import { readSummary } from '../empirics/unlearn/summaryIO.ts';
import { main } from '../cli/main.ts';
import type { EmpiricsSummary, RunEntry, SetSummary } from '../empirics/unlearn/summary.ts';
import type { ClaimRecord, Results } from '../reports/results.ts';

const COMMITTED = resolve(import.meta.dirname, '..', 'results', 'empirics', 'mnist-mlp-n100');
const committed = readSummary(join(COMMITTED, 'summary.json'));

const run = async (argv: string[]) => {
  let out = '', err = '';
  const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
};
const oneLine = (r: { code: number; out: string; err: string }): boolean => r.code === 2 && r.out === '' && r.err.trim().split('\n').length === 1;

// KLoM values as short decimals (what shrinking prints), methods and epochs from the paper's grid
const klom = fc.integer({ min: 1, max: 2000 }).map((k) => k / 100);
const runArb: fc.Arbitrary<RunEntry> = fc.record({
  method: fc.constantFrom('GA', 'GDA', 'SCRUB'),
  lr: fc.constantFrom(1e-5, 1e-3, 0.05),
  epoch: fc.constantFrom(1, 3, 5, 10),
  broken: fc.boolean(),
  forget: klom, val: klom, retain: klom,
}).map((r) => (r.broken ? { method: r.method, lr: r.lr, epoch: r.epoch, broken: true } : r) as RunEntry);
const levels = fc.record({ forget: klom, val: klom, retain: klom, accForget: fc.constant(0.9), accVal: fc.constant(0.9) });
const setArb: fc.Arbitrary<SetSummary> = fc.record({ runs: fc.array(runArb, { minLength: 1, maxLength: 30 }), pretrained: levels, retrain: levels, size: fc.integer({ min: 1, max: 100 }) })
  .map(({ runs, pretrained, retrain, size }) => ({ name: `random-${size}`, kind: 'random', size, pretrained, retrain, oracleAccuracy: { forget: [], val: [] }, runs }));
const summaryOf = (sets: SetSummary[]): EmpiricsSummary => ({ ...committed, sets });

const key = ([x, y]: [number, number]): string => `${x},${y}`;
const drawnRuns = (spec: ReturnType<typeof empiricsFigure>[number]['spec'], labels: string[]): string[] => spec.series.filter((s) => labels.includes(s.label)).flatMap((s) => s.points.map(key)).sort();

describe('Figures 1, 6, 7: the KLoM panels', () => {
  it('for all forget sets of runs, then Fig. 1 draws exactly the unbroken GA and GDA runs at (forget, validation), Fig. 6 also SCRUB\'s, Fig. 7 at (forget, retain); the caption counts the broken ones', () => {
    fc.assert(fc.property(setArb, fc.constantFrom(1, 1.25, 2), (s, factor) => {
      const sum = summaryOf([s]);
      const ok = (ms: string[]) => s.runs.filter((e) => ms.includes(e.method) && !e.broken);
      const [f1] = empiricsFigure(1, sum, factor), [f6] = empiricsFigure(6, sum, factor), [f7] = empiricsFigure(7, sum, factor);
      expect(drawnRuns(f1!.spec, ['GA', 'GDA', 'SCRUB'])).toEqual(ok(['GA', 'GDA']).map((e) => key([e.forget!, e.val!])).sort());
      expect(f1!.spec.series.some((x) => x.label === 'SCRUB')).toBe(false);
      expect(drawnRuns(f6!.spec, ['GA', 'GDA', 'SCRUB'])).toEqual(ok(['GA', 'GDA', 'SCRUB']).map((e) => key([e.forget!, e.val!])).sort());
      expect(drawnRuns(f7!.spec, ['GA', 'GDA', 'SCRUB'])).toEqual(ok(['GA', 'GDA', 'SCRUB']).map((e) => key([e.forget!, e.retain!])).sort());
      expect(f7!.spec.yLabel).toMatch(/retain/);
      // the success corner sits at factor × retraining on both axes
      const corner = f7!.spec.series.find((x) => x.label.startsWith('success region'))!.points[1]!;
      expect(corner).toEqual([factor * s.retrain.forget, factor * s.retrain.retain]);
      const broken1 = s.runs.filter((e) => e.method !== 'SCRUB' && e.broken).length, of1 = s.runs.filter((e) => e.method !== 'SCRUB').length;
      expect(f1!.spec.caption).toContain(`${broken1} of ${of1} pairs broke the model`);
    }));
  });

  it('for all Figure 2 sets, then the success count in the caption is the recount, and each learning rate\'s line starts at the pretrained model and visits its unbroken epochs in order', () => {
    fc.assert(fc.property(setArb, (s) => {
      const ga = s.runs.filter((e) => e.method === 'GA');
      const [scatter, time] = figure2Specs(s, committed.scale, 1.25);
      const inside = ga.filter((e) => !e.broken && e.forget! <= 1.25 * s.retrain.forget && e.val! <= 1.25 * s.retrain.val).length;
      expect(scatter!.caption).toContain(`${inside} of ${ga.length} (learning rate, epoch) pairs fall inside`);
      const mean = (k: { forget?: number; val?: number; retain?: number }) => (k.forget! + k.val! + k.retain!) / 3;
      for (const line of time!.series.filter((x) => x.label.startsWith('lr = '))) {
        expect(line.points[0]).toEqual([0, mean(s.pretrained)]);
        const xs = line.points.slice(1).map(([x]) => x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }
      expect(time!.series.filter((x) => x.label.startsWith('lr = ')).reduce((n, x) => n + x.points.length - 1, 0)).toBe(ga.filter((e) => !e.broken).length);
    }));
  });

  it('on the committed run: Figure 2 takes the smallest random set (random-10), Figures 1, 6, 7 one chart per forget set', () => {
    expect(empiricsFigure(2, committed, 1.25).map((x) => x.set)).toEqual(['random-10', 'random-10']);
    expect(empiricsFigure(6, committed, 1.25).map((x) => x.spec.id)).toEqual(committed.sets.map((s) => `figure6-${s.name}`));
    expect(() => empiricsFigure(1, committed, 1.25, 'nope')).toThrow(/--set must be one of random-10, /);
    expect(() => empiricsFigure(2, committed, 1.25, 'all')).toThrow(/figure 2 draws one forget set/);
  });
});

describe('figure 1|2|6|7 command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'av-r15b-'));

  it('writes one file per forget set (the set added to the name), or the one set asked for, as PNG or SVG', async () => {
    const one = await run(['figure', '1', '--set', 'influence-10', '--out', join(dir, 'f1.png'), '--json']);
    expect(one.code).toBe(0);
    const j = JSON.parse(one.out);
    expect(j.empirics).toBe(join(COMMITTED, 'summary.json'));
    expect(j.paperCaption).toMatch(/^Paper, Figure 1: "Ascent Fails to Forget/);
    expect(j.panels.map((p: { files: string[] }) => p.files)).toEqual([[join(dir, 'f1.png')]]);
    expect(readFileSync(join(dir, 'f1.png')).subarray(1, 4).toString()).toBe('PNG');
    const all = await run(['figure', '7', '--out', join(dir, 'f7.svg')]);
    expect(all.code).toBe(0);
    for (const s of committed.sets) expect(readFileSync(join(dir, `f7-${s.name}.svg`), 'utf8')).toMatch(/^<\?xml|^<svg/);
    const two = JSON.parse((await run(['figure', '2', '--out', join(dir, 'f2.png'), '--json'])).out);
    expect(two.panels.map((p: { files: string[] }) => p.files[0])).toEqual([join(dir, 'f2-random-10-lr.png'), join(dir, 'f2-random-10-epochs.png')]);
  }, 60_000);

  it('--empirics reads another run directory; every misuse is one line, exit 2', async () => {
    const other = join(dir, 'run');
    mkdirSync(other);
    writeFileSync(join(other, 'summary.json'), JSON.stringify({ ...committed, sets: committed.sets.slice(0, 1) }));
    const j = JSON.parse((await run(['figure', '6', '--empirics', other, '--out', join(dir, 'o.png'), '--json'])).out);
    expect(j.panels.map((p: { set: string }) => p.set)).toEqual([committed.sets[0]!.name]);
    const bad = join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'summary.json'), '{"version": 2}');
    for (const argv of [
      ['figure', '1', '--empirics', join(dir, 'nowhere')],
      ['figure', '1', '--empirics', bad],
      ['figure', '1', '--set', 'nope'],
      ['figure', '2', '--set', 'all'],
      ['figure', '1', '--link', 'logistic'],
      ['figure', '6', '--config', 'window'],
      ['figure', '7', '--out', join(dir, 'x.csv')],
      ['figure', '4', '--set', 'random-10'],
      ['figure', '5', '--empirics', COMMITTED],
      ['figure', '3'],
    ]) expect(oneLine(await run(argv)), argv.join(' ')).toBe(true);
  }, 60_000);
});

describe('the report\'s paper figures', () => {
  it('with an empirics run: Figures 1, 2, 4, 5, 6, 7 in order, both Figure 4s and the first of every other figure embedded (Figure 1 on the influence set, as in the paper), the embedded pictures under 300 kB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-r15b-paper-'));
    const figs = renderPaperFigures(dir, [], { summary: committed, successFactor: 1.25 });
    const n = committed.sets.length;
    expect(figs.map((f) => f.figure)).toEqual([...Array(n).fill(1), 2, 2, 4, 4, 5, 5, 5, ...Array(n).fill(6), ...Array(n).fill(7)]);
    expect(figs.filter((f) => f.embed).map((f) => f.chart.id)).toEqual(['figure1-influence-10', 'figure2-random-10-lr', 'figure4-window', 'figure4-empty', 'figure5-logistic', `figure6-${committed.sets[0]!.name}`, `figure7-${committed.sets[0]!.name}`]);
    expect(figs.filter((f) => f.embed).reduce((b, f) => b + f.chart.png.length, 0) * 4 / 3).toBeLessThan(300_000);
    for (const f of figs) expect(existsSync(join(dir, f.chart.file)) && existsSync(join(dir, f.chart.svgFile!))).toBe(true);
  }, 120_000);

  it('report reads the run its E.* claims were measured on, and says so when that run is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-r15b-report-'));
    const rec = (path: string): ClaimRecord => ({ id: 'E.ga-gda-fail', paperRef: 'Fig. 1', statement: 's', dependsOn: [], summary: 's', keyNumbers: {}, keyMoves: [], compared: true, verdict: 'holds', expected: 'holds', casesTried: 1, casesInScope: 1, counterexample: null, evidence: 'e', notes: '', durationMs: 1, data: { scale: { results: path } } });
    const res = (path: string): Results => ({ tool: { name: 'ascent-verify', version: 't', commit: 'c' }, seed: 1, profile: 'quick', assumptions: {}, startedAt: '2026-01-01T00:00:00Z', durationMs: 1, claims: [rec(path)] });
    writeFileSync(join(dir, 'with.json'), serializeResults(res(join(COMMITTED, 'summary.json'))));
    writeFileSync(join(dir, 'without.json'), serializeResults(res(join(dir, 'gone', 'summary.json'))));
    expect((await run(['report', '--results', join(dir, 'with.json'), '--out', join(dir, 'a'), '--format', 'html'])).code).toBe(0);
    const html = readFileSync(join(dir, 'a', 'report.html'), 'utf8');
    expect(html).toContain('id="chart-figure1-influence-10"');
    expect(html).toContain('Paper, Figure 7: &quot;We present');
    expect(html.length).toBeLessThan(1_000_000);
    expect((await run(['report', '--results', join(dir, 'without.json'), '--out', join(dir, 'b'), '--format', 'html'])).code).toBe(0);
    const bare = readFileSync(join(dir, 'b', 'report.html'), 'utf8');
    expect(bare).not.toContain('chart-figure1-');
    expect(bare).toContain('this report had none on disk');
  }, 120_000);
});

/** RFC 4180 as jsonRowsCsv writes it (every field quoted), read back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let v = '';
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') (v += '"', i += 2);
      else if (text[i] === '"') break;
      else v += text[i++];
    }
    i++;
    row.push(v);
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      if (text.startsWith('\r\n', i)) i += 2;
    }
  }
  return rows;
}

describe('batch answers as CSV', () => {
  const leaf = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "x"', 'two\nlines', '1e-400', '0.12345678901234567890123456789'));
  const tree = fc.dictionary(fc.constantFrom('x', 'y', 'D', 'kind'), fc.oneof(leaf, fc.dictionary(fc.constantFrom('x', 'w'), leaf), fc.array(fc.record({ w: leaf }), { maxLength: 3 })), { minKeys: 1 });

  it('for all batches of nested answers, then each row reads back every leaf at its path, a missing path empty', () => {
    fc.assert(fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), (rows) => {
      const [header, ...body] = parseCsv(jsonRowsCsv(rows));
      expect(body).toHaveLength(rows.length);
      const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
      rows.forEach((r, i) => header!.forEach((col, j) => {
        const v = at(r, col);
        expect(body[i]![j]).toBe(v === undefined || (typeof v === 'object' && v !== null) ? '' : String(v));
      }));
    }));
  });

  const dir = mkdtempSync(join(tmpdir(), 'av-r15b-csv-'));
  const b1 = join(dir, 'b1.jsonl'), b2 = join(dir, 'b2.jsonl');
  writeFileSync(b1, '{"R":1000,"F":250,"Rj":40,"alpha":0.3,"lambda":0.05}\n{"R":10,"F":5,"Rj":3,"alpha":0.01,"lambda":2}\n');
  writeFileSync(b2, '{"R":1000,"F":100,"Rij":50,"alpha":0.01,"lambda":0.01,"eps":0.3}\n{"R":1000,"F":100,"Rij":50,"alpha":0.5,"lambda":0.01,"eps":0.3}\n');

  it('solve1d --batch --format csv: a header and one row per batch line, the same full-precision decimals as the JSON', async () => {
    const json = JSON.parse((await run(['solve1d', '--batch', b1])).out) as Record<string, unknown>[];
    const [header, ...rows] = parseCsv((await run(['solve1d', '--batch', b1, '--format', 'csv'])).out.replace(/\n$/, ''));
    expect(rows).toHaveLength(2);
    for (const [i, j] of json.entries()) {
      expect(rows[i]![header!.indexOf('wDA')]).toBe(j.wDA);
      expect(rows[i]![header!.indexOf('wDA')]!.replace(/^-/, '').length).toBeGreaterThan(45);
      expect(rows[i]![header!.indexOf('thresholds.alphaFold')]).toBe((j.thresholds as Record<string, string>).alphaFold);
    }
    // the second configuration has one stationary point of L_DA: its second point's cells are empty
    expect(rows[1]![header!.indexOf('stationaryDA.1.w')]).toBe('');
    expect(oneLine(await run(['solve1d', '--R', '10', '--F', '5', '--Rj', '3', '--alpha', '0.1', '--lambda', '1', '--format', 'csv']))).toBe(true);
    expect(oneLine(await run(['solve1d', '--batch', b1, '--format', 'xml']))).toBe(true);
    expect(oneLine(await run(['solve1d', '--batch', b1, '--format', 'csv', '--json']))).toBe(true);
    expect(oneLine(await run(['solve2d', '--batch', b2, '--format', 'csv', '--json']))).toBe(true);
  });

  it('solve2d --batch --format csv: DA\'s missing minimum (α above the fold) is an empty cell, the rest match the JSON', async () => {
    const json = JSON.parse((await run(['solve2d', '--batch', b2, '--digits', '20'])).out) as { D: { x: string }; DA: { x: string } | null }[];
    const [header, ...rows] = parseCsv((await run(['solve2d', '--batch', b2, '--digits', '20', '--format', 'csv'])).out.replace(/\n$/, ''));
    expect(rows.map((r) => r[header!.indexOf('D.x')])).toEqual(json.map((j) => j.D.x));
    expect(json[1]!.DA).toBeNull();
    expect(rows.map((r) => r[header!.indexOf('DA.x')])).toEqual([json[0]!.DA!.x, '']);
  });
});
