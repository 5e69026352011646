/**
 * The self-contained HTML report: inline CSS, charts embedded as PNG data URIs, no scripts and no
 * network, so it opens from disk. The first screen shows every verdict; one section per claim
 * (element id = claim id) gives the statement, evidence, counterexample and charts.
 */
import type { ClaimRecord, Results } from './results.ts';
import type { VerdictMove } from './compare.ts';

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
  png: Buffer;
}

function section(c: ClaimRecord, charts: EmbeddedChart[]): string {
  const parts = [
    `<section class="claim" id="${esc(c.id)}">`,
    `<h3><a href="#${esc(c.id)}">${esc(c.id)}</a> ${badge(c.verdict)}${c.verdict === c.expected ? '' : ` <span class="moved">moved from ${esc(c.expected)}</span>`}</h3>`,
    `<p class="statement"><em>${esc(c.paperRef)}.</em> ${esc(c.statement)}</p>`,
    `<p class="meta">cases tried ${c.casesTried} · in scope ${c.casesInScope} · ${(c.durationMs / 1000).toFixed(1)} s</p>`,
    `<p><strong>Evidence.</strong> ${esc(c.evidence)}</p>`,
  ];
  if (c.notes) parts.push(`<p class="notes"><strong>Notes.</strong> ${esc(c.notes)}</p>`);
  if (c.counterexample) {
    const { reproduce, ...values } = c.counterexample as { reproduce?: unknown };
    parts.push(`<details open><summary>Counterexample</summary><pre>${esc(JSON.stringify(values, null, 2))}</pre>${typeof reproduce === 'string' ? `<p>Reproduce:</p><pre class="cmd">${esc(reproduce)}</pre>` : ''}</details>`);
  }
  for (const ch of charts) {
    parts.push(`<figure><img alt="${esc(ch.title)}" src="data:image/png;base64,${ch.png.toString('base64')}" width="900" height="560"><figcaption>${esc(ch.caption ?? ch.title)}</figcaption></figure>`);
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function renderReportHtml(r: Results, chartsById: Map<string, EmbeddedChart[]>, assumptionChanges: { path: string; value: unknown; default: unknown }[], moves: VerdictMove[] | null): string {
  const count = (v: string): number => r.claims.filter((c) => c.verdict === v).length;
  const rows = r.claims
    .map((c) => `<tr class="${BADGE[c.verdict]?.cls ?? 'unk'}"><td><a href="#${esc(c.id)}">${esc(c.id)}</a></td><td>${esc(c.paperRef)}</td><td>${badge(c.verdict)}</td><td class="summary">${esc(c.summary ?? (c.evidence.length > 200 ? `${c.evidence.slice(0, 197)}…` : c.evidence))}</td></tr>`)
    .join('\n');
  const changes = assumptionChanges.length
    ? `<p>Assumptions changed from the defaults: ${assumptionChanges.map((d) => `<code>${esc(d.path)}</code> = ${esc(JSON.stringify(d.value) ?? "absent")} (default ${esc(JSON.stringify(d.default) ?? "absent")})`).join('; ')}.</p>`
    : '<p>Assumptions: the defaults (assumptions.json).</p>';
  const compare = moves === null
    ? ''
    : `<section id="compare"><h2>Verdicts that moved since the compared run</h2>${moves.length ? `<table><tr><th>claim</th><th>before</th><th>after</th></tr>${moves.map((m) => `<tr><td><a href="#${esc(m.id)}">${esc(m.id)}</a></td><td>${m.before ? `${badge(m.before.verdict)}<br>${esc(m.before.evidence)}` : 'absent'}</td><td>${m.after ? `${badge(m.after.verdict)}<br>${esc(m.after.evidence)}` : 'absent'}</td></tr>`).join('')}</table>` : '<p>No verdict moved.</p>'}</section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ascent-verify report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:0 auto;padding:1rem 1.5rem;color:#1d1d1f;line-height:1.45}
h1{font-size:1.5rem;margin:.2rem 0}.meta,.header-meta{color:#555;font-size:.9rem}
.tally span{display:inline-block;margin-right:1rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.summary{color:#333}.badge{display:inline-block;padding:.05rem .5rem;border-radius:.8rem;font-size:.8rem;font-weight:600;white-space:nowrap}
.badge.ok{background:#d4f4dd;color:#0b6b2b}.badge.caveat{background:#fff1c2;color:#7a5600}.badge.bad{background:#ffd6d6;color:#a11212}.badge.unk{background:#e8e8e8;color:#555}
tr.bad td:first-child{border-left:4px solid #d62728}tr.caveat td:first-child{border-left:4px solid #e6a700}tr.ok td:first-child{border-left:4px solid #2ca02c}tr.unk td:first-child{border-left:4px solid #aaa}
.moved{color:#a11212;font-weight:700;font-size:.85rem}section.claim{border-top:1px solid #ccc;margin-top:1.5rem;padding-top:.5rem}
pre{background:#f6f6f6;padding:.5rem;overflow-x:auto;font-size:.8rem}figure{margin:1rem 0}img{max-width:100%;height:auto;border:1px solid #eee}figcaption{font-size:.85rem;color:#555}
</style></head><body>
<header>
<h1>ascent-verify: "Ascent Fails to Forget" (NeurIPS 2025), claim by claim</h1>
<p class="header-meta">${esc(r.tool.name)} ${esc(r.tool.version)} · commit ${esc(r.tool.commit)} · seed ${r.seed} · profile ${esc(r.profile)} · backend cpu (decimal.js) · started ${esc(r.startedAt)} · run time ${(r.durationMs / 1000).toFixed(1)} s</p>
<p class="tally"><span style="color:#0b6b2b">${count('holds')} hold</span><span style="color:#7a5600">${count('holds-with-caveat')} hold with a caveat</span><span style="color:#a11212">${count('refuted')} refuted</span><span style="color:#555">${count('inconclusive')} inconclusive</span> of ${r.claims.length} claims</p>
${changes}
</header>
<main>
<table id="verdicts"><tr><th>claim</th><th>paper</th><th>verdict</th><th>summary</th></tr>
${rows}
</table>
${compare}
<h2>Claims</h2>
${r.claims.map((c) => section(c, chartsById.get(c.id) ?? [])).join('\n')}
</main></body></html>
`;
}
