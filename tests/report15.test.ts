/**
 * Issue 15's report layer: log ticks, heatmap detection, indexed PNG, results.json's compact form
 * read back exactly, charts drawn once, the claim graph and what rests on a claim, the exports,
 * and the `claims` and `figure` commands.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { logTickValues, logTickLabel, renderChartPng, renderChartSvg, cellEdges } from '../reports/charts.ts';
import { isHeatmap } from '../reports/grid.ts';
import { encodeIndexedPng } from '../reports/png.ts';
import { compactResults, expandResults, formatJson, serializeResults } from '../reports/compact.ts';
import { claimGraphDot, claimGraphSvg, restingOn } from '../reports/claimGraph.ts';
import { latexEscape, verdictsCsv, verdictsLatex } from '../reports/exports.ts';
import { renderClaimCharts } from '../reports/build.ts';
import { nearestId } from '../cli/commands/claims.ts';
import { main } from '../cli/main.ts';
import type { ChartSpec } from '../properties/types.ts';
import type { ClaimRecord, Results } from '../reports/results.ts';

const record = (id: string, verdict: ClaimRecord['verdict'], dependsOn: string[] = [], extra: Partial<ClaimRecord> = {}): ClaimRecord => ({
  id, paperRef: `ref ${id}`, statement: `statement of ${id}`, dependsOn, summary: `summary of ${id}`, keyNumbers: {}, keyMoves: [], compared: true, verdict, expected: verdict, casesTried: 10, casesInScope: 7, counterexample: null, evidence: `${id} evidence`, notes: '', durationMs: 1, ...extra,
});
const results = (claims: ClaimRecord[]): Results => ({ tool: { name: 'ascent-verify', version: 't', commit: 'c' }, seed: 1, profile: 'quick', assumptions: {}, startedAt: '2026-01-01T00:00:00Z', durationMs: 1, claims });

/** A heatmap chart: a g × h grid split between two square-marker series, plus a line. */
function gridChart(id: string, g: number, h: number, log = false): ChartSpec {
  const xs = Array.from({ length: g }, (_, i) => (log ? 10 ** (-3 + (4 * i) / (g - 1)) : i / 7));
  const ys = Array.from({ length: h }, (_, j) => (log ? 10 ** (-2 + (3 * j) / (h - 1)) : j * 0.3));
  const pts = xs.flatMap((x) => ys.map((y) => [x, y] as [number, number]));
  return {
    id, title: 'grid', xLabel: 'x', yLabel: 'y', xLog: log, yLog: log,
    series: [
      { label: 'left', square: true, kind: 'scatter', color: '#2ca02c', points: pts.filter(([x], k) => x < xs[Math.floor(g / 2)]! || k % 5 === 0) },
      { label: 'right', square: true, kind: 'scatter', color: '#d62728', points: pts.filter(([x], k) => !(x < xs[Math.floor(g / 2)]! || k % 5 === 0)) },
      { label: 'boundary', kind: 'line', dashed: true, points: [[xs[0]!, ys[0]!], [xs[g - 1]!, ys[h - 1]!]] },
    ],
  };
}

describe('log axes', () => {
  it('for all 0 < min < max spanning 0.05 to 40 decades, then at least two labelled ticks lie in [min, max], ascending, at most ~13', () => {
    fc.assert(fc.property(fc.double({ min: -30, max: 30, noNaN: true }), fc.double({ min: 0.05, max: 40, noNaN: true }), (lo, span) => {
      const min = 10 ** lo, max = 10 ** (lo + span);
      const t = logTickValues(min, max);
      expect(t.length).toBeGreaterThanOrEqual(2);
      expect(t.length).toBeLessThanOrEqual(13);
      for (const [i, v] of t.entries()) {
        expect(v).toBeGreaterThanOrEqual(min * (1 - 1e-9));
        expect(v).toBeLessThanOrEqual(max * (1 + 1e-9));
        if (i) expect(v).toBeGreaterThan(t[i - 1]!);
      }
    }));
  });

  it('the stability chart\'s 5…80 models per side get 5, 10, 20, 50 (it showed one label)', () => {
    expect(logTickValues(5, 80)).toEqual([5, 10, 20, 50]);
    expect(logTickLabel(1e-6)).toBe('10⁻⁶');
    expect(logTickLabel(2e5)).toBe('2·10⁵');
    expect(logTickLabel(0.003)).toBe('0.003');
  });
});

describe('heatmaps', () => {
  it('square series that tile a grid are a heatmap; a few square markers are not', () => {
    expect(isHeatmap(gridChart('g', 12, 9))).toBe(true);
    expect(isHeatmap({ id: 'k', title: '', xLabel: '', yLabel: '', series: [{ label: 'a', square: true, points: [[1, 2], [3, 4]] }] })).toBe(false);
  });

  it('cell edges are midpoints (geometric on a log axis) and enclose every value', () => {
    const { sorted, edges } = cellEdges([1, 10, 100, 10], true);
    expect(sorted).toEqual([1, 10, 100]);
    expect(edges.map((e) => Number(e.toPrecision(6)))).toEqual([Number((10 ** -0.5).toPrecision(6)), Number((10 ** 0.5).toPrecision(6)), Number((10 ** 1.5).toPrecision(6)), Number((10 ** 2.5).toPrecision(6))]);
  });

  it('a heatmap renders with no gap between cells: the middle of the plot is cell colour, not white', () => {
    const png = renderChartPng(gridChart('g', 20, 10), 600, 400);
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    // decode the indexed PNG: one filter byte then one palette index per pixel
    const idat: Buffer[] = [];
    let plte: Buffer | null = null;
    for (let o = 8; o < png.length;) {
      const len = png.readUInt32BE(o), type = png.toString('ascii', o + 4, o + 8);
      if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
      if (type === 'PLTE') plte = png.subarray(o + 8, o + 8 + len);
      o += 12 + len;
    }
    const raw = inflateSync(Buffer.concat(idat));
    let white = 0;
    for (let y = 150; y < 250; y++) for (let x = 200; x < 400; x++) {
      const i = raw[y * 601 + 1 + x]!;
      if (plte![3 * i] === 255 && plte![3 * i + 1] === 255 && plte![3 * i + 2] === 255) white++;
    }
    expect(white).toBe(0);
  });
});

describe('indexed PNG', () => {
  it('for all images of at most 256 colours, then the encoding decodes to the same pixels', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 0xffffff }), { minLength: 1, maxLength: 5 }), fc.nat(), (w, h, colours, seed) => {
      const rgba = new Uint8Array(4 * w * h);
      for (let i = 0; i < w * h; i++) {
        const c = colours[(i * 7 + seed) % colours.length]!;
        rgba.set([c >> 16, (c >> 8) & 255, c & 255, 255], 4 * i);
      }
      const png = encodeIndexedPng(rgba, w, h);
      let o = 8, plte: Buffer | null = null;
      const idat: Buffer[] = [];
      while (o < png.length) {
        const len = png.readUInt32BE(o), type = png.toString('ascii', o + 4, o + 8);
        if (type === 'PLTE') plte = png.subarray(o + 8, o + 8 + len);
        if (type === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
        o += 12 + len;
      }
      const raw = inflateSync(Buffer.concat(idat));
      for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
        const k = raw[y * (w + 1) + 1 + x]!;
        expect([plte![3 * k], plte![3 * k + 1], plte![3 * k + 2]]).toEqual([...rgba.subarray(4 * (y * w + x), 4 * (y * w + x) + 3)]);
      }
    }));
  });
});

describe('results.json compact form', () => {
  const sorted = (spec: ChartSpec) => ({ ...spec, series: spec.series.map((s) => ({ ...s, points: [...s.points].sort((a, b) => a[0] - b[0] || a[1] - b[1]) })) });

  it('for all grid charts (linear or log), then expand(compact(r)) has the same points in every series and the same everything else', () => {
    fc.assert(fc.property(fc.integer({ min: 3, max: 30 }), fc.integer({ min: 3, max: 20 }), fc.boolean(), (g, h, log) => {
      const chart = gridChart('A-map', g, h, log);
      const r = results([record('A', 'holds', [], { charts: [chart] })]);
      const text = serializeResults(r);
      const back = expandResults(JSON.parse(text));
      expect(back.claims[0]!.charts!.map(sorted)).toEqual([chart].map(sorted));
      expect({ ...back.claims[0], charts: undefined }).toEqual({ ...r.claims[0], charts: undefined });
      expect(text).toMatch(/"grid"/);
    }), { numRuns: 30 });
  });

  it('a chart drawn twice (same data, another claim) is stored once and restored under its own id', () => {
    const a = gridChart('A-map', 10, 8), b = { ...gridChart('B-map', 10, 8) };
    const stored = compactResults(results([record('A', 'holds', [], { charts: [a] }), record('B', 'refuted', ['A'], { charts: [b] })])) as Results;
    expect(stored.claims[1]!.charts).toEqual([{ id: 'B-map', sameAs: 'A-map' }]);
    const back = expandResults(stored);
    expect(sorted(back.claims[1]!.charts![0]!)).toEqual(sorted(b));
  });

  it('numbers stay exact: arrays of numbers are written on one line, nothing rounded', () => {
    const v = { a: [0.1 + 0.2, 1e-300, -5e-324], b: { c: 'x'.repeat(120), d: [[1, 2], [3, 4]] } };
    expect(JSON.parse(formatJson(v))).toEqual(v);
    expect(formatJson(v)).toMatch(/\[0\.30000000000000004,1e-300,-5e-324\]/);
  });
});

describe('charts drawn once, PNG and SVG', () => {
  it('two claims with the same chart write one PNG and one SVG; the second claim refers to the first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-r15-'));
    const files: string[] = [];
    const charts = renderClaimCharts(results([record('A', 'holds', [], { charts: [gridChart('A-map', 6, 5)] }), record('B', 'holds', [], { charts: [gridChart('B-map', 6, 5)] })]), dir, files);
    expect(files).toEqual(['charts/A-map.png', 'charts/A-map.svg']);
    expect(charts.get('B')![0]!.sameAs).toBe('A');
    expect(readFileSync(join(dir, 'charts/A-map.svg'), 'utf8')).toMatch(/^<\?xml[\s\S]*<svg/);
  });

  it('fills, dotted lines and error bars render (PNG and SVG)', () => {
    const spec: ChartSpec = {
      id: 'f', title: 'fills and bars', xLabel: 'x', yLabel: 'y', series: [
        { label: 'low', kind: 'line', points: [[0, 1], [1, 1.5], [2, 1]] },
        { label: 'high', kind: 'line', dotted: true, points: [[0, 3], [1, 3.5], [2, 3]], fill: { to: 'low' } },
        { label: 'set', kind: 'scatter', fill: 'self', points: [[0.2, 0.2], [0.8, 0.2], [0.8, 0.6], [0.2, 0.6]] },
        { label: 'means', kind: 'scatter', points: [[0.5, 2], [1.5, 2.5]], intervals: [[1.6, 2.4], null] },
      ],
    };
    expect(renderChartPng(spec, 300, 200).length).toBeGreaterThan(100);
    expect(renderChartSvg(spec, 300, 200)).toMatch(/<path/);
  });
});

describe('claim graph', () => {
  const claims = [record('A', 'holds'), record('B', 'refuted', ['A']), record('C', 'holds', ['B']), record('D', 'holds-with-caveat', ['C', 'A']), record('E', 'holds')];

  it('what rests on a claim: everything downstream, directly or not', () => {
    const r = restingOn(claims);
    expect(r.get('A')).toEqual(['B', 'C', 'D']);
    expect(r.get('B')).toEqual(['C', 'D']);
    expect(r.get('E')).toEqual([]);
  });

  it('the SVG has a node per claim linking to its section, coloured by verdict', () => {
    expect(claimGraphDot(claims)).toMatch(/"A" -> "B"/);
    const svg = claimGraphSvg(claims);
    for (const c of claims) expect(svg).toContain(`href="#${c.id}"`);
    expect(svg).toMatch(/fill="#ffd6d6"/);
    expect(svg.startsWith('<svg')).toBe(true);
  });
});

describe('exports', () => {
  const r = results([record('L3.x', 'refuted', [], { summary: 'α < |F|/|R|, 50% & more_', counterexample: { R: 1, reproduce: 'ascent-verify solve1d --R 1' } }), record('L4.y', 'holds', ['L3.x'], { summary: 'say "hi"' })]);

  it('CSV: a header, one row per claim, quotes doubled, the reproduce command', () => {
    const lines = verdictsCsv(r).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('"id","paperRef","verdict","expected","casesInScope","casesTried","dependsOn","summary","reproduce"');
    expect(lines[1]).toContain('"ascent-verify solve1d --R 1"');
    expect(lines[2]).toContain('"say ""hi"""');
  });

  it('LaTeX: booktabs rules, specials escaped, Greek as math', () => {
    const tex = verdictsLatex(r);
    expect(tex).toMatch(/\\toprule[\s\S]*\\midrule[\s\S]*\\bottomrule/);
    expect(latexEscape('α < |F|, 50% & more_')).toBe('$\\alpha$ $<$ $|$F$|$, 50\\% \\& more\\_');
  });
});

describe('claims and figure commands', () => {
  const run = async (argv: string[]) => {
    let out = '', err = '';
    const code = await main(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
    return { code, out, err };
  };
  const dir = mkdtempSync(join(tmpdir(), 'av-r15-cli-'));
  const file = join(dir, 'results.json');
  writeFileSync(file, serializeResults(results([record('L2.closed-form', 'holds'), record('L3.do-nothing', 'refuted', ['L2.closed-form', 'L3.ordering'], { counterexample: { alpha: '0.1', reproduce: 'ascent-verify solve1d --R 23' } })])));

  it('claims lists every catalogue id with its last verdict; claims show prints statement, verdict, counterexample, reproduce', async () => {
    const list = await run(['claims', '--results', file]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/L3\.do-nothing\s+Sec\. 5\.1\.1\s+refuted/);
    expect(list.out).toMatch(/L9\.original-beats-da .*not run/);
    const show = await run(['claims', 'show', 'L3.do-nothing', '--results', file]);
    expect(show.out).toMatch(/statement: /);
    expect(show.out).toMatch(/verdict: refuted/);
    expect(show.out).toMatch(/counterexample: \{"alpha":"0.1"\}/);
    expect(show.out).toMatch(/reproduce: ascent-verify solve1d --R 23/);
    expect(show.out).toMatch(/resting on it: X\.logistic-do-nothing/);
    const json = JSON.parse((await run(['claims', 'show', 'L3.do-nothing', '--results', file, '--json'])).out);
    expect(json.verdict).toBe('refuted');
    expect(json.reproduce).toBe('ascent-verify solve1d --R 23');
  });

  it('an unknown id is one line, exit 2, naming the nearest id', async () => {
    const bad = await run(['claims', 'show', 'L3.do-nothin']);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/nearest: L3\.do-nothing/);
    expect(nearestId('l9', ['L2.closed-form', 'L9.original-beats-da'])).toBe('L9.original-beats-da');
  });

  it('report --format csv and latex write the verdict table', async () => {
    expect((await run(['report', '--results', file, '--format', 'csv'])).code).toBe(0);
    expect(readFileSync(join(dir, 'verdicts.csv'), 'utf8')).toMatch(/^"id"/);
    expect((await run(['report', '--results', file, '--format', 'latex'])).code).toBe(0);
    expect(readFileSync(join(dir, 'verdicts.tex'), 'utf8')).toMatch(/\\toprule/);
    expect((await run(['report', '--results', file, '--format', 'pdf'])).code).toBe(2);
  });

  it('figure 4 at the declared configurations: the window opens in one and is empty in the other', async () => {
    const w = JSON.parse((await run(['figure', '4', '--config', 'window', '--out', join(dir, 'f4w.svg'), '--json'])).out);
    expect(w.rows.some((r: { guaranteed: unknown }) => r.guaranteed)).toBe(true);
    expect(w.rows.every((r: { guaranteedInsideExact: boolean | null }) => r.guaranteedInsideExact !== false)).toBe(true);
    const e = JSON.parse((await run(['figure', '4', '--config', 'empty', '--out', join(dir, 'f4e.png'), '--json'])).out);
    expect(e.rows.every((r: { guaranteed: unknown }) => r.guaranteed === null)).toBe(true);
    expect(e.rows.some((r: { exact: unknown[] }) => r.exact.length > 0)).toBe(true);
    expect(existsSync(join(dir, 'f4w.svg')) && existsSync(join(dir, 'f4e.png'))).toBe(true);
    expect((await run(['figure', '4', '--out', join(dir, 'x.jpg')])).code).toBe(2);
    expect((await run(['figure', '4', '--config', 'empty', '--out', join(dir, 'f4e.csv')])).code).toBe(0);
    const csv = readFileSync(join(dir, 'f4e.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('eps,alphaMax,guaranteedFrom,guaranteedTo,exactFrom,exactTo,fold,guaranteedInsideExact');
    expect(csv.slice(1).every((l) => l.split(',')[2] === '')).toBe(true);
    expect((await run(['figure', '3'])).code).toBe(2);
  });

  it('figure 5 under each link reading: GDA leaves the pretrained minimum, retraining stays nearer', async () => {
    const f = JSON.parse((await run(['figure', '5', '--out', join(dir, 'f5.png'), '--json'])).out);
    expect(f.links.map((l: { link: string }) => l.link)).toEqual(['logistic', 'tanh-half', 'printed-shifted']);
    for (const l of f.links) {
      expect(existsSync(l.files[0])).toBe(true);
      const from = (p: { a: number; b: number }) => Math.hypot(p.a - l.pretrained.a, p.b - l.pretrained.b);
      expect(from(l.gda)).toBeGreaterThan(3 * from(l.retrain));
    }
  }, 60_000);
});
