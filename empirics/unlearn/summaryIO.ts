/**
 * Reading an empirics run's summary.json (summary.ts) and naming its scale: the key under which
 * expectations are committed (properties/expected.json conditions.empirics) and a label for prose.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EmpiricsSummary } from './summary.ts';

/** `dataset/model/profile`: the scale of a run, as properties/expected.json names it. */
export const scaleKey = (s: EmpiricsSummary): string => `${s.scale.dataset}/${s.scale.model}/${s.scale.profile}`;

/** The scale in words: data, network, models per side, grid size, forget sets, seed, backend. */
export function scaleLabel(s: EmpiricsSummary): string {
  const g = s.scale.grid;
  const runs = g.GA.lr.length * g.GA.epochs.length + (['GDA', 'SCRUB'] as const).reduce((n, m) => n + g[m].lr.length * g[m].epochs.length * g[m].ascentEpochs.length * g[m].forgetBatch.length, 0);
  return `${s.scale.dataset} (${s.scale.nTrain} train / ${s.scale.nVal} val, ${s.scale.image}), ${s.scale.model}, N = ${s.scale.models} models per side, ${s.scale.profile} grid (${runs} (run, stop) pairs per forget set), forget sets ${s.scale.forgetSets.join(', ')}, seed ${s.seed}, ${s.backend}`;
}

/** The newest summary.json under `root` (by createdAt), or null. */
export function latestSummary(root: string): { path: string; summary: EmpiricsSummary } | null {
  if (!existsSync(root)) return null;
  let best: { path: string; summary: EmpiricsSummary } | null = null;
  for (const d of readdirSync(root)) {
    const f = join(root, d, 'summary.json');
    if (!existsSync(f) || !statSync(f).isFile()) continue;
    const s = readSummary(f);
    if (!best || s.createdAt > best.summary.createdAt) best = { path: f, summary: s };
  }
  return best;
}

export function readSummary(path: string): EmpiricsSummary {
  const s = JSON.parse(readFileSync(path, 'utf8')) as EmpiricsSummary;
  if (s.version !== 1 || !Array.isArray(s.sets)) throw new Error(`${path} is not an empirics summary (version 1)`);
  return s;
}
