/**
 * The verdict table for other tools: CSV (RFC 4180: every field quoted, quotes doubled, CRLF line
 * ends) for spreadsheets and scripts, and a LaTeX table (booktabs) for a paper or a review.
 */
import type { ClaimRecord, Results } from './results.ts';

const CSV_COLUMNS = ['id', 'paperRef', 'verdict', 'expected', 'casesInScope', 'casesTried', 'dependsOn', 'summary', 'reproduce'] as const;

const reproduceOf = (c: ClaimRecord): string => {
  const r = (c.counterexample as { reproduce?: unknown } | null)?.reproduce;
  return typeof r === 'string' ? r : '';
};

/** One RFC 4180 field: always quoted, quotes doubled (null and undefined: empty). */
export const csvField = (v: unknown): string => `"${String(v ?? '').replace(/"/g, '""')}"`;

export function verdictsCsv(r: Results): string {
  const q = csvField;
  const rows = r.claims.map((c) => [c.id, c.paperRef, c.verdict, c.expected, c.casesInScope, c.casesTried, (c.dependsOn ?? []).join(';'), c.summary ?? '', reproduceOf(c)].map(q).join(','));
  return `${[CSV_COLUMNS.map(q).join(','), ...rows].join('\r\n')}\r\n`;
}

/** Characters outside pdfLaTeX's reach, written as math (xelatex and lualatex would take them as they are). */
const LATEX_UNICODE: Record<string, string> = {
  'α': '$\\alpha$', 'β': '$\\beta$', 'γ': '$\\gamma$', 'δ': '$\\delta$', 'Δ': '$\\Delta$', 'ε': '$\\varepsilon$', 'η': '$\\eta$', 'λ': '$\\lambda$',
  'μ': '$\\mu$', 'σ': '$\\sigma$', 'θ': '$\\theta$', 'ℓ': '$\\ell$', '−': '$-$', '×': '$\\times$', '·': '$\\cdot$', '≤': '$\\le$', '≥': '$\\ge$',
  '≠': '$\\ne$', '≈': '$\\approx$', '→': '$\\to$', '∈': '$\\in$', '∞': '$\\infty$', '‖': '$\\|$', '′': '$\'$', '″': '$\'\'$', '√': '$\\surd$',
  '∪': '$\\cup$', '∖': '$\\setminus$', '⁻': '$^{-}$', '¹': '$^{1}$', '²': '$^{2}$', '³': '$^{3}$', '₀': '$_{0}$', '₁': '$_{1}$', '₂': '$_{2}$',
  '–': '--', '—': '---', '…': '\\dots{}', '“': '``', '”': "''", '‘': '`', '’': "'",
};

export function latexEscape(s: string): string {
  return s
    .replace(/[\\{}&%$#_~^]/g, (ch) => ({ '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' })[ch] ?? `\\${ch}`)
    // <, > and | print as other glyphs in text mode under the default OT1 encoding
    .replace(/[<>|]/g, (ch) => `$${ch}$`)
    .replace(/[^\x00-\x7f]/g, (ch) => LATEX_UNICODE[ch] ?? ch);
}

const VERDICT_TEX: Record<string, string> = { holds: 'holds', 'holds-with-caveat': 'holds with caveat', refuted: '\\textbf{refuted}', inconclusive: 'inconclusive' };

/** A complete table environment (needs \usepackage{booktabs} and, for the summary column, {array}). */
export function verdictsLatex(r: Results): string {
  const count = (v: string): number => r.claims.filter((c) => c.verdict === v).length;
  const rows = r.claims.map((c) => `${latexEscape(c.id)} & ${latexEscape(c.paperRef)} & ${VERDICT_TEX[c.verdict] ?? latexEscape(c.verdict)} & ${c.casesInScope}/${c.casesTried} & ${latexEscape(c.summary ?? '')} \\\\`);
  return [
    `% ascent-verify ${r.tool.version}, commit ${r.tool.commit}, seed ${r.seed}, profile ${r.profile}; needs \\usepackage{booktabs}`,
    '\\begin{table}[t]',
    '\\centering\\small',
    `\\caption{Verdicts on the claims of \`\`Ascent Fails to Forget'': ${count('holds')} hold, ${count('holds-with-caveat')} hold with a caveat, ${count('refuted')} refuted, ${count('inconclusive')} inconclusive, of ${r.claims.length}.}`,
    '\\label{tab:ascent-verify-verdicts}',
    '\\begin{tabular}{@{}lllrp{0.42\\linewidth}@{}}',
    '\\toprule',
    'Claim & Paper & Verdict & Cases & Summary \\\\',
    '\\midrule',
    ...rows,
    '\\bottomrule',
    '\\end{tabular}',
    '\\end{table}',
    '',
  ].join('\n');
}

/**
 * Nested objects to paths: {D: {x: "1.3"}, stationaryDA: [{w: "…"}]} → D.x, stationaryDA.0.w.
 * Leaves are written as they are (the solvers' decimals are strings at full precision; JS numbers
 * print their shortest round-trip form); null is an empty cell.
 */
function flatten(v: unknown, prefix: string, into: Map<string, unknown>): void {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as Record<string, unknown>);
    if (!entries.length) into.set(prefix, '');
    for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, into);
  } else into.set(prefix, v);
}

/**
 * A batch of JSON answers as CSV (RFC 4180, as verdictsCsv): one row per answer, one column per
 * leaf path, the header the union of paths in order of first appearance; a path an answer lacks
 * (a null minimum, fewer stationary points) is an empty cell.
 */
export function jsonRowsCsv(rows: unknown[]): string {
  const flat = rows.map((r) => {
    const m = new Map<string, unknown>();
    flatten(r, '', m);
    return m;
  });
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const m of flat) for (const k of m.keys()) if (!seen.has(k)) (seen.add(k), columns.push(k));
  return `${[columns.map(csvField).join(','), ...flat.map((m) => columns.map((c) => csvField(m.get(c))).join(','))].join('\r\n')}\r\n`;
}
