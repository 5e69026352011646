/** The report layer: charts render to real PNGs, --compare lists moved verdicts with both evidences. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderChartPng } from '../reports/charts.ts';
import { compareResults } from '../reports/compare.ts';
import { main } from '../cli/main.ts';
import type { Results } from '../reports/results.ts';

function results(verdicts: Record<string, string>): Results {
  return {
    tool: { name: 'ascent-verify', version: 't', commit: 'c' }, seed: 1, profile: 'quick', assumptions: {}, startedAt: '2026-01-01T00:00:00Z', durationMs: 1,
    claims: Object.entries(verdicts).map(([id, verdict]) => ({
      id, paperRef: 'p', statement: 's', dependsOn: [], summary: '', keyNumbers: {}, keyMoves: [], compared: true, verdict: verdict as Results['claims'][number]['verdict'], expected: 'holds', casesTried: 1, casesInScope: 1, counterexample: null, evidence: `${id} is ${verdict}`, notes: '', durationMs: 1,
      charts: id === 'A' ? [{ id: 'A-chart', title: 'a chart', xLabel: 'x', yLabel: 'y', xLog: true, series: [{ label: 's', points: [[0, 1], [1, 2], [10, 3], [100, Number.NaN]] }] }] : undefined,
    })),
  };
}

describe('charts', () => {
  it('a chart spec renders to a PNG of the requested size, dropping points a log axis cannot show', () => {
    const png = renderChartPng({ id: 'c', title: 't', xLabel: 'x', yLabel: 'y', xLog: true, series: [{ label: 's', points: [[-1, 1], [1, 2], [10, 3]] }] }, 400, 300);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(400);
    expect(png.readUInt32BE(20)).toBe(300);
  });
});

describe('report --compare', () => {
  it('lists exactly the claims whose verdict moved, with both evidences', () => {
    const moves = compareResults(results({ A: 'holds', B: 'refuted', C: 'holds' }), results({ A: 'holds', B: 'holds-with-caveat', D: 'holds' }));
    expect(moves.map((m) => m.id).sort()).toEqual(['B', 'C', 'D']);
    const b = moves.find((m) => m.id === 'B')!;
    expect(b.before).toEqual({ verdict: 'refuted', evidence: 'B is refuted' });
    expect(b.after).toEqual({ verdict: 'holds-with-caveat', evidence: 'B is holds-with-caveat' });
    expect(moves.find((m) => m.id === 'C')!.after).toBeNull();
  });

  it('the CLI rebuilds report.md/html and charts from a results.json and prints the moves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-report-'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify(results({ A: 'holds', B: 'refuted' })));
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results({ A: 'holds', B: 'holds' })));
    let out = '';
    const code = await main(['report', '--results', join(dir, 'results.json'), '--compare', join(dir, 'old.json')], { out: (t) => (out += `${t}\n`), err: () => {} });
    expect(code).toBe(0);
    expect(out).toMatch(/1 verdict\(s\) moved/);
    expect(out).toMatch(/B: refuted → holds/);
    expect(existsSync(join(dir, 'charts/A-chart.png'))).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/id="compare"/);
    expect(html).toMatch(/<section class="claim" id="B">/);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/!\[a chart\]\(charts\/A-chart.png\)/);
  });

  it('a --compare file that is not a results.json is a one-line error, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'av-report-'));
    writeFileSync(join(dir, 'results.json'), JSON.stringify(results({ A: 'holds' })));
    writeFileSync(join(dir, 'bad.json'), '{"x":1}');
    let err = '';
    const code = await main(['report', '--results', join(dir, 'results.json'), '--compare', join(dir, 'bad.json')], { out: () => {}, err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toMatch(/is not a results.json/);
  });
});
