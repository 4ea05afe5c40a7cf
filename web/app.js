// app.js: verbatim's web page.  Plain DOM, no framework, no build step.
// Every text that comes from documents goes into the page through
// textContent / createTextNode, never as HTML.

const FACETS = [
  ['speaker', 'Speaker'],
  ['org', 'Organisation'],
  ['place', 'Place'],
  ['year', 'Year'],
  ['source', 'Source'],
];
const FILTER_KEYS = FACETS.map(f => f[0]);
const VIEWS = ['search', 'quotes', 'cite', 'verify'];
const PAGE = 20;
const TRAY_KEY = 'verbatim.tray.v1';
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = id => document.getElementById(id);

// ---------------------------------------------------------------- helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

// Only http(s) links from documents become links (no javascript: URLs).
function safeUrl(u) {
  if (typeof u !== 'string' || !u) return null;
  try {
    const parsed = new URL(u, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// The snippet with its highlights ([start, end] in UTF-8 bytes) as DOM
// nodes: text nodes and <mark>s.
function highlighted(text, highlights) {
  const frag = document.createDocumentFragment();
  text = text || '';
  if (!Array.isArray(highlights) || !highlights.length) {
    frag.append(text);
    return frag;
  }
  const bytes = encoder.encode(text);
  const spans = highlights
    .filter(h => Array.isArray(h) && h.length >= 2)
    .map(([s, e]) => [Math.max(0, Math.min(s, bytes.length)), Math.max(0, Math.min(e, bytes.length))])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue; // overlapping: keep the first
    if (s > pos) frag.append(decoder.decode(bytes.subarray(pos, s)));
    frag.append(el('mark', null, decoder.decode(bytes.subarray(s, e))));
    pos = e;
  }
  if (pos < bytes.length) frag.append(decoder.decode(bytes.subarray(pos)));
  return frag;
}

function plural(n, one, many) {
  return `${n.toLocaleString('en')} ${n === 1 ? one : (many || one + 's')}`;
}

function formatDate(d) {
  if (!d) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
  if (!m) return d;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  if (m[3]) return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
  if (m[2]) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  return m[1];
}

// ---------------------------------------------------------------- API

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let inflight = {};

// GET /api/PATH?params, as JSON.  A newer call with the same key aborts
// the older one, so fast typing does not show stale results.
async function api(path, params, key) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (Array.isArray(v)) v.forEach(x => qs.append(k, x));
    else if (v !== undefined && v !== null && v !== '') qs.append(k, v);
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  let signal;
  if (key) {
    if (inflight[key]) inflight[key].abort();
    inflight[key] = new AbortController();
    signal = inflight[key].signal;
  }
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok || !body || body.error) {
    const msg = body && body.error && body.error.message ? body.error.message : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, msg);
  }
  return body;
}

function showError(err) {
  const box = $('error');
  if (!err) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  if (err.name === 'AbortError') return;
  let what = 'Something went wrong';
  if (err.status === 400) what = 'The query could not be understood';
  else if (err.status === 404) what = 'Not found';
  else if (err.status === 503) what = 'The database is not available';
  else if (err.status === 0) what = 'No connection';
  box.replaceChildren(el('strong', null, what + ': '), err.message);
  box.hidden = false;
}

// ---------------------------------------------------------------- state and URL

// The state is what the URL says: view, q, sort, the facet filters, the
// verify text.
function stateFromUrl() {
  const p = new URLSearchParams(location.search);
  const s = { view: p.get('view') || 'search', q: p.get('q') || '', sort: p.get('sort') || '', filters: {}, text: p.get('text') || '' };
  if (!VIEWS.includes(s.view)) s.view = 'search';
  if (s.sort !== 'date') s.sort = '';
  for (const k of FILTER_KEYS) if (p.get(k)) s.filters[k] = p.get(k);
  return s;
}

function urlOf(s) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of FILTER_KEYS) if (s.filters[k]) p.set(k, s.filters[k]);
  if (s.sort) p.set('sort', s.sort);
  if (s.view !== 'search') p.set('view', s.view);
  if (s.view === 'verify' && s.text) p.set('text', s.text);
  const qs = p.toString();
  return '/' + (qs ? '?' + qs : '');
}

let state = stateFromUrl();

function navigate(changes, { replace = false } = {}) {
  state = { ...state, ...changes, filters: { ...state.filters, ...(changes.filters || {}) } };
  for (const k of Object.keys(state.filters)) if (!state.filters[k]) delete state.filters[k];
  const url = urlOf(state);
  if (url !== location.pathname + location.search) {
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  render();
}

window.addEventListener('popstate', () => {
  state = stateFromUrl();
  render();
});

function searchParams(extra) {
  const p = { q: state.q, sort: state.sort || undefined, ...extra };
  for (const k of FILTER_KEYS) if (state.filters[k]) p[k] = state.filters[k];
  return p;
}

// ---------------------------------------------------------------- rendering

let rendered = {}; // what each view last showed, to avoid refetching on a tab switch

function render() {
  $('q').value = state.q;
  $('sort').value = state.sort || 'relevance';
  for (const v of VIEWS) {
    $('view-' + v).hidden = v !== state.view;
    const tab = $('tab-' + v);
    if (v === state.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  document.body.dataset.view = state.view;
  renderChips();
  showError(null);
  const key = urlOf({ ...state, view: 'x' });
  if (state.view === 'search' && rendered.search !== key) {
    rendered.search = key;
    runSearch();
  } else if (state.view === 'quotes' && rendered.quotes !== key) {
    rendered.quotes = key;
    runQuotes();
  } else if (state.view === 'cite') {
    renderTray();
  } else if (state.view === 'verify') {
    if ($('verify-text').value !== state.text) $('verify-text').value = state.text;
    if (state.text && rendered.verify !== state.text) {
      rendered.verify = state.text;
      runVerify();
    } else if (!state.text) {
      rendered.verify = '';
      $('verify-result').replaceChildren();
      $('verify-status').textContent = '';
    }
  }
  const titleBits = [state.q, ...Object.values(state.filters)].filter(Boolean);
  document.title = (titleBits.length ? titleBits.join(' · ') + ' — ' : '') + 'verbatim';
}

// The chips of the active filters.  Chips that stay are kept (only their
// label is updated), so a focused chip keeps the focus.
function renderChips() {
  const box = $('chips');
  const want = FACETS.filter(([k]) => state.filters[k]).map(([k, label]) => {
    const v = state.filters[k];
    return { k, v, label, shown: facetLabels[k + '\u0000' + v] || v };
  });
  const have = [...box.querySelectorAll('.chip')];
  const same = have.length === want.length && want.every((w, i) => have[i].dataset.facet === w.k && have[i].dataset.value === w.v);
  if (same) {
    want.forEach((w, i) => {
      have[i].querySelector('.chip-value').textContent = w.shown;
      have[i].setAttribute('aria-label', `Remove filter ${w.label}: ${w.shown}`);
    });
  } else {
    box.replaceChildren(...want.map(w => el('button', {
      type: 'button', class: 'chip', dataset: { facet: w.k, value: w.v },
      'aria-label': `Remove filter ${w.label}: ${w.shown}`,
      onclick: () => navigate({ filters: { [w.k]: '' } }),
    }, el('span', { class: 'chip-key' }, w.label + ':'), ' ', el('span', { class: 'chip-value' }, w.shown),
    el('span', { class: 'chip-x', 'aria-hidden': 'true' }, ' ×'))));
  }
  box.hidden = !want.length;
}

// ---------------------------------------------------------------- search

let searchOffset = 0;
let searchRun = 0;

async function runSearch(append = false) {
  const list = $('results');
  const status = $('search-status');
  if (!append) searchOffset = 0;
  const hasFilter = Object.keys(state.filters).length > 0;
  if (!state.q && !hasFilter) {
    list.replaceChildren();
    $('facet-groups').replaceChildren();
    $('more').hidden = true;
    $('suggestion').hidden = true;
    status.textContent = 'Type words to search the passages of press releases, statements and news.';
    return;
  }
  const run = ++searchRun; // a newer search makes this one stale
  status.textContent = 'Searching…';
  list.setAttribute('aria-busy', 'true');
  document.body.classList.add('loading');
  const params = searchParams({ limit: PAGE, offset: searchOffset || undefined });
  const facetsPromise = append ? null : api('facets', searchParams(), 'facets').catch(e => e);
  try {
    const data = await api('search', params, 'search');
    if (run !== searchRun) return;
    showResults(data, append);
    if (facetsPromise) {
      // Nothing matched the query and the suggestion was searched instead:
      // the filters of what is shown.
      const f = data.searched && data.query && data.searched !== data.query
        ? await api('facets', { ...searchParams(), q: data.searched }, 'facets').catch(e => e)
        : await facetsPromise;
      if (run !== searchRun) return;
      if (f instanceof Error) {
        if (f.name !== 'AbortError') $('facet-groups').replaceChildren(el('p', { class: 'muted' }, 'Filters unavailable: ' + f.message));
      } else {
        showFacets(f);
      }
    }
  } catch (e) {
    if (e.name === 'AbortError' || run !== searchRun) return;
    rendered.search = null; // run it again when the view comes back
    list.replaceChildren();
    $('facet-groups').replaceChildren();
    $('more').hidden = true;
    status.textContent = 'No results.';
    showError(e);
  } finally {
    if (run === searchRun) {
      list.removeAttribute('aria-busy');
      document.body.classList.remove('loading');
    }
  }
}

function showResults(data, append) {
  const list = $('results');
  const results = data.results || [];
  if (!append) list.replaceChildren();
  list.start = 1;
  for (const r of results) list.append(resultItem(r));
  const shown = list.childElementCount;
  const total = typeof data.total === 'number' ? data.total : shown;
  $('search-status').textContent = total
    ? `${plural(total, 'passage')}${shown < total ? `, showing 1–${shown}` : ''}`
    : 'No passages match.';
  const sug = $('suggestion');
  sug.replaceChildren();
  if (data.searched && data.query && data.searched !== data.query) {
    // The server echoes the query it ran: "(q) AND speaker:…" with filters.
    const shown = Object.keys(state.filters).length ? data.searched : data.searched.replace(/^\((.*)\)$/s, '$1');
    sug.append(`Nothing matched “${state.q || data.query}”; showing results for `, el('strong', null, shown), '.');
    sug.hidden = false;
  } else if (data.suggestion) {
    sug.append('Did you mean ', el('button', {
      type: 'button', class: 'link', onclick: () => navigate({ q: data.suggestion }),
    }, data.suggestion), '?');
    sug.hidden = false;
  } else {
    sug.hidden = true;
  }
  searchOffset = shown;
  $('more').hidden = !(shown < total && results.length > 0);
}

function metaLine(r) {
  const bits = [];
  if (r.date) bits.push(el('time', { datetime: r.date }, formatDate(r.date)));
  if (r.source) bits.push(el('span', { class: 'source' }, r.source));
  if (r.type) bits.push(el('span', { class: 'type' }, String(r.type).replace(/_/g, ' ')));
  const line = el('p', { class: 'meta' });
  bits.forEach((b, i) => {
    if (i) line.append(' · ');
    line.append(b);
  });
  return line;
}

function resultItem(r) {
  const li = el('li', { class: 'result', dataset: { id: r.id || '' } });
  const url = safeUrl(r.url);
  const title = r.title || r.doc_id || r.id || '(untitled)';
  li.append(el('h3', { class: 'title' }, url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, title) : title));
  li.append(metaLine(r));
  const snippet = el('p', { class: 'snippet' });
  if (r.duplicate_of) {
    // A copy of a passage above (a syndicated story, a release posted twice).
    li.classList.add('duplicate');
    snippet.append(el('span', { class: 'muted' }, `Same text as ${r.duplicate_of} above.`));
  } else {
    snippet.append(highlighted(r.snippet || r.text || '', r.snippet ? r.highlights : []));
  }
  li.append(snippet);
  const full = el('p', { class: 'fulltext', hidden: true }, r.text || '');
  li.append(full);
  const actions = el('div', { class: 'actions' });
  const expand = el('button', {
    type: 'button', class: 'small', 'aria-expanded': 'false',
    onclick: () => {
      const open = full.hidden;
      full.hidden = !open;
      snippet.hidden = open;
      expand.setAttribute('aria-expanded', String(open));
      expand.textContent = open ? 'Show snippet' : 'Whole passage';
    },
  }, 'Whole passage');
  const context = el('div', { class: 'context', hidden: true, 'aria-live': 'polite' });
  const ctxButton = el('button', {
    type: 'button', class: 'small', 'aria-expanded': 'false',
    onclick: () => toggleContext(r.id, context, ctxButton),
  }, 'Context');
  actions.append(expand, ctxButton, cite_button({
    id: r.id, kind: 'passage', text: r.text || r.snippet || '', title: r.title, date: r.date, source: r.source,
  }, title));
  actions.append(el('span', { class: 'pid' }, r.id || ''));
  li.append(actions, context);
  return li;
}

// The passages around a result and its citation, from /api/show/ID.
async function toggleContext(id, box, button) {
  const open = box.hidden;
  box.hidden = !open;
  button.setAttribute('aria-expanded', String(open));
  if (!open || box.dataset.loaded) return;
  box.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  try {
    const data = await api('show/' + encodeURIComponent(id));
    const here = data.passage || {};
    const ctx = Array.isArray(data.context) ? data.context : [];
    const parts = [...ctx.filter(c => c.n < here.n), here, ...ctx.filter(c => c.n > here.n)];
    box.replaceChildren();
    for (const c of parts) {
      box.append(el('p', { class: c === here ? 'ctx-here' : 'ctx-around', dataset: { id: c.id || '' } }, c.text || ''));
    }
    const cit = data.citation && data.citation.text;
    if (cit) box.append(el('p', { class: 'citation' }, el('span', { class: 'muted' }, 'Cite as: '), cit));
    box.dataset.loaded = '1';
  } catch (e) {
    box.replaceChildren(el('p', { class: 'error-inline' }, 'Cannot show the context: ' + e.message));
  }
}

// Facet values as the page shows them (the API's label), by facet and value,
// for the chips.
const facetLabels = {};
const FACET_SHOWN = 6;

function showFacets(data) {
  const box = $('facet-groups');
  box.replaceChildren();
  const facets = data.facets || {};
  for (const [k, label] of FACETS) {
    const values = facets[k] || [];
    if (!values.length) continue;
    const group = el('section', { class: 'facet', dataset: { facet: k } });
    const h = el('h2', { id: 'facet-h-' + k }, label);
    group.append(h);
    const ul = el('ul', { 'aria-labelledby': 'facet-h-' + k });
    values.forEach((f, i) => {
      const value = String(f.value);
      const shown = String(f.label || f.value);
      facetLabels[k + '\u0000' + value] = shown;
      const active = state.filters[k] === value;
      ul.append(el('li', { class: i >= FACET_SHOWN && !active ? 'extra' : null, hidden: i >= FACET_SHOWN && !active }, el('button', {
        type: 'button', class: 'facet-value' + (active ? ' active' : ''),
        dataset: { facet: k, value },
        'aria-pressed': String(active),
        'aria-label': `${label} ${shown}, ${plural(f.count, 'passage')}`,
        onclick: () => navigate({ filters: { [k]: active ? '' : value } }),
      }, el('span', { class: 'fv' }, shown), el('span', { class: 'fc' }, String(f.count)))));
    });
    group.append(ul);
    const extra = values.length - FACET_SHOWN;
    if (extra > 0) {
      const more = el('button', {
        type: 'button', class: 'link small facet-more', 'aria-expanded': 'false',
        onclick: () => {
          const open = more.getAttribute('aria-expanded') !== 'true';
          for (const li of ul.querySelectorAll('li.extra')) li.hidden = !open;
          more.setAttribute('aria-expanded', String(open));
          more.textContent = open ? 'Fewer' : `${extra} more`;
        },
      }, `${extra} more`);
      group.append(more);
    }
    box.append(group);
  }
  if (typeof data.counted === 'number' && typeof data.total === 'number' && data.counted < data.total)
    box.append(el('p', { class: 'muted small' }, `Counts over the best ${data.counted.toLocaleString('en')} of ${data.total.toLocaleString('en')} passages.`));
  if (!box.childElementCount) box.append(el('p', { class: 'muted' }, 'No filters for these results.'));
  renderChips();
}

// ---------------------------------------------------------------- quotes

let speakersLoaded = null;
let quotesRun = 0;

async function loadSpeakers() {
  if (!speakersLoaded) {
    speakersLoaded = api('speakers', { limit: 500 }).then(d => d.results || []).catch(e => {
      speakersLoaded = null;
      throw e;
    });
  }
  return speakersLoaded;
}

async function runQuotes() {
  const status = $('quotes-status');
  const groups = $('quote-groups');
  const speakerBox = $('speakers');
  const speaker = state.filters.speaker || '';
  const run = ++quotesRun; // a newer call makes this one stale
  $('speaker-input').value = speaker;
  loadSpeakers().then(list => {
    const dl = $('speaker-list');
    dl.replaceChildren(...list.map(s => el('option', { value: s.name })));
  }).catch(() => {});

  if (!speaker && !state.q && !state.filters.org && !state.filters.year) {
    groups.replaceChildren();
    $('timeline').hidden = true;
    status.textContent = 'Loading speakers…';
    try {
      const list = await loadSpeakers();
      if (run !== quotesRun) return;
      status.textContent = `${plural(list.length, 'speaker')}. Choose one to see their quotes.`;
      speakerBox.replaceChildren(speakerTable(list));
    } catch (e) {
      status.textContent = '';
      showError(e);
    }
    return;
  }
  speakerBox.replaceChildren();
  status.textContent = 'Loading quotes…';
  groups.setAttribute('aria-busy', 'true');
  try {
    const year = state.filters.year;
    const { quotes, total } = await fetchQuotes({
      q: state.q, speaker, org: state.filters.org, since: year, until: year, sort: 'date',
    });
    if (run !== quotesRun) return;
    status.textContent = total
      ? `${plural(total, 'quote')}${speaker ? ` by speakers named “${speaker}”` : ''}${state.q ? ` matching “${state.q}”` : ''}${quotes.length < total ? `, the first ${quotes.length} shown` : ''}.`
      : 'No quotes match.';
    const ignored = ['place', 'source'].filter(k => state.filters[k]);
    if (ignored.length) status.textContent += ` (The ${ignored.join(' and ')} filter${ignored.length > 1 ? 's apply' : ' applies'} to the search only.)`;
    drawTimeline(quotes, speaker || state.q);
    groups.replaceChildren(...groupQuotes(quotes).map(quoteGroup));
  } catch (e) {
    if (e.name === 'AbortError' || run !== quotesRun) return;
    rendered.quotes = null;
    status.textContent = '';
    groups.replaceChildren();
    $('timeline').hidden = true;
    showError(e);
  } finally {
    if (run === quotesRun) groups.removeAttribute('aria-busy');
  }
}

// All the quotes asked for, a page of QUOTES_PAGE at a time (the server's
// limit per request), up to QUOTES_MAX.
const QUOTES_PAGE = 100;
const QUOTES_MAX = 2000;

async function fetchQuotes(params) {
  const quotes = [];
  let total = 0;
  for (let offset = 0; ; offset += QUOTES_PAGE) {
    const data = await api('quotes', { ...params, limit: QUOTES_PAGE, offset: offset || undefined }, 'quotes');
    const page = data.results || [];
    quotes.push(...page);
    total = typeof data.total === 'number' ? data.total : quotes.length;
    if (page.length < QUOTES_PAGE || quotes.length >= total || quotes.length >= QUOTES_MAX) break;
  }
  return { quotes, total: Math.max(total, quotes.length) };
}

function speakerTable(list) {
  const ul = el('ul', { class: 'speaker-list', 'aria-label': 'Speakers' });
  for (const s of list) {
    const about = [...(s.roles || []).slice(0, 2), ...(s.orgs || []).slice(0, 2)].join(', ');
    ul.append(el('li', null, el('button', {
      type: 'button', class: 'speaker-button', dataset: { speaker: s.name },
      onclick: () => navigate({ view: 'quotes', filters: { speaker: s.name } }),
    }, el('span', { class: 'sname' }, s.name), el('span', { class: 'fc' }, String(s.quotes ?? ''))),
    about ? el('span', { class: 'muted small' }, ' ' + about) : null,
    s.first ? el('span', { class: 'muted small' }, ` · ${years(s.first, s.last)}`) : null));
  }
  return ul;
}

function years(first, last) {
  const a = String(first).slice(0, 4), b = String(last || first).slice(0, 4);
  return a === b ? a : `${a}–${b}`;
}

function groupQuotes(quotes) {
  const groups = new Map();
  for (const q of quotes) {
    const sp = q.speaker || {};
    const name = sp.name || 'Unattributed';
    if (!groups.has(name)) groups.set(name, { name, roles: new Map(), orgs: new Map(), quotes: [] });
    const g = groups.get(name);
    g.quotes.push(q);
    if (sp.role) g.roles.set(sp.role, (g.roles.get(sp.role) || 0) + 1);
    if (sp.org) g.orgs.set(sp.org, (g.orgs.get(sp.org) || 0) + 1);
  }
  const byCount = m => [...m.entries()].sort((a, b) => b[1] - a[1]).map(e => e[0]);
  return [...groups.values()]
    .map(g => ({ ...g, roles: byCount(g.roles), orgs: byCount(g.orgs) }))
    .sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}

function quoteGroup(g) {
  const sec = el('section', { class: 'speaker-group', dataset: { speaker: g.name } });
  sec.append(el('h2', { class: 'speaker-name' }, g.name, el('span', { class: 'fc' }, String(g.quotes.length))));
  if (g.roles.length || g.orgs.length) {
    const p = el('p', { class: 'role-org' });
    if (g.roles.length) p.append(el('span', { class: 'role' }, g.roles.join(' / ')));
    if (g.roles.length && g.orgs.length) p.append(', ');
    if (g.orgs.length) p.append(el('span', { class: 'org' }, g.orgs.join(' / ')));
    sec.append(p);
  }
  const ol = el('ol', { class: 'quotes' });
  for (const q of g.quotes) ol.append(quoteItem(q));
  sec.append(ol);
  return sec;
}

function quoteItem(q) {
  const li = el('li', { class: 'quote', dataset: { id: q.id || '', kind: q.kind || '' } });
  if (q.duplicate_of) {
    li.classList.add('duplicate');
    li.append(el('p', { class: 'muted' }, `The same quote as ${q.duplicate_of}, in another document:`));
  } else if (q.kind === 'indirect') {
    // Reported speech: the writer's words, not the speaker's; no quotation marks.
    li.append(el('p', { class: 'reported' }, el('span', { class: 'muted' }, '(reported) '), q.text || ''));
  } else {
    li.append(el('blockquote', null, el('p', null, q.text || '')));
  }
  const sp = q.speaker || {};
  const who = [sp.name, sp.role, sp.org].filter(Boolean).join(', ');
  const url = safeUrl(q.url);
  const cite = el('p', { class: 'meta' });
  cite.append(el('span', { class: 'kind' }, q.kind || 'quote'));
  if (q.cue) cite.append(' · ', el('span', { class: 'cue' }, q.cue));
  if (q.date) cite.append(' · ', el('time', { datetime: q.date }, formatDate(q.date)));
  if (q.source) cite.append(' · ', el('span', { class: 'source' }, q.source));
  cite.append(' · ', url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, q.title || q.doc_id || '') : el('cite', null, q.title || q.doc_id || ''));
  li.append(cite);
  const actions = el('div', { class: 'actions' });
  actions.append(cite_button({
    id: q.id, kind: 'quote', quoteKind: q.kind, text: q.text || '', title: q.title, date: q.date, source: q.source, speaker: who,
  }, `quote by ${sp.name || 'unknown'}: ${(q.text || '').slice(0, 40)}`));
  actions.append(el('span', { class: 'pid' }, q.id || ''));
  li.append(actions);
  return li;
}

// One bar per month that has quotes, on an axis from the first month to the last.
function drawTimeline(quotes, label) {
  const fig = $('timeline');
  const chart = $('timeline-chart');
  const counts = new Map();
  for (const q of quotes) {
    const m = /^(\d{4})-(\d{2})/.exec(q.date || '');
    if (!m) continue;
    const key = `${m[1]}-${m[2]}`;
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  if (!counts.size) {
    fig.hidden = true;
    chart.replaceChildren();
    return;
  }
  const idx = k => Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7)) - 1;
  const keys = [...counts.keys()].sort();
  const first = idx(keys[0]);
  const last = idx(keys[keys.length - 1]);
  // Whole years on the axis.
  const y0 = Math.floor(first / 12) * 12;
  const y1 = Math.floor(last / 12) * 12 + 12;
  const months = y1 - y0;
  const max = Math.max(...counts.values());
  // Drawn at the width it is shown at, so the labels keep their size.
  fig.hidden = false;
  const W = Math.max(280, Math.min(1200, Math.round(chart.clientWidth || 720)));
  const H = W < 500 ? 120 : 140, left = 28, right = 8, top = 10, bottom = 24;
  const cw = (W - left - right) / months;
  const ch = H - top - bottom;
  const root = svg('svg', {
    viewBox: `0 0 ${W} ${H}`, width: '100%', role: 'img', class: 'timeline-svg',
    'aria-label': `Quotes per month${label ? ' for ' + label : ''}: ${quotes.length} quotes in ${counts.size} months, most in one month ${max}`,
    preserveAspectRatio: 'xMidYMid meet',
  });
  root.append(svg('line', { x1: left, y1: top + ch, x2: W - right, y2: top + ch, class: 'axis' }));
  root.append(svg('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', class: 'tick' }, String(max)));
  root.append(svg('text', { x: left - 4, y: top + ch, 'text-anchor': 'end', class: 'tick' }, '0'));
  const years = months / 12;
  const step = Math.max(1, Math.ceil(years * 36 / (W - left - right)));
  for (let y = 0; y < years; y += step) {
    const x = left + y * 12 * cw;
    root.append(svg('line', { x1: x, y1: top + ch, x2: x, y2: top + ch + 4, class: 'axis' }));
    root.append(svg('text', { x: x + 2, y: H - 6, class: 'tick' }, String((y0 + y * 12) / 12)));
  }
  for (const k of keys) {
    const n = counts.get(k);
    const x = left + (idx(k) - y0) * cw;
    const h = Math.max(2, (n / max) * ch);
    const bar = svg('rect', {
      x: x + cw * 0.1, y: top + ch - h, width: Math.max(1.5, cw * 0.8), height: h,
      class: 'bar', 'data-month': k, 'data-count': n,
    });
    bar.append(svg('title', null, `${formatDate(k)}: ${plural(n, 'quote')}`));
    root.append(bar);
  }
  chart.replaceChildren(root);
  $('timeline-caption').textContent = `Quotes per month${label ? ' — ' + label : ''} (${keys[0]} to ${keys[keys.length - 1]})`;
  fig.hidden = false;
}

// ---------------------------------------------------------------- cite tray

function loadTray() {
  try {
    const t = JSON.parse(localStorage.getItem(TRAY_KEY) || '[]');
    return Array.isArray(t) ? t.filter(x => x && typeof x.id === 'string') : [];
  } catch {
    return [];
  }
}

function saveTray(items) {
  try {
    localStorage.setItem(TRAY_KEY, JSON.stringify(items));
  } catch {
    /* private mode: the tray lives for this page only */
  }
  updateTrayCount();
  for (const b of document.querySelectorAll('button.cite-add')) syncCiteButton(b);
}

let tray = loadTray();

function inTray(id) {
  return tray.some(x => x.id === id);
}

function updateTrayCount() {
  $('tray-count').textContent = String(tray.length);
  $('tab-cite').setAttribute('aria-label', `Cite tray, ${plural(tray.length, 'item')}`);
}

function syncCiteButton(b) {
  const on = inTray(b.dataset.id);
  b.textContent = on ? 'In tray ✓' : 'Cite';
  b.setAttribute('aria-pressed', String(on));
}

function cite_button(item, what) {
  const b = el('button', {
    type: 'button', class: 'small cite-add', dataset: { id: item.id || '' },
    'aria-label': `Add to cite tray: ${what}`,
    onclick: () => {
      if (!item.id) return;
      if (inTray(item.id)) tray = tray.filter(x => x.id !== item.id);
      else tray = [...tray, { ...item, added: new Date().toISOString() }];
      saveTray(tray);
    },
  });
  syncCiteButton(b);
  return b;
}

function citeUrl(format, download) {
  const p = new URLSearchParams({ format });
  if (download) p.set('download', '1');
  for (const x of tray) p.append('id', x.id);
  return '/api/cite?' + p;
}

function renderTray() {
  const list = $('tray');
  list.replaceChildren();
  $('cite-preview').hidden = true;
  for (const x of tray) {
    const li = el('li', { class: 'tray-item', dataset: { id: x.id, kind: x.kind } });
    const words = x.kind !== 'quote' ? x.text : x.quoteKind === 'indirect' ? `(reported) ${x.text}` : `“${x.text}”`;
    li.append(el('p', { class: 'tray-text' }, words));
    const meta = [x.speaker, x.title, formatDate(x.date), x.source].filter(Boolean).join(' · ');
    li.append(el('p', { class: 'meta' }, el('span', { class: 'kind' }, x.kind), ' · ', meta));
    li.append(el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'small', onclick: () => copyCitation([x.id]) , 'aria-label': `Copy the citation of ${x.id}` }, 'Copy citation'),
      el('button', {
        type: 'button', class: 'small', 'aria-label': `Remove ${x.id} from the tray`,
        onclick: () => { tray = tray.filter(y => y.id !== x.id); saveTray(tray); renderTray(); },
      }, 'Remove'),
      el('span', { class: 'pid' }, x.id)));
    list.append(li);
  }
  const empty = !tray.length;
  $('cite-status').textContent = empty
    ? 'The tray is empty. Add passages and quotes with their “Cite” buttons.'
    : `${plural(tray.length, 'item')} in the tray.`;
  for (const a of document.querySelectorAll('#tray-actions a[data-format]')) {
    if (empty) {
      a.removeAttribute('href');
      a.setAttribute('aria-disabled', 'true');
    } else {
      a.href = citeUrl(a.dataset.format, true);
      a.removeAttribute('aria-disabled');
    }
  }
  $('copy-all').disabled = empty;
  $('tray-clear').disabled = empty;
}

async function copyCitation(ids) {
  const status = $('cite-status');
  status.textContent = 'Formatting…';
  try {
    const p = new URLSearchParams({ format: 'text' });
    ids.forEach(id => p.append('id', id));
    const data = await api('cite?' + p.toString());
    const text = data.text || '';
    const pre = $('cite-preview');
    pre.textContent = text;
    pre.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `Copied ${plural(ids.length, 'citation')} to the clipboard.`;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      status.textContent = 'The clipboard is not available: the citation is selected below, copy it with Ctrl+C.';
    }
  } catch (e) {
    status.textContent = '';
    showError(e);
  }
}

// ---------------------------------------------------------------- verify

async function runVerify() {
  const status = $('verify-status');
  const out = $('verify-result');
  const text = state.text;
  status.textContent = 'Looking for the original…';
  out.replaceChildren();
  try {
    const data = await api('verify', { text }, 'verify');
    const verdict = data.verdict || 'not_found';
    const words = { exact: 'Exact: these words are in the sources', near: 'Near: the sources say it differently', not_found: 'Not found in the sources' };
    status.textContent = '';
    out.append(el('p', { class: 'verdict verdict-' + verdict, dataset: { verdict } }, words[verdict] || verdict));
    const matches = data.matches || [];
    const ol = el('ol', { class: 'matches' });
    for (const m of matches) ol.append(verifyMatch(text, m));
    if (matches.length) out.append(ol);
  } catch (e) {
    if (e.name === 'AbortError') return;
    status.textContent = '';
    showError(e);
  }
}

function verifyMatch(mine, m) {
  const q = m.quote || {};
  const sources = Array.isArray(m.sources) && m.sources.length ? m.sources : [m];
  const first = sources[0] || {};
  const original = m.text || q.text || m.original || '';
  const li = el('li', { class: 'match', dataset: { quoteId: m.quote_id || q.id || '' } });
  const para = el('p', { class: 'original' });
  para.append(Array.isArray(m.ops) ? opsDiff(m.ops) : wordDiff(mine, original));
  li.append(el('blockquote', null, para));
  const sp = m.speaker || q.speaker || first.speaker || {};
  const who = [sp.name, sp.role, sp.org].filter(Boolean).join(', ');
  const head = el('p', { class: 'meta' });
  if (who) head.append(el('span', { class: 'who' }, who));
  if (typeof m.similarity === 'number') head.append(who ? ' · ' : '', `${Math.round(m.similarity * 100)}% the same words`);
  li.append(head);
  const ul = el('ul', { class: 'sources', 'aria-label': 'Sources' });
  for (const src of sources) {
    const url = safeUrl(src.url);
    const title = src.title || src.doc_id || '';
    const line = el('li', { class: 'meta' });
    const bits = [formatDate(src.date), src.source].filter(Boolean);
    line.append(bits.join(' · '));
    if (title) line.append(bits.length ? ' · ' : '', url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, title) : el('cite', null, title));
    if (src.passage) line.append(' ', el('span', { class: 'pid' }, src.passage));
    ul.append(line);
  }
  if (ul.childElementCount && (first.title || first.doc_id)) li.append(ul);
  const id = m.quote_id || q.id || first.quote_id;
  if (id) {
    li.append(el('div', { class: 'actions' }, cite_button({
      id, kind: 'quote', text: original, title: first.title, date: first.date, source: first.source, speaker: who,
    }, 'the original'), el('span', { class: 'pid' }, id)));
  }
  return li;
}

// The API's alignment of your text with the original: "equal" words as
// they are, "insert" (the original's words your text lacks) as <ins>,
// "delete" (your words the original lacks) as <del>.
function opsDiff(ops) {
  const frag = document.createDocumentFragment();
  ops.forEach((o, i) => {
    if (i) frag.append(' ');
    const text = String(o.text || '');
    if (o.op === 'insert') frag.append(el('ins', { title: 'in the original, not in your text' }, text));
    else if (o.op === 'delete') frag.append(el('del', { title: 'in your text, not in the original' }, text));
    else frag.append(text);
  });
  return frag;
}

// The same, computed here when the API gives no alignment: a word-level
// longest common subsequence.
function wordDiff(mine, original) {
  const a = mine.split(/(\s+)/).filter(Boolean);
  const b = original.split(/(\s+)/).filter(Boolean);
  const norm = w => w.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const frag = document.createDocumentFragment();
  if (a.length * b.length > 4e6) {
    frag.append(original);
    return frag;
  }
  const A = a.map(norm), B = b.map(norm);
  const n = A.length, m = B.length;
  const L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  let i = 0, j = 0;
  const space = w => /^\s+$/.test(w);
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) {
      frag.append(b[j]);
      i++; j++;
    } else if (j < m && (i >= n || L[i][j + 1] >= L[i + 1][j])) {
      frag.append(space(b[j]) ? b[j] : el('ins', { title: 'in the original, not in your text' }, b[j]));
      j++;
    } else {
      if (!space(a[i])) frag.append(el('del', { title: 'in your text, not in the original' }, a[i]), ' ');
      i++;
    }
  }
  return frag;
}

// ---------------------------------------------------------------- events

function setup() {
  $('search-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const q = $('q').value.trim();
    const sort = $('sort').value === 'date' ? 'date' : '';
    if (state.view === 'cite' || state.view === 'verify') navigate({ q, sort, view: 'search' });
    else navigate({ q, sort });
  });
  $('sort').addEventListener('change', () => {
    if (state.q || Object.keys(state.filters).length)
      navigate({ sort: $('sort').value === 'date' ? 'date' : '' });
  });
  for (const v of VIEWS) $('tab-' + v).addEventListener('click', () => navigate({ view: v }));
  $('home').addEventListener('click', ev => {
    ev.preventDefault();
    state = { view: 'search', q: '', sort: '', filters: {}, text: '' };
    navigate({});
  });
  $('more').addEventListener('click', () => runSearch(true));
  $('facets-toggle').addEventListener('click', () => {
    const open = $('facets').classList.toggle('open');
    $('facets-toggle').setAttribute('aria-expanded', String(open));
  });
  $('speaker-form').addEventListener('submit', ev => {
    ev.preventDefault();
    navigate({ view: 'quotes', filters: { speaker: $('speaker-input').value.trim() } });
  });
  $('speaker-clear').addEventListener('click', () => navigate({ view: 'quotes', q: '', filters: { speaker: '', org: '' } }));
  $('copy-all').addEventListener('click', () => copyCitation(tray.map(x => x.id)));
  $('tray-clear').addEventListener('click', () => {
    tray = [];
    saveTray(tray);
    renderTray();
  });
  $('verify-form').addEventListener('submit', ev => {
    ev.preventDefault();
    const text = $('verify-text').value.trim();
    rendered.verify = null;
    navigate({ view: 'verify', text });
  });
  window.addEventListener('storage', ev => {
    if (ev.key !== TRAY_KEY) return;
    tray = loadTray();
    updateTrayCount();
    for (const b of document.querySelectorAll('button.cite-add')) syncCiteButton(b);
    if (state.view === 'cite') renderTray();
  });
  document.addEventListener('keydown', ev => {
    const t = ev.target;
    const typing = t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
    if (ev.key === '/' && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      if (state.view === 'cite' || state.view === 'verify') navigate({ view: 'search' });
      $('q').focus();
      $('q').select();
    } else if (ev.key === 'Escape' && typing) {
      t.blur();
    }
  });
  updateTrayCount();
  render();
  document.body.classList.add('ready');
}

setup();
