/**
 * The claim graph: which claim rests on which (each claim's `dependsOn`, declared in its module's
 * entry), drawn by Graphviz's dot (compiled to WebAssembly: @hpcc-js/wasm-graphviz, no network) as
 * SVG, each node coloured by its verdict and linking to the claim's section (#id). An arrow runs
 * from a claim to the claims that rest on it, so what a refuted claim undermines lies downstream.
 */
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { ClaimRecord } from './results.ts';

// loaded once, at import, so the report stays synchronous (the WebAssembly module takes ~0.5 s)
const graphviz = await Graphviz.load();

/** Fill and border per verdict: the colours of the report's badges. */
export const VERDICT_COLOURS: Record<string, { fill: string; line: string }> = {
  holds: { fill: '#d4f4dd', line: '#2ca02c' },
  'holds-with-caveat': { fill: '#fff1c2', line: '#e6a700' },
  refuted: { fill: '#ffd6d6', line: '#d62728' },
  inconclusive: { fill: '#e8e8e8', line: '#888888' },
};

type GraphClaim = Pick<ClaimRecord, 'id' | 'verdict' | 'dependsOn'> & { summary?: string };

/** For each claim, the claims that rest on it directly or through others (sorted, in the records' order). */
export function restingOn(claims: GraphClaim[]): Map<string, string[]> {
  const direct = new Map<string, string[]>(claims.map((c) => [c.id, []]));
  for (const c of claims) for (const d of c.dependsOn ?? []) direct.get(d)?.push(c.id);
  const order = new Map(claims.map((c, i) => [c.id, i]));
  const out = new Map<string, string[]>();
  for (const c of claims) {
    const seen = new Set<string>();
    const stack = [...direct.get(c.id)!];
    while (stack.length) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(direct.get(id) ?? []));
    }
    out.set(c.id, [...seen].sort((a, b) => order.get(a)! - order.get(b)!));
  }
  return out;
}

const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The graph in DOT: one node per claim, grouped in rows by the part of the paper (id prefix). */
export function claimGraphDot(claims: GraphClaim[]): string {
  const lines = [
    'digraph claims {',
    '  graph [rankdir=LR, nodesep=0.06, ranksep=0.35, bgcolor="transparent", fontname="DejaVu Sans", margin=0];',
    '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=10, height=0.28, margin="0.06,0.02", penwidth=1.6];',
    '  edge [color="#777777", arrowsize=0.6];',
  ];
  const known = new Set(claims.map((c) => c.id));
  for (const c of claims) {
    const col = VERDICT_COLOURS[c.verdict] ?? VERDICT_COLOURS.inconclusive!;
    const tip = `${c.id}: ${c.verdict}${c.summary ? ` — ${c.summary}` : ''}`;
    lines.push(`  ${q(c.id)} [fillcolor=${q(col.fill)}, color=${q(col.line)}, URL=${q(`#${c.id}`)}, target="_self", tooltip=${q(tip.slice(0, 300))}, id=${q(`node-${c.id}`)}${c.verdict === 'refuted' ? ', penwidth=2.8' : ''}];`);
  }
  for (const c of claims) for (const d of c.dependsOn ?? []) if (known.has(d)) lines.push(`  ${q(d)} -> ${q(c.id)};`);
  lines.push('}');
  return lines.join('\n');
}

/** The graph as an inline SVG element (no XML prologue, no fixed size: CSS sizes it). */
export function claimGraphSvg(claims: GraphClaim[]): string {
  const svg = graphviz.dot(claimGraphDot(claims));
  return svg
    .slice(svg.indexOf('<svg'))
    .replace(/<svg width="[^"]*" height="[^"]*"/, '<svg role="img" aria-label="claim graph" class="claim-graph"')
    .replace(/<!--[\s\S]*?-->\n?/g, '');
}
