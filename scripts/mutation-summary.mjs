#!/usr/bin/env node
// The mutation score over theory/ from StrykerJS json reports (bench/NOTES.md, "Mutation testing"):
// for each mutated file the newest report that covers it, its counts, and the score
// (killed + timed out) / (all valid mutants). Survivors judged equivalent in
// bench/mutation-equivalents.json (matched by file, mutator, the mutated source text, the
// replacement and the mutated line with the one before it, so line shifts do not matter) are counted beside the raw score, never instead of it.
//   node scripts/mutation-summary.mjs [report.json | folder …]   (default: out/mutation/)
import { readFileSync, readdirSync, statSync, existsSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log('usage: node scripts/mutation-summary.mjs [--record] [--reports-only] [report.json | folder …]   (default: out/mutation/)\nthe mutation score per file of theory/ and over it, from StrykerJS json reports (the newest per file) and, for files without one, bench/mutation-record.json (unless --reports-only); the survivors judged equivalent in bench/mutation-equivalents.json are counted beside the raw score\n--record  write the reports\' measurements (counts and survivors) into bench/mutation-record.json');
  process.exit(0);
}
const unknown = argv.filter((a) => a.startsWith('-') && !['--record', '--reports-only'].includes(a));
if (unknown.length) {
  console.error(`mutation-summary: unknown option ${unknown[0]} (allowed: --record, --reports-only, --help)`);
  process.exit(2);
}
const writeRecord = argv.includes('--record');
const useRecord = !argv.includes('--reports-only');
const args = argv.filter((a) => !a.startsWith('-'));
const inputs = args.length ? args : existsSync('out/mutation') || !useRecord ? ['out/mutation'] : [];
const reports = [];
for (const p of inputs) {
  if (!existsSync(p)) {
    console.error(`mutation-summary: ${p} does not exist (give StrykerJS json reports or folders holding them)`);
    process.exit(2);
  }
  // an -incremental.json has the report's schema but holds the run before (a copy made to seed the next run is newest)
  const files = statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.json') && !f.endsWith('.config.json') && !f.endsWith('-incremental.json')).map((f) => join(p, f)) : [p];
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
if (!reports.length && (!useRecord || !existsSync('bench/mutation-record.json'))) {
  console.error(`mutation-summary: no StrykerJS json report in ${inputs.join(', ') || 'out/mutation'} and no bench/mutation-record.json`);
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
/** The index in bench/mutation-equivalents.json judging this survivor, or −1. */
const judged = (file, s) => equivalents.findIndex((e) => e.file === file && e.mutator === s.mutator && e.original === s.original && e.replacement === s.replacement && e.context === s.context);

/** Counts and survivors of one file's mutants in a report. */
function fromReport(file, d) {
  const lines = d.source.split('\n');
  const counts = { mutants: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0 };
  const survivors = [];
  for (const m of d.mutants) {
    if (!['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) continue;
    counts.mutants++;
    if (m.status === 'Killed') counts.killed++;
    else if (m.status === 'Timeout') counts.timeout++;
    else {
      if (m.status === 'Survived') counts.survived++;
      else counts.noCoverage++;
      const { line, column } = m.location.start;
      // the mutated line and the one before it (identical lines recur: `if (!v) {` in every cache)
      const context = [lines[line - 2] ?? '', lines[line - 1]].map((x) => x.trim()).join(' ⏎ ');
      survivors.push({ status: m.status, line, column, mutator: m.mutatorName, original: original(lines, m.location), replacement: m.replacement, context });
    }
  }
  return { counts, survivors };
}

// bench/mutation-record.json: each file's latest measurement, committed (out/ is not), so a later
// session or a reader sees the score and every survivor without rerunning StrykerJS
const recordPath = 'bench/mutation-record.json';
const record = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : { about: '', files: {} };
const files = new Set([...newest.keys(), ...(useRecord ? Object.keys(record.files) : [])]);
const measured = {};
for (const file of [...files].sort()) {
  const rep = newest.get(file);
  const entry = rep
    ? { measured: new Date(rep.mtime).toISOString().slice(0, 10), report: rep.path, ...fromReport(file, rep.d) }
    : record.files[file];
  measured[file] = entry;
  const c = { ...entry.counts, equivalent: 0 };
  if (entry.survivors) {
    for (const sv of entry.survivors) {
      const i = judged(file, sv);
      if (i >= 0) {
        c.equivalent++;
        unmatched.delete(i);
      }
    }
  } else c.equivalent = entry.equivalent ?? 0; // an older measurement whose survivors were not recorded
  for (const k of Object.keys(total)) total[k] += c[k];
  const where = rep ? rep.path : `${recordPath} (${entry.measured}${entry.survivors ? '' : ', counts only'})`;
  rows.push(`| ${file} | ${c.mutants} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | **${pct(c.killed + c.timeout, c.mutants)}** | ${c.equivalent} | ${pct(c.killed + c.timeout, c.mutants - c.equivalent)} | ${where} |`);
}
console.log('| file | mutants | killed | timed out | survived | no coverage | score | judged equivalent | score without them | measured |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
const t = total;
console.log(`| **theory/ (${rows.length} files)** | ${t.mutants} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} | **${pct(t.killed + t.timeout, t.mutants)}** | ${t.equivalent} | ${pct(t.killed + t.timeout, t.mutants - t.equivalent)} | |`);
// only files whose survivors are known can leave an entry unmatched
for (const i of [...unmatched]) if (!measured[equivalents[i].file]?.survivors) unmatched.delete(i);
if (unmatched.size) console.error(`mutation-summary: ${unmatched.size} entries of ${equivalentsPath} match no survivor in these measurements (killed since, or the code moved): ${[...unmatched].map((i) => `${equivalents[i].file} ${equivalents[i].mutator} ${JSON.stringify(equivalents[i].original)}`).join('; ')}`);
if (writeRecord) {
  const out = { about: record.about || 'The latest StrykerJS measurement of each file of theory/ (scripts/mutation-summary.mjs --record writes it from the json reports): counts and every surviving or uncovered mutant with the line before it; bench/mutation-equivalents.json judges some of them equivalent. Entries with "survivors": null predate this record (their reports were not kept; counts from bench/NOTES.md).', files: { ...record.files, ...measured } };
  const tmp = `${recordPath}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(out, null, 1)}\n`);
  renameSync(tmp, recordPath);
  console.error(`mutation-summary: ${recordPath} updated (${newest.size} file(s) from reports)`);
}
