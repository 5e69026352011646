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

export function verdictsCsv(r: Results): string {
  const q = (v: unknown): string => `"${String(v ?? '').replace(/"/g, '""')}"`;
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
