/**
 * The plain Markdown report: a verdict table linking to one section per claim (anchor = claim id),
 * each with the paper's statement, the verdict and its evidence, and the counterexample with the
 * command that reproduces it. Renders on GitHub.
 */
import type { Results, ClaimRecord } from './results.ts';
import type { VerdictMove } from './compare.ts';
import { restingOn } from './claimGraph.ts';

type ChartFile = { file: string; svgFile?: string; title: string; sameAs?: string };
type ChartFiles = Map<string, ChartFile[]>;

const MARK: Record<string, string> = { holds: '✅ holds', 'holds-with-caveat': '⚠️ holds with caveat', refuted: '❌ refuted', inconclusive: '❔ inconclusive' };

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function section(c: ClaimRecord, charts: ChartFile[], resting: string[]): string {
  const lines = [`<a id="${c.id}"></a>`, `### ${c.id} — ${MARK[c.verdict]}`, '', `*${c.paperRef}.* ${c.statement}`, '', `**Verdict:** ${c.verdict} (expected ${c.expected}${c.verdict === c.expected ? '' : ' — MOVED'}); cases tried ${c.casesTried}, in scope ${c.casesInScope}; ${(c.durationMs / 1000).toFixed(1)} s.`, '', `**Evidence.** ${c.evidence}`];
  if (c.verdict === 'refuted' || c.verdict === 'holds-with-caveat') lines.push('', `**Claims resting on this one:** ${resting.length ? resting.map((id) => `[${id}](#${id})`).join(', ') : 'none'}.`);
  if (c.notes) lines.push('', `**Notes.** ${c.notes}`);
  if (c.counterexample) {
    const { reproduce, ...values } = c.counterexample as { reproduce?: string };
    lines.push('', '**Counterexample.**', '', '```json', JSON.stringify(values, null, 2), '```');
    if (typeof reproduce === 'string') lines.push('', 'Reproduce:', '', '```sh', reproduce, '```');
  }
  for (const ch of charts) lines.push('', ch.sameAs ? `Chart: the same picture as in [${ch.sameAs}](#${ch.sameAs}) (${ch.file}).` : `![${ch.title}](${ch.file})${ch.svgFile ? ` ([SVG](${ch.svgFile}))` : ''}`);
  return lines.join('\n');
}

export function renderReportMd(r: Results, assumptionChanges: { path: string; value: unknown; default: unknown }[], charts: ChartFiles = new Map(), moves: VerdictMove[] | null = null): string {
  const count = (v: string): number => r.claims.filter((c) => c.verdict === v).length;
  const moved = r.claims.filter((c) => c.verdict !== c.expected);
  const head = [
    '# ascent-verify report: "Ascent Fails to Forget" (NeurIPS 2025)',
    '',
    `${r.tool.name} ${r.tool.version} (commit ${r.tool.commit}) · seed ${r.seed} · profile ${r.profile} · started ${r.startedAt} · ${(r.durationMs / 1000).toFixed(1)} s · backend: cpu (decimal.js)`,
    '',
    `**${count('holds')} hold, ${count('holds-with-caveat')} hold with a caveat, ${count('refuted')} refuted, ${count('inconclusive')} inconclusive** of ${r.claims.length} claims.` + (moved.length ? ` **${moved.length} verdict(s) moved from the expected: ${moved.map((c) => c.id).join(', ')}.**` : ''),
    '',
    assumptionChanges.length ? `Assumptions changed from the defaults: ${assumptionChanges.map((d) => `\`${d.path}\` = ${JSON.stringify(d.value) ?? "absent"} (default ${JSON.stringify(d.default) ?? "absent"})`).join('; ')}.` : 'Assumptions: the defaults (assumptions.json).',
    '',
    '| claim | paper | verdict | cases | summary |',
    '|---|---|---|---|---|',
    ...r.claims.map((c) => `| [${c.id}](#${c.id}) | ${cell(c.paperRef)} | ${MARK[c.verdict]} | ${c.casesInScope}/${c.casesTried} | ${cell(c.summary ?? (c.evidence.length > 160 ? `${c.evidence.slice(0, 157)}…` : c.evidence))} |`),
    '',
    ...(moves === null ? [] : ['## Verdicts that moved since the compared run', '', ...(moves.length ? ['| claim | before | after |', '|---|---|---|', ...moves.map((m) => `| [${m.id}](#${m.id}) | ${m.before ? `${m.before.verdict}: ${cell(m.before.evidence)}` : 'absent'} | ${m.after ? `${m.after.verdict}: ${cell(m.after.evidence)}` : 'absent'} |`)] : ['No verdict moved.']), '']),
    '## Claims',
    '',
  ];
  const resting = restingOn(r.claims);
  return `${head.join('\n')}${r.claims.map((c) => section(c, charts.get(c.id) ?? [], resting.get(c.id) ?? [])).join('\n\n')}\n`;
}
