/**
 * The self-contained HTML report: inline CSS, charts embedded as PNG data URIs, no scripts and no
 * network, so it opens from disk. The first screen answers how many claims hold, which are refuted
 * and why, and which claims rest on those (the claim graph, drawn by Graphviz, coloured by
 * verdict); then every verdict in a table; then one section per claim (element id = claim id) with
 * the statement, evidence, counterexample, what rests on it, and charts.
 */
import type { ClaimRecord, Results } from './results.ts';
import type { VerdictMove } from './compare.ts';
import { claimGraphSvg, restingOn } from './claimGraph.ts';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BADGE: Record<string, { text: string; cls: string }> = {
  holds: { text: 'holds', cls: 'ok' },
  'holds-with-caveat': { text: 'holds with caveat', cls: 'caveat' },
  refuted: { text: 'refuted', cls: 'bad' },
  inconclusive: { text: 'inconclusive', cls: 'unk' },
};

const badge = (v: string): string => `<span class="badge ${BADGE[v]?.cls ?? 'unk'}">${esc(BADGE[v]?.text ?? v)}</span>`;

export interface EmbeddedChart {
  id: string;
  title: string;
  caption?: string;
  file: string;
  /** the same chart as SVG, for papers */
  svgFile?: string;
  png: Buffer;
  /** the claim whose section already shows this very picture (drawn from the same data) */
  sameAs?: string;
}

/** One of the paper's figures redrawn, with the paper's own caption to read it against. */
export interface PaperFigure {
  figure: number;
  paperCaption: string;
  chart: EmbeddedChart;
  /** embedded in the HTML; otherwise linked (report.html stays under 1 MB) */
  embed: boolean;
}

function paperFigures(figs: PaperFigure[]): string {
  if (!figs.length) return '';
  const item = (f: PaperFigure): string => {
    const files = `<a href="${esc(f.chart.file)}">PNG</a>${f.chart.svgFile ? ` · <a href="${esc(f.chart.svgFile)}">SVG</a>` : ''}`;
    const pic = f.embed
      ? `<img alt="${esc(f.chart.title)}" src="data:image/png;base64,${f.chart.png.toString('base64')}" width="900" height="560">`
      : `<p>${esc(f.chart.title)}: not embedded (to keep this file small), see the file.</p>`;
    return `<div class="paper-figure" id="chart-${esc(f.chart.id)}"><blockquote>${esc(f.paperCaption)}</blockquote><figure>${pic}<figcaption>${esc(f.chart.caption ?? f.chart.title)} <span class="files">(${files})</span></figcaption></figure></div>`;
  };
  return `<section id="paper-figures"><h2>The paper's figures, redrawn</h2><p class="meta">Each beside the paper's caption. Also from the command line: <code>ascent-verify figure 1|2|4|5|6|7 [--out FILE.png|.svg] [--empirics DIR]</code>.${figs.some((f) => f.figure === 1) ? '' : ' Figures 1, 2, 6, 7 are drawn from an empirics run, and this report had none on disk.'}</p>${figs.map(item).join('\n')}</section>`;
}

const links = (ids: string[]): string => ids.map((id) => `<a href="#${esc(id)}">${esc(id)}</a>`).join(', ');

function figure(ch: EmbeddedChart): string {
  if (ch.sameAs) return `<p class="same-chart">Chart: the same picture as <a href="#chart-${esc(ch.id)}">${esc(ch.title)}</a> in <a href="#${esc(ch.sameAs)}">${esc(ch.sameAs)}</a> (both claims read the same data).</p>`;
  const files = `<a href="${esc(ch.file)}">PNG</a>${ch.svgFile ? ` · <a href="${esc(ch.svgFile)}">SVG</a>` : ''}`;
  return `<figure id="chart-${esc(ch.id)}"><img alt="${esc(ch.title)}" src="data:image/png;base64,${ch.png.toString('base64')}" width="900" height="560"><figcaption>${esc(ch.caption ?? ch.title)} <span class="files">(${files})</span></figcaption></figure>`;
}

function section(c: ClaimRecord, charts: EmbeddedChart[], resting: string[]): string {
  const parts = [
    `<section class="claim" id="${esc(c.id)}">`,
    `<h3><a href="#${esc(c.id)}">${esc(c.id)}</a> ${badge(c.verdict)}${c.verdict === c.expected ? '' : ` <span class="moved">moved from ${esc(c.expected)}</span>`}</h3>`,
    `<p class="statement"><em>${esc(c.paperRef)}.</em> ${esc(c.statement)}</p>`,
    `<p class="meta">cases tried ${c.casesTried} · in scope ${c.casesInScope} · ${(c.durationMs / 1000).toFixed(1)} s${c.dependsOn?.length ? ` · rests on ${links(c.dependsOn)}` : ''}</p>`,
  ];
  if (c.verdict === 'refuted' || c.verdict === 'holds-with-caveat') {
    parts.push(`<p class="resting ${c.verdict === 'refuted' ? 'bad' : 'caveat'}"><strong>Claims resting on this one:</strong> ${resting.length ? links(resting) : 'none'}.</p>`);
  }
  if (c.summary) parts.push(`<p class="summary-line"><strong>In one sentence.</strong> ${esc(c.summary)}</p>`);
  parts.push(`<p><strong>Evidence.</strong> ${esc(c.evidence)}</p>`);
  if (c.notes) parts.push(`<p class="notes"><strong>Notes.</strong> ${esc(c.notes)}</p>`);
  if (c.counterexample) {
    const { reproduce, ...values } = c.counterexample as { reproduce?: unknown };
    parts.push(`<details open><summary>Counterexample</summary><pre>${esc(JSON.stringify(values, null, 2))}</pre>${typeof reproduce === 'string' ? `<p>Reproduce:</p><pre class="cmd">${esc(reproduce)}</pre>` : ''}</details>`);
  }
  for (const ch of charts) parts.push(figure(ch));
  parts.push('</section>');
  return parts.join('\n');
}

/** The short form of a claim's conclusion for the headline: its summary, or the evidence cut to a sentence. */
const gist = (c: ClaimRecord): string => {
  const g = c.summary || (c.evidence.length > 200 ? `${c.evidence.slice(0, 197)}…` : c.evidence);
  return /[.!?…)]$/.test(g) ? g : `${g}.`;
};

/** The first screen: the tally, the refuted claims with why and what rests on them, the caveats, the graph. */
function headline(r: Results, resting: Map<string, string[]>): string {
  const refuted = r.claims.filter((c) => c.verdict === 'refuted');
  const caveat = r.claims.filter((c) => c.verdict === 'holds-with-caveat');
  const inconclusive = r.claims.filter((c) => c.verdict === 'inconclusive');
  const affected = (cs: ClaimRecord[]): string[] => [...new Set(cs.flatMap((c) => resting.get(c.id) ?? []))].filter((id) => !cs.some((c) => c.id === id));
  const refutedList = refuted.length
    ? `<ul class="refuted">${refuted.map((c) => `<li><a href="#${esc(c.id)}"><strong>${esc(c.id)}</strong></a> <span class="ref">(${esc(c.paperRef)})</span>: ${esc(gist(c))} <span class="rests">${(resting.get(c.id) ?? []).length ? `Resting on it: ${links(resting.get(c.id)!)}.` : 'Nothing else rests on it.'}</span></li>`).join('')}</ul>`
    : '<p>No claim is refuted.</p>';
  const caveatLine = caveat.length
    ? `<p class="caveats"><strong>Hold only under a condition the paper does not state (${caveat.length}):</strong> ${links(caveat.map((c) => c.id))}${affected(caveat).length ? `; resting on them: ${links(affected(caveat))}` : ''}.</p>`
    : '';
  const incLine = inconclusive.length ? `<p class="caveats"><strong>Inconclusive (${inconclusive.length}):</strong> ${links(inconclusive.map((c) => c.id))}.</p>` : '';
  return `<section id="headline">
<div class="why">
<h2>Refuted (${refuted.length}), and what rests on them</h2>
${refutedList}
${caveatLine}
${incLine}
</div>
<figure class="graph" id="claim-graph">${claimGraphSvg(r.claims)}<figcaption>Which claim rests on which (arrow: from a claim to those resting on it). Colour: <span class="badge ok">holds</span> <span class="badge caveat">caveat</span> <span class="badge bad">refuted</span> <span class="badge unk">inconclusive</span>; click a claim for its section.</figcaption></figure>
</section>`;
}

export function renderReportHtml(r: Results, chartsById: Map<string, EmbeddedChart[]>, assumptionChanges: { path: string; value: unknown; default: unknown }[], moves: VerdictMove[] | null, paper: PaperFigure[] = []): string {
  const count = (v: string): number => r.claims.filter((c) => c.verdict === v).length;
  const resting = restingOn(r.claims);
  const rows = r.claims
    .map((c) => `<tr class="${BADGE[c.verdict]?.cls ?? 'unk'}"><td><a href="#${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(c.paperRef)}</td><td>${badge(c.verdict)}</td><td class="num">${c.casesInScope}/${c.casesTried}</td><td class="summary">${esc(gist(c))}</td></tr>`)
    .join('\n');
  const changes = assumptionChanges.length
    ? `<p>Assumptions changed from the defaults: ${assumptionChanges.map((d) => `<code>${esc(d.path)}</code> = ${esc(JSON.stringify(d.value) ?? "absent")} (default ${esc(JSON.stringify(d.default) ?? "absent")})`).join('; ')}.</p>`
    : '<p class="header-meta">Assumptions: the defaults (assumptions.json).</p>';
  const moved = r.claims.filter((c) => c.verdict !== c.expected);
  const compare = moves === null
    ? ''
    : `<section id="compare"><h2>Verdicts that moved since the compared run</h2>${moves.length ? `<table><tr><th>claim</th><th>before</th><th>after</th></tr>${moves.map((m) => `<tr><td><a href="#${esc(m.id)}">${esc(m.id)}</a></td><td>${m.before ? `${badge(m.before.verdict)}<br>${esc(m.before.evidence)}` : 'absent'}</td><td>${m.after ? `${badge(m.after.verdict)}<br>${esc(m.after.evidence)}` : 'absent'}</td></tr>`).join('')}</table>` : '<p>No verdict moved.</p>'}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ascent-verify report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1200px;margin:0 auto;padding:.6rem 1.5rem;color:#1d1d1f;line-height:1.4}
h1{font-size:1.35rem;margin:.1rem 0}h2{font-size:1.1rem;margin:.3rem 0}.meta,.header-meta{color:#555;font-size:.85rem;margin:.2rem 0}
.tally{font-size:1.15rem;margin:.3rem 0}.tally span{display:inline-block;margin-right:1rem;font-weight:700}
#headline{display:flex;gap:1rem;align-items:flex-start;border:1px solid #ddd;border-radius:.4rem;padding:.4rem .8rem;margin:.4rem 0}
#headline .why{flex:1 1 45%;font-size:.9rem}#headline .graph{flex:1 1 55%;margin:0}
ul.refuted{margin:.2rem 0;padding-left:1.1rem}ul.refuted li{margin:.25rem 0}.ref{color:#666}.rests{color:#a11212}.caveats{margin:.3rem 0}
svg.claim-graph{width:100%;height:auto;max-height:400px}svg.claim-graph a:hover polygon,svg.claim-graph a:hover path{stroke-width:3}
table{border-collapse:collapse;width:100%;font-size:.88rem}td,th{border-bottom:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}td.num{white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}
td.summary{color:#333}.badge{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.badge.ok{background:#d4f4dd;color:#0b6b2b}.badge.caveat{background:#fff1c2;color:#7a5600}.badge.bad{background:#ffd6d6;color:#a11212}.badge.unk{background:#e8e8e8;color:#555}
tr.bad td:first-child{border-left:4px solid #d62728}tr.caveat td:first-child{border-left:4px solid #e6a700}tr.ok td:first-child{border-left:4px solid #2ca02c}tr.unk td:first-child{border-left:4px solid #aaa}
.moved{color:#a11212;font-weight:700;font-size:.85rem}section.claim{border-top:1px solid #ccc;margin-top:1.5rem;padding-top:.5rem}
p.resting.bad{background:#fff0f0;padding:.3rem .5rem}p.resting.caveat{background:#fffaea;padding:.3rem .5rem}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:4px solid #bbb;color:#444;font-style:italic;font-size:.9rem}
pre{background:#f6f6f6;padding:.5rem;overflow-x:auto;font-size:.8rem}figure{margin:1rem 0}img{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.85rem;color:#555}
</style></head><body>
<header>
<h1>ascent-verify: "Ascent Fails to Forget" (NeurIPS 2025), claim by claim</h1>
<p class="tally"><span style="color:#0b6b2b">${count('holds')} hold</span><span style="color:#7a5600">${count('holds-with-caveat')} hold with a caveat</span><span style="color:#a11212">${count('refuted')} refuted</span><span style="color:#555">${count('inconclusive')} inconclusive</span> of ${r.claims.length} claims${moved.length ? ` <span class="moved">${moved.length} moved from the expected: ${links(moved.map((c) => c.id))}</span>` : ''}</p>
<p class="header-meta">${esc(r.tool.name)} ${esc(r.tool.version)} · commit ${esc(r.tool.commit)} · seed ${r.seed} · profile ${esc(r.profile)} · backend cpu (decimal.js) · started ${esc(r.startedAt)} · run time ${(r.durationMs / 1000).toFixed(1)} s</p>
${changes}
<p class="header-meta">Jump to: <a href="#verdicts">every verdict</a> · <a href="#claims">claims, one by one</a>${paper.length ? ' · <a href="#paper-figures">the paper\'s figures, redrawn</a>' : ''}</p>
</header>
<main>
${headline(r, resting)}
<table id="verdicts"><tr><th>claim</th><th>paper</th><th>verdict</th><th>cases in scope / tried</th><th>summary</th></tr>
${rows}
</table>
${compare}
<h2 id="claims">Claims</h2>
${r.claims.map((c) => section(c, chartsById.get(c.id) ?? [], resting.get(c.id) ?? [])).join('\n')}
${paperFigures(paper)}
</main></body></html>
`;
}
