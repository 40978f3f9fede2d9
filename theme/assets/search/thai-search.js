/* Thai site search behind Material's header search box (index: generator/search/index.py).
 * The matching rule mirrors generator/search/textnorm.py: normalize, drop whitespace, match only on word
 * boundaries (ZWSP marks the Thai ones in the shipped text). Nothing here loads from outside the site. */
(() => {
  "use strict";
  const root = document.querySelector("[data-thai-search]");
  const config = document.getElementById("__config");
  if (!root || !config) return;
  const input = root.querySelector(".md-search__input");
  const meta = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const toggle = document.getElementById("__search");
  const base = new URL(JSON.parse(config.textContent).base || ".", location.href);
  const indexUrl = new URL("search/thai/", base);
  const PAGE_SIZE = 10;
  const BATCH = 12;
  const MAX_BATCHES = 5; // records checked per "page" of results at most, so a rare miss cannot download the site
  const T = {
    idle: "พิมพ์คำที่ต้องการค้นหา เช่น ชื่อโครงการ หน่วยงาน หรือคำในเนื้อหา",
    none: (q) => `ไม่พบหน้าที่มีคำว่า “${q}”`,
    found: (n) => `พบ ${n.toLocaleString("th-TH")} หน้า`,
    atLeast: (n) => `พบอย่างน้อย ${n.toLocaleString("th-TH")} หน้า`,
    more: "แสดงผลเพิ่มเติม",
    error: "ค้นหาไม่ได้ในขณะนี้ (โหลดดัชนีการค้นหาไม่สำเร็จ)",
  };

  // ---- matching rule (keep in step with textnorm.py) ----
  const SPACE = /[\s\u200b\u200c\u200d\ufeff]/;
  const LETTER = /\p{L}/u;
  const THAI = 1, WORD = 2, OTHER = 3, SEP = 4;
  const clean = (s) => s.normalize("NFC").replace(/\u0e4d\u0e32/g, "\u0e33");
  function normChar(ch) {
    const c = ch.charCodeAt(0);
    if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
    if (c >= 0x0e50 && c <= 0x0e59) return String.fromCharCode(c - 0x0e50 + 48);
    return ch;
  }
  function charClass(ch) {
    if (ch === "\n") return SEP;
    const c = ch.charCodeAt(0);
    if (c >= 0x0e01 && c <= 0x0e4f) return THAI;
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c > 127 && LETTER.test(ch))) return WORD;
    return OTHER;
  }
  const normalizeQuery = (q) => Array.from(clean(q).replace(/[\s\u200b\u200c\u200d\ufeff]+/g, "")).map(normChar).join("");
  function buildNorm(marked) {
    let norm = "", pending = false, prev = 0;
    const bounds = [true], origin = [];
    for (let i = 0; i < marked.length; i++) {
      const ch = marked[i];
      if (ch !== "\n" && SPACE.test(ch)) { pending = true; continue; }
      const n = normChar(ch), cls = charClass(n);
      if (norm.length) bounds.push(pending || cls !== prev || cls === OTHER || cls === SEP);
      norm += n; origin.push(i); prev = cls; pending = false;
    }
    if (norm.length) bounds.push(true);
    return { norm, bounds, origin };
  }
  const FOLLOWERS = /[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]/;
  const LEADERS = /[\u0e40-\u0e44]/;
  const isLenient = (q) => q.length >= 4 && Array.from(q).some((ch) => charClass(ch) === THAI);
  function clusterEdge(norm, pos) {
    if (pos <= 0 || pos >= norm.length) return true;
    return !(FOLLOWERS.test(norm[pos]) || LEADERS.test(norm[pos - 1]) || norm[pos] === "\n");
  }
  function findMatches(t, q) {
    const hits = [], lenient = isLenient(q), L = q.length;
    for (let s = t.norm.indexOf(q); s >= 0; s = t.norm.indexOf(q, s + 1)) {
      if ((t.bounds[s] && t.bounds[s + L]) || (lenient && clusterEdge(t.norm, s) && clusterEdge(t.norm, s + L))) hits.push(s);
    }
    return hits;
  }

  // ---- index access ----
  const cache = new Map();
  async function getGz(path) {
    if (!cache.has(path)) {
      cache.set(path, (async () => {
        const res = await fetch(new URL(path, indexUrl));
        if (!res.ok) throw new Error(`${res.status} ${path}`);
        const text = await new Response(res.body.pipeThrough(new DecompressionStream("gzip"))).text();
        return JSON.parse(text);
      })());
    }
    return cache.get(path);
  }
  let manifest = null;
  function getManifest() {
    manifest = manifest || fetch(new URL("manifest.json", indexUrl)).then((r) => r.json()).catch((err) => { manifest = null; throw err; });
    return manifest;
  }
  function fnv1a(s) {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function queryKeys(q) {
    const L = q.length;
    if (L <= 3) return ["w" + q];
    const keys = isLenient(q) ? ["g" + q.slice(0, 3), "g" + q.slice(L - 3)] : ["s" + q.slice(0, 3), "e" + q.slice(L - 3)];
    const inner = [];
    for (let i = 2; i + 3 <= L - 1; i += 2) inner.push(i);
    const step = Math.max(1, Math.ceil(inner.length / 6));
    for (let j = 0; j < inner.length; j += step) keys.push("g" + q.slice(inner[j], inner[j] + 3));
    return keys;
  }
  const undelta = (d) => { let x = 0; return (d || []).map((v) => (x += v)); };
  function intersect(lists) {
    if (!lists.length) return [];
    let acc = lists.reduce((a, b) => (a.length <= b.length ? a : b));
    for (const l of lists) { if (l !== acc) { const set = new Set(l); acc = acc.filter((x) => set.has(x)); } }
    return acc;
  }
  async function candidates(q) {
    const man = await getManifest();
    const v = `?v=${man.version}`;
    const entries = await Promise.all(queryKeys(q).map(async (key) => {
      const shard = await getGz(`k/${fnv1a(key) % man.shards}.bin${v}`);
      return shard[key];
    }));
    if (entries.some((e) => !e)) return [];
    const all = intersect(entries.map((e) => undelta(e[0])));
    const inTitle = new Set(intersect(entries.map((e) => undelta(e[1]))));
    return [...all.filter((id) => inTitle.has(id)), ...all.filter((id) => !inTitle.has(id))];
  }
  async function record(id) {
    const man = await getManifest();
    const rec = await getGz(`p/${id}.bin?v=${man.version}`);
    if (!rec.prepared) {
      rec.title = buildNorm(rec.t);
      rec.sections = rec.s.map(([anchor, heading, text]) => ({ anchor, heading, text, t: null }));
      rec.prepared = true;
    }
    return rec;
  }
  function verify(rec, q) {
    let first = null, count = 0;
    for (const sec of rec.sections) {
      sec.t = sec.t || buildNorm(sec.text);
      const hits = findMatches(sec.t, q);
      if (hits.length && !first) first = { sec, hits };
      count += hits.length;
    }
    if (!first) return null;
    return { rec, first, count, inTitle: findMatches(rec.title, q).length > 0 };
  }

  // ---- rendering ----
  const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const plain = (s) => s.replace(/\u200b/g, "").replace(/\n/g, " · ");
  function snippet(sec, hits, q, room = 60) {
    const { text, t } = sec;
    const start = t.origin[hits[0]], end = t.origin[hits[0] + q.length - 1] + 1;
    // The snippet stays inside the matched block (paragraph, list item or cell): the sentence that matched.
    const blockStart = text.lastIndexOf("\n", start - 1) + 1;
    const blockEnd = text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end);
    const from = Math.max(blockStart, start - room), to = Math.min(blockEnd, end + room + 40);
    let out = from > blockStart ? "…" : "", pos = from;
    for (const h of hits) {
      const a = t.origin[h], b = t.origin[h + q.length - 1] + 1;
      if (a < pos || b > to) continue;
      out += esc(plain(text.slice(pos, a))) + "<mark>" + esc(plain(text.slice(a, b))) + "</mark>";
      pos = b;
    }
    return out + esc(plain(text.slice(pos, to))) + (to < blockEnd ? "…" : "");
  }
  function renderItem(hit, query) {
    const { rec, first } = hit;
    const url = new URL(rec.u, base);
    url.searchParams.set("h", query.trim());
    if (first.sec.anchor) url.hash = first.sec.anchor;
    const title = plain(rec.t);
    const q = normalizeQuery(query), titleHits = findMatches(rec.title, q);
    const titleHtml = titleHits.length ? snippet({ text: rec.t, t: rec.title }, titleHits, q, 1e6) : esc(title);
    const heading = first.sec.heading && first.sec.heading !== title ? first.sec.heading : "";
    const trail = [rec.b, heading].filter(Boolean).join(" › ");
    const where = trail ? `<p class="thai-search__where">${esc(trail)}</p>` : "";
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    li.innerHTML = `<a href="${esc(url.href)}" class="md-search-result__link" tabindex="-1">` +
      `<article class="md-search-result__article md-typeset"><div class="md-search-result__icon md-icon"></div>` +
      `<h1>${titleHtml}</h1>${where}<p>${snippet(first.sec, first.hits, q)}</p></article></a>`;
    return li;
  }

  // ---- search state ----
  let run = 0, state = null;
  async function fill(my) {
    const s = state;
    const found = [];
    for (let round = 0; round < MAX_BATCHES && s.next < s.ids.length && s.results.length + found.length < s.shown + PAGE_SIZE; round++) {
      const batch = s.ids.slice(s.next, s.next + BATCH);
      s.next += batch.length;
      const recs = await Promise.all(batch.map(record));
      if (my !== run) return;
      for (const rec of recs) { const hit = verify(rec, s.q); if (hit) found.push(hit); }
    }
    found.sort((a, b) => (b.inTitle - a.inTitle) || (b.count - a.count));
    s.results.push(...found);
  }
  function render() {
    const s = state;
    const done = s.next >= s.ids.length;
    list.querySelector(".thai-search__more")?.remove();
    for (const hit of s.results.slice(s.shown, s.shown + PAGE_SIZE)) list.appendChild(renderItem(hit, s.query));
    s.shown = Math.min(s.results.length, s.shown + PAGE_SIZE);
    if (!s.results.length) meta.textContent = T.none(s.query.trim());
    else meta.textContent = done ? T.found(s.results.length) : T.atLeast(s.results.length);
    if (!done || s.shown < s.results.length) {
      const li = document.createElement("li");
      li.className = "thai-search__more";
      li.innerHTML = `<button type="button" class="md-button">${T.more}</button>`;
      li.firstChild.addEventListener("click", () => more());
      list.appendChild(li);
    }
    root.dataset.thaiSearchMs = (performance.now() - s.started).toFixed(1);
    root.dataset.thaiSearchQuery = s.query;
    root.dataset.thaiSearchState = "done";
  }
  async function more() {
    const my = run;
    await fill(my);
    if (my === run) render();
  }
  async function onQuery() {
    const my = ++run;
    const started = performance.now();
    const query = input.value;
    const q = normalizeQuery(query);
    root.dataset.thaiSearchState = "busy";
    if (!q) { list.innerHTML = ""; meta.textContent = T.idle; root.dataset.thaiSearchState = "idle"; return; }
    try {
      const ids = await candidates(q);
      if (my !== run) return;
      state = { query, q, ids, next: 0, results: [], shown: 0, started };
      await fill(my);
      if (my !== run) return;
      list.innerHTML = "";
      render();
    } catch (err) {
      if (my === run) { meta.textContent = T.error; list.innerHTML = ""; root.dataset.thaiSearchState = "error"; }
      console.error(err);
    }
  }

  // ---- wiring into Material's header box ----
  meta.textContent = T.idle;
  root.dataset.thaiSearchState = "idle";
  const open = () => { if (toggle && !toggle.checked) toggle.checked = true; };
  input.addEventListener("input", onQuery);
  input.addEventListener("focus", () => { open(); getManifest(); });
  root.querySelector("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const link = list.querySelector(".md-search-result__link");
    if (link) location.href = link.href;
  });
  root.querySelector("form").addEventListener("reset", () => setTimeout(onQuery, 0));
  toggle?.addEventListener("change", () => { if (toggle.checked) setTimeout(() => input.focus(), 150); else input.blur(); });
  document.addEventListener("keydown", (ev) => {
    const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || "") || document.activeElement?.isContentEditable;
    if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && ["/", "s", "f"].includes(ev.key)) {
      ev.preventDefault(); open(); input.focus(); return;
    }
    if (!toggle?.checked) return;
    if (ev.key === "Escape") { toggle.checked = false; input.blur(); return; }
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      const links = [...list.querySelectorAll(".md-search-result__link")];
      if (!links.length) return;
      const at = links.indexOf(document.activeElement);
      const next = ev.key === "ArrowDown" ? Math.min(links.length - 1, at + 1) : at - 1;
      ev.preventDefault();
      (next < 0 ? input : links[next]).focus();
    }
  });

  // ---- highlight the query on the page a result opened (?h=...) ----
  const h = new URLSearchParams(location.search).get("h");
  const article = document.querySelector("article.md-content__inner");
  if (h && article) highlightPage(article, normalizeQuery(h));
  function highlightPage(el, q) {
    if (!q) return;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement.closest("a.headerlink, script, style, svg")) nodes.push(n);
    for (const node of nodes) {
      const t = buildNorm(node.data);
      // A page carries no Thai boundary marks, so only whole-run matches are certain for short queries.
      // The page carries no Thai boundary marks: short queries are highlighted only where they fill a whole run.
      const hits = findMatches(t, q);
      for (const s of hits.reverse()) {
        const range = document.createRange();
        range.setStart(node, t.origin[s]);
        range.setEnd(node, t.origin[s + q.length - 1] + 1);
        const mark = document.createElement("mark");
        mark.className = "thai-search__hit";
        range.surroundContents(mark);
      }
    }
  }
})();
