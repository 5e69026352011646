#!/usr/bin/env node
// The mutation score over theory/ from StrykerJS json reports (bench/NOTES.md, "Mutation testing"):
// for each mutated file the newest report that covers it, its counts, and the score
// (killed + timed out) / (all valid mutants). Survivors judged equivalent in
// bench/mutation-equivalents.json (matched by file, mutator, the mutated source text, the
// replacement and the mutated line with the one before it, so line shifts do not matter) are counted beside the raw score, never instead of it.
//   node scripts/mutation-summary.mjs [report.json | folder …]   (default: out/mutation/)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: node scripts/mutation-summary.mjs [report.json | folder …]   (default: out/mutation/)\nthe mutation score per file of theory/ and over it, from StrykerJS json reports (the newest per file), with the survivors judged equivalent in bench/mutation-equivalents.json counted beside the raw score');
  process.exit(0);
}
const inputs = args.length ? args : ['out/mutation'];
const reports = [];
for (const p of inputs) {
  if (!existsSync(p)) {
    console.error(`mutation-summary: ${p} does not exist (give StrykerJS json reports or folders holding them)`);
    process.exit(2);
  }
  const files = statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json')).map((f) => join(p, f)) : [p];
  for (const f of files) {
    let r;
    try {
      r = JSON.parse(readFileSync(f, 'utf8'));
    } catch {
      continue;
    }
    // a baseline measured on the code before a change ("…-before.json") never stands for the file
    if (r && typeof r.files === 'object' && r.schemaVersion && !/-before\.json$/.test(f)) reports.push({ path: f, mtime: statSync(f).mtimeMs, r });
  }
}
if (!reports.length) {
  console.error(`mutation-summary: no StrykerJS json report in ${inputs.join(', ')}`);
  process.exit(2);
}

const equivalentsPath = 'bench/mutation-equivalents.json';
const equivalents = existsSync(equivalentsPath) ? JSON.parse(readFileSync(equivalentsPath, 'utf8')).equivalents : [];

// the newest report per mutated file (a report of the whole suite covers several)
const newest = new Map();
for (const rep of reports) {
  for (const [file, d] of Object.entries(rep.r.files)) {
    if (!file.startsWith('theory/') || !d.mutants.length) continue;
    const seen = newest.get(file);
    // equal times (copied reports): the later name (…-after2 over …-after) wins
    if (!seen || seen.mtime < rep.mtime || (seen.mtime === rep.mtime && seen.path < rep.path)) newest.set(file, { mtime: rep.mtime, path: rep.path, d });
  }
}

/** The source text a mutant replaces (mutation-testing-report-schema locations: 1-based lines and columns). */
function original(lines, loc) {
  const { start, end } = loc;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const rows = [];
const total = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0 };
const unmatched = new Set(equivalents.map((_, i) => i));
for (const [file, { path, d }] of [...newest].sort(([a], [b]) => a.localeCompare(b))) {
  const lines = d.source.split('\n');
  const c = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, equivalent: 0 };
  for (const m of d.mutants) {
    if (!['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) continue;
    c.mutants++;
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else {
      if (m.status === 'Survived') c.survived++;
      else c.noCoverage++;
      const text = original(lines, m.location);
      // the mutated line and the one before it (identical lines recur: `if (!v) {` in every cache)
      const context = [lines[m.location.start.line - 2] ?? '', lines[m.location.start.line - 1]].map((s) => s.trim()).join(' ⏎ ');
      const i = equivalents.findIndex((e) => e.file === file && e.mutator === m.mutatorName && e.original === text && e.replacement === m.replacement && e.context === context);
      if (i >= 0) {
        c.equivalent++;
        unmatched.delete(i);
      }
    }
  }
  for (const k of Object.keys(total)) total[k] += c[k];
  rows.push(`| ${file} | ${c.mutants} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | **${pct(c.killed + c.timeout, c.mutants)}** | ${c.equivalent} | ${pct(c.killed + c.timeout, c.mutants - c.equivalent)} | ${path} |`);
}
console.log('| file | mutants | killed | timed out | survived | no coverage | score | judged equivalent | score without them | report |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
const t = total;
console.log(`| **theory/ (${rows.length} files)** | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | **${pct(t.killed + t.timeout, t.mutants)}** | ${t.equivalent} | ${pct(t.killed + t.timeout, t.mutants - t.equivalent)} | |`);
if (unmatched.size) console.error(`mutation-summary: ${unmatched.size} entries of ${equivalentsPath} match no survivor in these reports (killed since, or the code moved): ${[...unmatched].map((i) => `${equivalents[i].file} ${equivalents[i].mutator} ${JSON.stringify(equivalents[i].original)}`).join('; ')}`);
