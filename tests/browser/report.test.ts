/**
 * Opens report.html in Debian's headless Chromium through playwright-core (design.md, "Browser"),
 * offline, and checks it as a reader would: a section for every claim id, every image decoded,
 * the first screen answering what holds, what is refuted and why, and what rests on it, every
 * in-page link (claim graph, table) reaching its anchor, no console errors; saves a screenshot
 * beside the report and one in out/. REPORT=path/to/report.html picks the
 * report (default out/quick/report.html, made by `npm test`); without one, a small run makes it.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { main } from '../../cli/main.ts';
import { catalogue } from '../../properties/index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`SKIPPED: browser test — no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);

async function reportPath(): Promise<string> {
  const given = resolve(process.env.REPORT ?? join(ROOT, 'out/quick/report.html'));
  if (existsSync(given)) return given;
  const dir = mkdtempSync(join(tmpdir(), 'av-browser-'));
  const a = JSON.parse(readFileSync(join(ROOT, 'assumptions.json'), 'utf8'));
  a.profiles.quick = { runs: 3, gridPoints: 5 };
  writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
  // verdicts may move at this tiny size; only the report's shape matters here
  await main(['verify', '--assumptions', join(dir, 'a.json'), '--out', join(dir, 'out')], { out: () => {}, err: () => {} });
  return join(dir, 'out/report.html');
}

describe.skipIf(!haveChromium)('report.html in headless Chromium', () => {
  it('has a section for every claim id, every image decodes, the console stays clean', async () => {
    const path = await reportPath();
    // a fresh profile directory each run (playwright passes it as --user-data-dir)
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'av-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(`file://${path}`, { waitUntil: 'load' });
      const ids = await page.$$eval('section.claim', (els) => els.map((e) => e.id));
      // the paper's claims in catalogue order, then this project's own (X.*)
      expect(ids.filter((id) => !id.startsWith('X.'))).toEqual(catalogue().filter((c) => !c.id.startsWith('X.')).map((c) => c.id));
      expect(ids.filter((id) => id.startsWith('X.')).length).toBeGreaterThan(0);
      const images = await page.$$eval('img', (imgs) => imgs.map((i) => ({ alt: i.alt, ok: i.complete && i.naturalWidth > 0 })));
      expect(images.length).toBeGreaterThan(0);
      expect(images.filter((i) => !i.ok)).toEqual([]);
      // no broken image anywhere: every <img> decoded, and the claim graph drew one node per claim
      const nodes = await page.$$eval('svg.claim-graph g.node', (gs) => gs.map((g) => g.querySelector('title')?.textContent ?? ''));
      expect(nodes.sort()).toEqual([...ids].sort());
      // the first screen (1280 × 900) answers the reader: the tally, the refuted claims with why and
      // what rests on them, and the claim graph, all in view without scrolling
      for (const sel of ['.tally', '#headline .why', 'svg.claim-graph']) {
        const box = await page.$eval(sel, (e) => e.getBoundingClientRect().bottom);
        expect(box, sel).toBeLessThan(900);
      }
      const tableTop = await page.$eval('#verdicts', (t) => t.getBoundingClientRect().top);
      expect(tableTop).toBeLessThan(900);
      const refuted = await page.$$eval('section.claim', (els) => els.filter((e) => e.querySelector('.badge.bad')).map((e) => e.id));
      for (const id of refuted) expect(await page.$eval('#headline .why', (e, id) => e.textContent!.includes(id), id)).toBe(true);
      // every in-page link (the graph's nodes, the table, "resting on it") names an element that exists
      const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '').filter((h) => h.startsWith('#')));
      const missing = await page.evaluate((hs) => hs.filter((h) => !document.getElementById(decodeURIComponent(h.slice(1)))), hrefs);
      expect(missing).toEqual([]);
      // following a graph node scrolls to its claim's section
      const refutedNode = refuted[0] ?? ids[0]!;
      await page.click(`svg.claim-graph a[href="#${refutedNode}"], svg.claim-graph a[*|href="#${refutedNode}"]`);
      await page.waitForFunction((id) => location.hash === `#${id}`, refutedNode);
      const top = await page.$eval(`section.claim[id="${refutedNode}"]`, (e) => e.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(5);
      if (refuted.length) expect(await page.$eval(`section.claim[id="${refutedNode}"] .resting`, (e) => e.textContent)).toMatch(/Claims resting on this one:/);
      await page.evaluate(() => window.scrollTo(0, 0));
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.screenshot({ path: join(dirname(path), 'report-screenshot.png') });
      mkdirSync(join(ROOT, 'out'), { recursive: true });
      await page.screenshot({ path: join(ROOT, 'out/report-screenshot.png') });
      await page.screenshot({ path: join(dirname(path), 'report-screenshot-full.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
