// mock_server.mjs: a stand-in for `verbatim serve`, for working on the page
// before (or without) the real server.  It serves web/ and answers the
// JSON API by running the CLI (`verbatim search|quotes|speakers|show --json`)
// and reshaping its output; facets, cite and verify are rough imitations.
// The browser test runs against the real server; this is for development:
//
//   node tests/browser/mock_server.mjs --bin build/verbatim --db verbatim.db --listen 127.0.0.1:8080
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = process.env.VB_WEB_DIR || path.resolve(here, '../../web');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const BIN = opt('--bin', process.env.VB_BIN || 'build/verbatim');
const DB = opt('--db', process.env.VERBATIM_DB || 'verbatim.db');
const [HOST, PORT] = opt('--listen', '127.0.0.1:8080').split(':');

function cli(argv) {
  return new Promise(resolve => {
    execFile(BIN, ['--db', DB, ...argv], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr: stderr.trim() });
    });
  });
}
const lines = s => s.split('\n').filter(Boolean).map(l => JSON.parse(l));

function send(res, status, body, headers = {}) {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(data);
}
const fail = (res, status, message) => send(res, status, { error: { status, message } });

function fullQuery(p) {
  const parts = [p.get('q') || ''];
  for (const [k, field] of [['speaker', 'speaker'], ['org', 'org'], ['place', 'place'], ['source', 'source']])
    if (p.get(k)) parts.push(`${field}:"${p.get(k).replace(/"/g, '')}"`);
  if (p.get('year')) parts.push(`year:${p.get('year')}`);
  const [q, ...filters] = parts;
  if (!filters.length) return q;
  return (q ? `(${q}) AND ` : '') + filters.join(' AND ');
}

async function searchAll(p, limit) {
  const q = fullQuery(p);
  const argv = ['search', '--json', '-n', String(limit)];
  for (const k of ['sort', 'since', 'until', 'lang']) if (p.get(k)) argv.push('--' + k, p.get(k));
  if (p.get('per_doc')) argv.push('--per-doc', p.get('per_doc'));
  if (p.get('all')) argv.push('--all');
  argv.push('--', q);
  const r = await cli(argv);
  if (r.code === 2) return { error: [400, r.stderr.replace(/^verbatim search: /, '')] };
  if (r.code) return { error: [500, r.stderr] };
  const sug = /showing results for '(.*)'$/m.exec(r.stderr);
  return { q, results: lines(r.stdout), searched: sug ? sug[1] : null };
}

let quoteCache = null;
async function allQuotes() {
  if (!quoteCache) quoteCache = lines((await cli(['quotes', '--json', '--sort', 'date', '-n', '100000'])).stdout);
  return quoteCache;
}

const handlers = {
  async search(p, res) {
    const limit = Number(p.get('limit') || 10), offset = Number(p.get('offset') || 0);
    const r = await searchAll(p, 1000);
    if (r.error) return fail(res, ...r.error);
    send(res, 200, {
      query: p.get('q') || '', searched: r.searched || p.get('q') || '', suggestion: null, total: r.results.length, offset,
      results: r.results.slice(offset, offset + limit).map((x, i) => ({ ...x, rank: offset + i + 1 })),
    });
  },
  async facets(p, res) {
    const r = await searchAll(p, 1000);
    if (r.error) return fail(res, ...r.error);
    const count = () => new Map();
    const f = { speaker: count(), org: count(), place: count(), year: count(), source: count() };
    const inc = (m, v) => v && m.set(v, (m.get(v) || 0) + 1);
    const ids = new Set(r.results.map(x => x.id));
    for (const x of r.results) {
      inc(f.year, (x.date || '').slice(0, 4));
      inc(f.source, x.source);
    }
    const seen = new Set();
    for (const q of await allQuotes()) {
      if (!ids.has(q.passage) || !q.speaker) continue;
      const key = q.passage + '|' + q.speaker.name;
      if (seen.has(key)) continue;
      seen.add(key);
      inc(f.speaker, q.speaker.name);
      inc(f.org, q.speaker.org);
    }
    const out = {};
    for (const [k, m] of Object.entries(f))
      out[k] = [...m].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(b[0])).slice(0, 10).map(([value, c]) => ({ value, count: c }));
    // Speaker and organisation counts: what the filtered search finds.
    for (const k of ['speaker', 'org']) {
      for (const f of out[k]) {
        const q = new URLSearchParams(p);
        q.set(k, f.value);
        const n = await searchAll(q, 1000);
        f.count = n.error ? 0 : n.results.length;
      }
      out[k] = out[k].filter(f => f.count > 0).sort((a, b) => b.count - a.count);
    }
    // As the server: value is the key to filter by, label what to show.
    for (const k of Object.keys(out)) {
      out[k] = out[k].map(f => ({ value: k === 'speaker' ? String(f.value).toLowerCase() : f.value, label: f.value, count: f.count }));
    }
    send(res, 200, { total: r.results.length, counted: r.results.length, facets: out });
  },
  async quotes(p, res) {
    if (Number(p.get('limit')) > 100) return fail(res, 400, "invalid value for 'limit' (expected a number from 0 to 100)");
    const argv = ['quotes', '--json', '-n', '100000'];
    for (const k of ['speaker', 'org', 'kind', 'since', 'until', 'sort']) if (p.get(k)) argv.push('--' + k, p.get(k));
    if (p.get('q')) argv.push('--', p.get('q'));
    const r = await cli(argv);
    if (r.code) return fail(res, r.code === 2 ? 400 : 500, r.stderr);
    const all = lines(r.stdout);
    const offset = Number(p.get('offset') || 0), limit = Number(p.get('limit') || 20);
    send(res, 200, { total: all.length, results: all.slice(offset, offset + limit) });
  },
  async speakers(p, res) {
    const argv = ['speakers', '--json'];
    if (p.get('limit')) argv.push('-n', p.get('limit'));
    if (p.get('name')) argv.push('--', p.get('name'));
    const r = await cli(argv);
    if (r.code) return fail(res, 500, r.stderr);
    send(res, 200, { results: lines(r.stdout) });
  },
  async cite(p, res) {
    const ids = p.getAll('id');
    if (!ids.length) return fail(res, 400, 'no id given');
    const items = [];
    for (const id of ids) {
      const r = await cli(['show', '--json', id]);
      if (r.code) return fail(res, 404, r.stderr);
      const s = JSON.parse(r.stdout);
      if (s.quote) {
        const q = s.quote;
        const all = await allQuotes();
        const full = all.find(x => x.id === id) || {};
        items.push({ id, type: 'article', title: full.title, 'container-title': full.source, URL: full.url, issued: { 'date-parts': [(full.date || '').split('-').map(Number)] }, quote: q.text, author: [{ literal: q.speaker?.name }] });
      } else {
        const d = s.document || {};
        items.push({ id, type: 'article', title: d.title, 'container-title': d.source, URL: d.url, issued: { 'date-parts': [(d.date || '').split('-').map(Number)] }, quote: s.passage?.text });
      }
    }
    const fmt = p.get('format') || 'csl-json';
    const text = fmt === 'csl-json' ? JSON.stringify(items, null, 2)
      : items.map(i => `${i.author ? i.author[0].literal + ', ' : ''}“${i.title}”, ${i['container-title']}, ${i.issued['date-parts'][0].join('-')}. ${i.URL || ''}`).join('\n');
    if (p.get('download')) {
      const ext = { 'csl-json': 'json', biblatex: 'bib', ris: 'ris', markdown: 'md', text: 'txt' }[fmt] || 'txt';
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Disposition': `attachment; filename="verbatim-citations.${ext}"` });
      return res.end(text);
    }
    send(res, 200, { format: fmt, text, items });
  },
  async verify(p, res) {
    const text = (p.get('text') || '').trim();
    if (!text) return fail(res, 400, 'no text to verify');
    const norm = s => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const all = await allQuotes();
    let matches = all.filter(q => norm(q.text).includes(norm(text)));
    let verdict = matches.length ? 'exact' : 'not_found';
    if (!matches.length) {
      const words = new Set(norm(text).split(' '));
      const scored = all.map(q => [q, norm(q.text).split(' ').filter(w => words.has(w)).length / Math.max(words.size, 1)]).filter(x => x[1] > 0.6).sort((a, b) => b[1] - a[1]);
      matches = scored.slice(0, 3).map(x => x[0]);
      if (matches.length) verdict = 'near';
    }
    // As the server: the original, an alignment of the words, the sources.
    send(res, 200, {
      verdict, query: text, matches: matches.slice(0, 5).map(q => ({
        text: q.text, exact: verdict === 'exact', similarity: verdict === 'exact' ? 1 : 0.8,
        ops: verdict === 'exact' ? [{ op: 'equal', text: q.text }] : wordOps(text, q.text),
        speaker: q.speaker, quote_id: q.id,
        sources: [{ doc_id: q.doc_id, title: q.title, date: q.date, source: q.source, url: q.url, passage: q.passage, quote_id: q.id }],
      })),
    });
  },
  async show(p, res, rest) {
    const r = await cli(['show', '--json', decodeURIComponent(rest)]);
    if (r.code) return fail(res, 404, r.stderr);
    send(res, 200, r.stdout);
  },
};

// equal / delete (the query's words the original lacks) / insert (the
// original's words the query lacks), by a word-level LCS.
function wordOps(query, original) {
  const a = query.split(/\s+/).filter(Boolean), b = original.split(/\s+/).filter(Boolean);
  const norm = w => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const L = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      L[i][j] = norm(a[i]) === norm(b[j]) ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const ops = [];
  const add = (op, text) => {
    if (ops.length && ops[ops.length - 1].op === op) ops[ops.length - 1].text += ' ' + text;
    else ops.push({ op, text });
  };
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && norm(a[i]) === norm(b[j])) { add('equal', b[j]); i++; j++; }
    else if (j < b.length && (i >= a.length || L[i][j + 1] >= L[i + 1][j])) { add('insert', b[j]); j++; }
    else { add('delete', a[i]); i++; }
  }
  return ops;
}

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  try {
    const m = /^\/api\/([a-z]+)(?:\/(.*))?$/.exec(url.pathname);
    if (m) {
      const h = handlers[m[1]];
      if (!h) return fail(res, 404, 'no such API: ' + m[1]);
      return await h(url.searchParams, res, m[2] || '');
    }
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    if (!/^[a-z][a-z0-9_.-]*$/i.test(name)) return fail(res, 404, 'not found');
    const file = path.join(webDir, name);
    if (!fs.existsSync(file)) return fail(res, 404, 'not found');
    res.writeHead(200, { 'Content-Type': types[path.extname(name)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(fs.readFileSync(file));
  } catch (e) {
    fail(res, 500, String(e));
  }
}).listen(Number(PORT), HOST, () => console.log(`mock verbatim serve on http://${HOST}:${PORT}/ (bin ${BIN}, db ${DB})`));
