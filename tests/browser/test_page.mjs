// test_page.mjs: end-to-end tests of the web page in headless Chromium.
//
//   node tests/browser/test_page.mjs path/to/verbatim
//
// Indexes corpus/ (plus a document full of markup) into a temporary
// database, starts `verbatim serve` on a free port, and drives the page
// with playwright-core and Debian's /usr/bin/chromium.  Exits 0 when every
// check passes, 1 when one fails, 77 (meson's "skipped") when chromium,
// playwright-core or `verbatim serve` is missing.
//
// Environment: VB_SOURCE_ROOT (default: two folders up), VB_BUILD_ROOT
// (screenshots go to $VB_BUILD_ROOT/browser/; default: the temp dir),
// VB_CHROMIUM (default /usr/bin/chromium), VB_SERVER=mock to run against
// tests/browser/mock_server.mjs instead of `verbatim serve` (for working on
// the page only; not a test of the server).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SKIP = 77;
const here = path.dirname(fileURLToPath(import.meta.url));
const sourceRoot = process.env.VB_SOURCE_ROOT || path.resolve(here, '../..');
const bin = path.resolve(process.argv[2] || process.env.VB_BIN || path.join(sourceRoot, 'build/verbatim'));
const chromiumPath = process.env.VB_CHROMIUM || '/usr/bin/chromium';
const useMock = process.env.VB_SERVER === 'mock';
const slow = process.env.VB_SANITIZE && process.env.VB_SANITIZE !== 'none' ? 4 : 1;

function skip(msg) {
  console.log(`SKIP: ${msg}`);
  process.exit(SKIP);
}

// ------------------------------------------------------------ can we run at all?

try {
  fs.accessSync(chromiumPath, fs.constants.X_OK);
} catch {
  skip(`${chromiumPath} is not installed: the browser tests need Debian's chromium (scripts/deps.sh test installs it, or apt-get install chromium)`);
}
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (e) {
  skip(`the npm package playwright-core is not installed (${e.code || e.message}): run 'npm ci --prefix tests/browser' ('make test' does)`);
}
if (!fs.existsSync(bin)) {
  console.log(`not ok - no verbatim binary at ${bin}`);
  process.exit(1);
}
if (!useMock) {
  const help = spawnSync(bin, ['serve', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) skip(`'${bin} serve' does not exist in this build (exit ${help.status}: ${(help.stderr || '').trim().split('\n')[0]}): nothing to test the page against`);
}

// ------------------------------------------------------------ set-up

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-browser-'));
const shotDir = process.env.VB_BUILD_ROOT ? path.join(process.env.VB_BUILD_ROOT, 'browser') : path.join(os.tmpdir(), 'verbatim-browser');
fs.mkdirSync(shotDir, { recursive: true });
const db = path.join(tmp, 'db');
const extra = path.join(tmp, 'extra');
fs.mkdirSync(extra);
// A document whose title, source and text hold markup: it must show as text.
fs.writeFileSync(path.join(extra, 'script-injection.txt'), `---
id: test-script-injection
title: Markup test <script>window.__vbInjected = 1</script> statement
date: 2011-05-04
source: Zorvex <b>Test</b> Bureau
type: statement
---
Zorvex officials warned that <script>window.__vbInjected = 1; alert("zorvex")</script> must appear as plain text, and that <img src="x" onerror="window.__vbInjected = 2"> is not an image either.

"We print <script>window.__vbInjected = 3</script> as words, not as code," said Petra Quillfeather, the bureau's head of markup safety.
`);

const ix = spawnSync(bin, ['index', '--db', db, '-q', path.join(sourceRoot, 'corpus'), extra], { encoding: 'utf8' });
if (ix.status !== 0) {
  console.log(`not ok - verbatim index failed (exit ${ix.status}): ${ix.stderr}`);
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverCmd = useMock
  ? [process.execPath, [path.join(here, 'mock_server.mjs'), '--bin', bin, '--db', db, '--listen', `127.0.0.1:${port}`]]
  : [bin, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`]];
const server = spawn(serverCmd[0], serverCmd[1], { stdio: ['ignore', 'pipe', 'pipe'] });
let serverLog = '';
server.stdout.on('data', d => { serverLog += d; });
server.stderr.on('data', d => { serverLog += d; });
let serverExit = null;
server.on('exit', (code, sig) => { serverExit = { code, sig }; });

async function waitForServer() {
  const deadline = Date.now() + 20000 * slow;
  while (Date.now() < deadline) {
    if (serverExit) throw new Error(`the server exited (${JSON.stringify(serverExit)}) before answering:\n${serverLog}`);
    try {
      const r = await fetch(base + '/');
      if (r.ok) return;
    } catch { /* not yet */ }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`the server did not answer on ${base} within ${20 * slow} s:\n${serverLog}`);
}

// ------------------------------------------------------------ checks

let failures = 0;
let passes = 0;
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
function eq(a, b, msg) {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${msg}: got ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
}

async function getJson(p) {
  const r = await fetch(base + p);
  const body = await r.json();
  if (!r.ok) throw new Error(`GET ${p}: ${r.status} ${JSON.stringify(body)}`);
  return body;
}

let browser, context, page;
const consoleErrors = [];
const dialogs = [];

async function check(name, fn) {
  consoleErrors.length = 0;
  try {
    await fn();
    assert(!dialogs.length, `a dialog opened: ${JSON.stringify(dialogs)}`);
    assert(!consoleErrors.length, `errors in the page's console: ${consoleErrors.join(' | ')}`);
    passes++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split('\n').slice(0, 6).join('\n  ')}`);
    try {
      const shot = path.join(shotDir, 'failed-' + name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40) + '.png');
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`  screenshot of the failure: ${shot}`);
    } catch { /* no page */ }
  }
}

const statusNumber = async () => {
  const t = await page.textContent('#search-status');
  const m = /^([\d,]+) passage/.exec(t || '');
  return m ? Number(m[1].replace(/,/g, '')) : NaN;
};

async function searchFor(q) {
  await page.goto(base + '/');
  await page.keyboard.press('/');
  eq(await page.evaluate(() => document.activeElement && document.activeElement.id), 'q', "'/' focuses the search box");
  await page.keyboard.type(q);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#results li.result');
  await page.waitForFunction(() => !document.querySelector('#results[aria-busy]'));
}

try {
  await waitForServer();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: root ? ['--no-sandbox'] : [],
    timeout: 60000 * slow,
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15000 * slow);
  page = await context.newPage();
  page.on('dialog', d => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', e => consoleErrors.push('pageerror: ' + e.message));
  page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });

  await check('search shows ranked passages with highlighted words, title, source and date', async () => {
    await searchFor('sharespan injunction');
    const url = new URL(page.url());
    eq(url.searchParams.get('q'), 'sharespan injunction', 'the query is in the URL');
    const api = await getJson('/api/search?q=' + encodeURIComponent('sharespan injunction') + '&limit=20');
    const shown = await page.$$eval('#results li.result', lis => lis.map(li => ({
      id: li.dataset.id,
      title: li.querySelector('.title').textContent,
      meta: li.querySelector('.meta').textContent,
      marks: [...li.querySelectorAll('.snippet mark')].map(m => m.textContent),
    })));
    eq(shown.map(r => r.id), api.results.map(r => r.id), 'the page shows the API\'s results in its order');
    eq(shown[0].title, api.results[0].title, 'title of the first result');
    assert(shown[0].meta.includes(api.results[0].source), `source in "${shown[0].meta}"`);
    assert(shown[0].meta.includes(api.results[0].date.slice(0, 4)), `date in "${shown[0].meta}"`);
    const marks = shown.flatMap(r => r.marks);
    assert(marks.length >= shown.length, `highlights in the snippets (${marks.length} marks for ${shown.length} results)`);
    // The highlights are the API's byte ranges, turned into characters.
    const enc = new TextEncoder(), dec = new TextDecoder();
    const expected = api.results.flatMap(r => r.highlights.map(([s, e]) => dec.decode(enc.encode(r.snippet).subarray(s, e))));
    eq(marks, expected, 'the marked words are the API\'s highlights');
    for (const m of marks) assert(/^(sharespan|injunction)/i.test(m), `highlighted "${m}" is a query word`);
    eq(await statusNumber(), api.total, 'the number of passages shown is the API\'s total');
    // Context: the passages around the first result, from /api/show.
    const show = await getJson('/api/show/' + encodeURIComponent(api.results[0].id));
    const first = page.locator('#results li.result').first();
    await first.locator('button', { hasText: 'Context' }).click();
    await first.locator('.context .ctx-here').waitFor();
    eq(await first.locator('.context .ctx-here').textContent(), show.passage.text, 'the passage in its context');
    eq(await first.locator('.context .ctx-around').count(), (show.context || []).length, 'the passages around it');
  });

  await check('keyboard: Tab from the search box reaches the results, focus is visible', async () => {
    await searchFor('tariff review');
    await page.focus('#q');
    let inResults = false;
    for (let i = 0; i < 60 && !inResults; i++) {
      await page.keyboard.press('Tab');
      inResults = await page.evaluate(() => !!document.activeElement.closest('#results'));
    }
    assert(inResults, 'a result is reachable with Tab within 60 presses');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert(outline && outline !== 'none', `the focused element has a visible outline (outline-style ${outline})`);
  });

  await check('screenshots of the results page at 1280 px and 390 px', async () => {
    await searchFor('sharespan injunction');
    const wide = path.join(shotDir, 'results-1280.png');
    await page.screenshot({ path: wide, fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    const narrow = path.join(shotDir, 'results-390.png');
    await page.screenshot({ path: narrow, fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
    assert(overflow <= 390, `nothing wider than the phone screen (page is ${overflow} px wide at 390)`);
    for (const f of [wide, narrow]) assert(fs.statSync(f).size > 5000, `${f} is a real picture`);
    console.log(`# screenshots: ${wide} ${narrow}`);
  });

  await check('a facet narrows the results, shows a removable chip, and is in the URL; Back undoes it', async () => {
    await searchFor('sharespan');
    const before = await statusNumber();
    const beforeIds = await page.$$eval('#results li.result', l => l.map(x => x.dataset.id));
    const btn = page.locator('#facet-groups [data-facet="speaker"] button.facet-value').first();
    const value = await btn.getAttribute('data-value');
    const count = Number(await btn.locator('.fc').textContent());
    assert(value && count > 0, `a speaker facet with a count (${value}: ${count})`);
    assert(count < before, `the facet count ${count} is below the total ${before}`);
    await btn.click();
    await page.waitForURL(u => new URL(u).searchParams.get('speaker') === value);
    await page.waitForFunction(() => !document.querySelector('#results[aria-busy]'));
    await page.waitForFunction(n => !document.querySelector('#search-status').textContent.startsWith(n + ' '), before);
    eq(new URL(page.url()).searchParams.get('q'), 'sharespan', 'the query stays in the URL');
    const after = await statusNumber();
    eq(after, count, `the narrowed total equals the facet's count for ${value}`);
    const api = await getJson(`/api/search?q=sharespan&speaker=${encodeURIComponent(value)}&limit=20`);
    const ids = await page.$$eval('#results li.result', l => l.map(x => x.dataset.id));
    eq(ids, api.results.map(r => r.id), 'the page shows the filtered API results');
    const chip = page.locator(`#chips .chip[data-facet="speaker"]`);
    eq(await chip.getAttribute('data-value'), value, 'a chip for the filter');
    // Back button: the unfiltered search again.
    await page.goBack();
    await page.waitForURL(u => !new URL(u).searchParams.get('speaker'));
    await page.waitForFunction(n => document.querySelector('#search-status').textContent.startsWith(n + ' '), before.toLocaleString('en'));
    eq(await page.$$eval('#results li.result', l => l.map(x => x.dataset.id)), beforeIds, 'Back shows the unfiltered results');
    eq(await page.locator('#chips .chip').count(), 0, 'no chip after Back');
    // Forward, then remove the chip with the keyboard.
    await page.goForward();
    await page.waitForSelector('#chips .chip[data-facet="speaker"]');
    await page.waitForFunction(() => !document.querySelector('#results[aria-busy]'));
    eq(await page.$$eval('#results li.result', l => l.map(x => x.dataset.id)), ids, 'Forward shows the filtered results again');
    await page.focus('#chips .chip[data-facet="speaker"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(u => !new URL(u).searchParams.get('speaker'));
    eq(await page.locator('#chips .chip').count(), 0, 'the chip is gone after removing it');
  });

  let marwoodQuotes = [];
  await check("a speaker's quotes: grouped, with role and organisation, and a timeline with one bar per month", async () => {
    await page.goto(base + '/');
    await page.click('#tab-quotes');
    await page.waitForSelector('#speakers button.speaker-button');
    await page.click('#speakers button.speaker-button[data-speaker="Anjali Marwood"]');
    await page.waitForURL(u => new URL(u).searchParams.get('view') === 'quotes' && new URL(u).searchParams.get('speaker') === 'Anjali Marwood');
    await page.waitForSelector('.speaker-group');
    const api = await getJson('/api/quotes?speaker=' + encodeURIComponent('Anjali Marwood') + '&sort=date&limit=100');
    assert(api.results.length === api.total, `all her quotes in one page (${api.results.length} of ${api.total})`);
    marwoodQuotes = api.results;
    assert(api.results.length >= 5, `Anjali Marwood has quotes (${api.results.length})`);
    const group = page.locator('.speaker-group[data-speaker="Anjali Marwood"]');
    eq(await group.locator('h2').evaluate(h => h.firstChild.textContent), 'Anjali Marwood', 'the group is headed by her name');
    const roleOrg = await group.locator('.role-org').textContent();
    assert(roleOrg.includes('head of digital') && roleOrg.includes('International Federation of Sound Recording Producers'), `role and organisation shown ("${roleOrg}")`);
    const shownIds = await page.$$eval('.speaker-group li.quote', l => l.map(x => x.dataset.id));
    eq(shownIds.slice().sort(), api.results.map(q => q.id).sort(), 'every quote of the API is shown');
    const months = new Map();
    for (const q of api.results) if (/^\d{4}-\d{2}/.test(q.date || '')) months.set(q.date.slice(0, 7), (months.get(q.date.slice(0, 7)) || 0) + 1);
    const bars = await page.$$eval('#timeline svg rect.bar', rs => rs.map(r => [r.getAttribute('data-month'), Number(r.getAttribute('data-count'))]));
    eq(bars, [...months.entries()].sort(), 'one bar per month with quotes, with its count');
    assert(months.size >= 3, `her quotes span several months (${months.size})`);
    const shot = path.join(shotDir, 'quotes-1280.png');
    await page.screenshot({ path: shot });
    console.log(`# screenshot: ${shot}`);
    // The bookmark restores the view.
    await page.goto(page.url());
    await page.waitForSelector('.speaker-group[data-speaker="Anjali Marwood"]');
    assert(await page.isVisible('#view-quotes') && !(await page.isVisible('#view-search')), 'the quotes view comes back from the URL');
    eq(await page.$$eval('#timeline svg rect.bar', rs => rs.length), months.size, 'the timeline comes back from the URL');
  });

  await check('two quotes into the cite tray, kept on reload, downloaded as CSL-JSON', async () => {
    await page.evaluate(() => localStorage.clear());
    await page.goto(base + '/?view=quotes&speaker=' + encodeURIComponent('Anjali Marwood'));
    await page.waitForSelector('.speaker-group li.quote');
    // Two quotes from different documents: CSL-JSON has an item per document.
    const first = marwoodQuotes[0];
    const second = marwoodQuotes.find(q => q.doc_id !== first.doc_id);
    assert(first && second, 'two quotes of hers from different documents');
    const picked = [first.id, second.id];
    for (const id of picked) await page.click(`li.quote[data-id="${id}"] button.cite-add`);
    eq(await page.textContent('#tray-count'), '2', 'the tray counts two items');
    await page.reload();
    await page.waitForSelector('.speaker-group li.quote');
    eq(await page.textContent('#tray-count'), '2', 'the tray is kept in localStorage');
    await page.click('#tab-cite');
    await page.waitForSelector('#tray li.tray-item');
    eq(await page.$$eval('#tray li.tray-item', l => l.map(x => x.dataset.id)), picked, 'the tray lists the two quotes');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csl-json')]);
    const file = path.join(tmp, 'cite.json');
    await download.saveAs(file);
    const items = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert(Array.isArray(items), 'CSL-JSON is an array');
    eq(items.length, 2, 'two CSL-JSON items');
    for (const id of picked) {
      const q = marwoodQuotes.find(x => x.id === id);
      const item = items.find(it => it.title === q.title);
      assert(item, `an item titled "${q.title}": ${JSON.stringify(items).slice(0, 400)}`);
      assert(typeof item.type === 'string' && item.type, `the item has a CSL type: ${JSON.stringify(item).slice(0, 300)}`);
      eq(item.issued && item.issued['date-parts'] && item.issued['date-parts'][0], q.date.split('-').map(Number), `the item's date for ${id}`);
      eq(item.URL, q.url, `the item's URL for ${id}`);
      const text = JSON.stringify(item);
      assert(text.includes(id) && text.includes(JSON.stringify(q.text).slice(1, 40)), `the item carries quote ${id} and its words: ${text.slice(0, 600)}`);
    }
    console.log(`# CSL-JSON download: ${download.suggestedFilename()}, ${items.length} items`);
  });

  await check('a document holding <script> and <img onerror> shows them as text and runs nothing', async () => {
    await searchFor('zorvex');
    const r = page.locator('#results li.result[data-id^="test-script-injection"]');
    await r.waitFor();
    const title = await r.locator('.title').textContent();
    assert(title.includes('<script>window.__vbInjected = 1</script>'), `the title shows its markup as text ("${title}")`);
    const snippet = await r.locator('.snippet').textContent();
    assert(snippet.includes('<script>') && snippet.includes('<img src="x"'), `the snippet shows its markup as text ("${snippet}")`);
    const meta = await r.locator('.meta').textContent();
    assert(meta.includes('Zorvex <b>Test</b> Bureau'), `the source shows <b> as text ("${meta}")`);
    eq(await page.$$eval('main script, main img, main b', l => l.length), 0, 'no script, img or b element in the results');
    await r.locator('button', { hasText: 'Whole passage' }).click();
    assert((await r.locator('.fulltext').textContent()).includes('<script>window.__vbInjected = 3</script>'), 'the whole passage shows its markup as text');
    // The corpus's own: corpus/techcircuit-2010-playlist-embed-code.txt.
    await page.goto(base + '/?q=' + encodeURIComponent('tester album onerror'));
    const c = page.locator('#results li.result[data-id="techcircuit-2010-playlist-embed-code#1"]');
    await c.waitFor();
    eq(await c.locator('.title').textContent(), 'Embedded playlist widget showed raw <script> code on fan pages', 'the corpus document\'s title as text');
    await c.locator('button', { hasText: 'Whole passage' }).click();
    const full = await c.locator('.fulltext').textContent();
    assert(full.includes('<script>alert("playlist")</script>') && full.includes('<img src=x onerror=alert(1)>'), `the corpus document's markup as text ("${full}")`);
    eq(await page.$$eval('main script, main img', l => l.length), 0, 'no script or img element from the corpus document');
    await page.goto(base + '/?view=quotes&speaker=Quillfeather');
    await page.waitForSelector('.speaker-group li.quote');
    const qt = await page.textContent('.speaker-group li.quote blockquote');
    assert(qt.includes('<script>'), `the quote shows <script> as text ("${qt}")`);
    await page.waitForTimeout(300);
    eq(await page.evaluate(() => window.__vbInjected), undefined, 'the injected script never ran');
  });

  await check('verify: a corpus quote is exact, a changed one is not', async () => {
    const q = marwoodQuotes.find(x => x.kind === 'direct' && x.spans && x.spans.length === 1 && x.text.length > 40)
      || marwoodQuotes.find(x => x.spans && x.spans.length === 1 && x.text.length > 40);
    assert(q, 'a one-span quote of hers to verify');
    await page.goto(base + '/');
    await page.click('#tab-verify');
    await page.fill('#verify-text', q.text);
    await page.click('#verify-button');
    await page.waitForSelector('.verdict');
    eq(await page.getAttribute('.verdict', 'data-verdict'), 'exact', `verdict for "${q.text}"`);
    eq(new URL(page.url()).searchParams.get('view'), 'verify', 'the verify view is in the URL');
    const original = await page.textContent('.matches li .original');
    assert(original.replace(/\s+/g, ' ').includes(q.text.replace(/\s+/g, ' ').slice(0, 30)), `the original wording is shown ("${original}")`);
    eq(await page.$$eval('.matches li .original del, .matches li .original ins', l => l.length), 0, 'no differences marked for an exact quote');
    // Change words: not exact, and the difference is marked.
    const words = q.text.split(' ');
    const changed = words.slice(0, 3).join(' ') + ' absolutely ' + words.slice(3).join(' ');
    await page.fill('#verify-text', changed);
    await page.click('#verify-button');
    await page.waitForFunction(() => document.querySelector('.verdict') && document.querySelector('.verdict').dataset.verdict !== 'exact');
    const verdict = await page.getAttribute('.verdict', 'data-verdict');
    assert(verdict === 'near' || verdict === 'not_found', `verdict for a changed quote: ${verdict}`);
    if (verdict === 'near') {
      const marked = await page.$$eval('.matches li:first-child .original del', l => l.map(x => x.textContent.trim()));
      assert(marked.includes('absolutely'), `the added word is marked as not in the original (marked: ${JSON.stringify(marked)})`);
    }
  });

  await check('a misspelt query shows what was searched instead, with its filters', async () => {
    await page.goto(base + '/?q=tarif');
    await page.waitForSelector('#results li.result');
    await page.waitForFunction(() => !document.querySelector('#results[aria-busy]'));
    const api = await getJson('/api/search?q=tarif&limit=20');
    assert(api.searched && api.searched !== api.query, `the API searched a suggestion (${api.query} -> ${api.searched})`);
    const sug = await page.textContent('#suggestion');
    assert(await page.isVisible('#suggestion') && sug.includes('tariff'), `the page says what it searched ("${sug}")`);
    assert(await page.locator('#facet-groups .facet').count() > 0, 'filters for the results shown');
  });

  await check('a bad query shows the API\'s error clearly', async () => {
    await page.goto(base + '/?q=' + encodeURIComponent('tariff AND'));
    await page.waitForSelector('#error:not([hidden])');
    const msg = await page.textContent('#error');
    assert(/query/i.test(msg), `the message talks about the query ("${msg}")`);
    eq(await page.locator('#results li.result').count(), 0, 'no results under an error');
    // A good query clears it.
    await page.fill('#q', 'tariff');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#results li.result');
    assert(await page.isHidden('#error'), 'the error goes away with a good query');
    // The browser logs the 400 response itself; nothing else may be logged.
    const others = consoleErrors.filter(m => !/status of 400/.test(m));
    consoleErrors.length = 0;
    consoleErrors.push(...others);
  });
} catch (e) {
  failures++;
  console.log(`not ok - set-up: ${e.stack || e}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  if (!serverExit) {
    server.kill('SIGTERM');
    await new Promise(r => {
      const t = setTimeout(() => { server.kill('SIGKILL'); r(); }, 5000);
      server.on('exit', () => { clearTimeout(t); r(); });
    });
  }
  if (/AddressSanitizer|LeakSanitizer|runtime error:/.test(serverLog)) {
    failures++;
    console.log(`not ok - the server reported sanitizer errors:\n${serverLog}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`# ${passes} passed, ${failures} failed${useMock ? ' (against the mock server, not verbatim serve)' : ''}; screenshots in ${shotDir}`);
process.exit(failures ? 1 : 0);
