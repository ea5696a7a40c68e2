/* union-bulletin: the search box in Material's header, on Pagefind.
 *
 * The query is cut into the same tokens as the bulletins were at build time:
 * tokens.js (loaded on first use) applies union_bulletin/search/tokens.py's
 * rule, whose constants come with the settings (pagefind/ub-search.json), and
 * tests/test_token_parity.py checks that the two give identical tokens.
 * Pagefind then needs every token to match, so every bulletin that contains
 * the query's words verbatim is found.
 *
 * Pagefind's pages are packs: a few bulletins to a page (indexer.py says why). Each shard's table of packs
 * (ub-packs.json) gives, for each page id, its bulletins' words in order: bulletin i's words are the page's
 * word positions from the sum of the words before it. Pagefind answers each token with the pages that hold it
 * and where; a bulletin is a result when every token lies within its words, and results are ranked here, per
 * bulletin, by the same measure Pagefind ranks pages with (BM25, the title's words weighted ten times). The
 * table also numbers each bulletin's file in pagefind/text/, which holds what its result shows: Pagefind's
 * fragments (a whole pack's tokens) are never loaded.
 *
 * The index comes in shards, newest bulletins first (indexer.py says why).
 * A query searches the shards merged so far; when they give fewer results
 * than the reader wants to see, the next older shards are merged (Pagefind's
 * mergeIndex), at most STEP of them per step, and the query runs again. A
 * rare word in a large archive may need many shards: the reader then sees
 * what the newest ones hold and a button to search earlier years, instead of
 * waiting for the whole archive to download. Results already shown stay
 * where they are; new ones are added after them.
 *
 * Everything is loaded from this site: pagefind/ beside assets/.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var header = document.querySelector(".md-header__inner");
  if (!script || !header) return;
  var root = new URL("../../", script.src); // assets/union-bulletin/search.js -> the site root
  var bundle = new URL("pagefind/", root);
  var tokenizer = new URL("tokens.js", script.src);
  var PAGE = 5; // results shown at a time: each costs one small file (its title, address and text)
  var TITLE = 10, K1 = 1.4, B = 0.75; // documents.py's TITLE_WEIGHT; Pagefind's default term saturation and page length weights
  var STEP = 6; // older shards merged at most per search step: each costs its page list and chunks (about 10 KB)

  /* ---------- the box ---------- */

  var ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
  var box = document.createElement("div");
  box.className = "ub-search";
  box.innerHTML =
    '<button type="button" class="ub-search__toggle md-header__button md-icon" aria-expanded="false" aria-controls="ub-search-panel" aria-label="搜索公报">' + ICON + "</button>" +
    '<div class="ub-search__panel" id="ub-search-panel">' +
    '<form class="ub-search__form" role="search" aria-label="搜索公报">' +
    '<span class="ub-search__icon md-icon">' + ICON + "</span>" +
    '<input class="ub-search__input" id="ub-search-input" type="search" placeholder="搜索公报" aria-label="搜索公报" ' +
    'autocomplete="off" autocapitalize="off" spellcheck="false" enterkeyhint="search" aria-describedby="ub-search-status" aria-controls="ub-search-results">' +
    '<button type="button" class="ub-search__close" aria-label="关闭搜索">关闭</button>' +
    "</form>" +
    '<div class="ub-search__drop" hidden>' +
    '<div class="ub-search__filters">' +
    '<select class="ub-search__filter" data-filter="year" aria-label="按年度筛选"><option value="">全部年度</option></select>' +
    '<select class="ub-search__filter" data-filter="org" aria-label="按单位筛选"><option value="">全部单位</option></select>' +
    '<select class="ub-search__filter" data-filter="type" aria-label="按类型筛选"><option value="">全部类型</option></select>' +
    "</div>" +
    '<p class="ub-search__status" id="ub-search-status" role="status" aria-live="polite"></p>' +
    '<ol class="ub-search__results" id="ub-search-results" aria-label="搜索结果"></ol>' +
    '<button type="button" class="ub-search__more" hidden>显示更多结果</button>' +
    "</div></div>";
  var source = header.querySelector(".md-header__source");
  header.insertBefore(box, source);

  var toggle = box.querySelector(".ub-search__toggle");
  var input = box.querySelector(".ub-search__input");
  var close = box.querySelector(".ub-search__close");
  var drop = box.querySelector(".ub-search__drop");
  var status = box.querySelector(".ub-search__status");
  var list = box.querySelector(".ub-search__results");
  var more = box.querySelector(".ub-search__more");
  var selects = Array.from(box.querySelectorAll(".ub-search__filter"));

  /* ---------- loading Pagefind, the tokenizer and our settings, once ---------- */

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      if (window.ubTokens) { resolve(); return; }
      var tag = document.createElement("script");
      tag.src = url.href;
      tag.onload = function () { resolve(); };
      tag.onerror = function () { reject(new Error("tokens.js")); };
      document.head.appendChild(tag);
    });
  }

  var ready = null;
  function load() {
    if (ready) return ready;
    ready = Promise.all([
      // On the page's own thread: Pagefind's shared worker is a second 41 KB script to download.
      import(new URL("pagefind.js", bundle).href).then(function (pf) {
        return pf.options({ noWorker: true }).then(function () { return pf; });
      }),
      json(new URL("ub-search.json", bundle)),
      json(new URL(PACKS, bundle)),
      loadScript(tokenizer)
    ]).then(function (got) {
      var settings = got[1];
      var tok = window.ubTokens.make(settings.rule);
      // The vocabulary as the build used it: organisation names are sent once, in the filter list.
      var orgs = (settings.organisations || []).map(function (o) { return tok.normalise(o).trim(); }).filter(tok.isTerm);
      var shards = settings.shards && settings.shards.length ? settings.shards : [{ path: "", years: settings.years }];
      fill(selects[0], settings.years);
      fill(selects[1], settings.organisations);
      fill(selects[2], settings.types);
      var s = {
        pagefind: got[0], tok: tok, vocab: tok.vocabulary((settings.vocabulary || []).concat(orgs)),
        shards: shards, merged: shards.map(function (_, i) { return i === 0; }),
        packs: new Map(), members: 0, words: 0
      };
      addPacks(s, got[2], 0);
      return s;
    });
    ready.catch(function () { ready = null; });
    return ready;
  }

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  var PACKS = "ub-packs.json";

  /* A shard's table of packs: page id -> {table, shard, starts: where each bulletin's words begin, members}.
   * A member is [words, title words, year, organisation, type (numbers into the table's lists), its file's number]. */
  function addPacks(s, table, shard) {
    Object.keys(table.pages).forEach(function (id) {
      var members = table.pages[id], starts = [], at = 0;
      members.forEach(function (m) { starts.push(at); at += m[0]; s.members += 1; s.words += m[0]; });
      s.packs.set(id, { table: table, shard: shard, starts: starts, members: members });
    });
  }

  function fill(select, values) {
    (values || []).forEach(function (v) {
      var o = document.createElement("option");
      o.value = o.textContent = v;
      select.appendChild(o);
    });
  }

  /* ---------- searching ---------- */

  var seq = 0, timer = 0, results = [], shown = 0, words = [], complete = true, current = null;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }

  /* The next shard not merged yet that can hold the chosen year, or -1. */
  function nextShard(s, chosen) {
    for (var i = 0; i < s.shards.length; i++) {
      if (s.merged[i]) continue;
      if (chosen.year && s.shards[i].years && s.shards[i].years.indexOf(chosen.year) < 0) continue;
      return i;
    }
    return -1;
  }

  var merging = Promise.resolve();
  function merge(s, i) {
    var mine = merging.catch(function () { /* an earlier shard failed: try this one anyway */ }).then(function () {
      if (s.merged[i]) return;
      var at = new URL(s.shards[i].path, bundle);
      return Promise.all([s.pagefind.mergeIndex(at.href), json(new URL(PACKS, at))]).then(function (got) {
        addPacks(s, got[1], i);
        s.merged[i] = true;
      });
    });
    merging = mine;
    return mine;
  }

  /* Bulletins whose title or body hold the query's words: at least ``need`` of them if the shards have them
   * (all of them when need is not given), merging at most ``step`` more shards (no limit when not given).
   * Returns {results, complete}: complete when no shard is left unsearched. */
  function find(query, chosen, need, have, step) {
    need = need === undefined ? Infinity : need;
    var budget = step === undefined ? Infinity : step;
    return load().then(function (s) {
      var tokens = s.tok.queryTokens(query, s.vocab);
      if (!tokens.length) return { results: [], complete: true };
      var seen = new Set(), ordered = [];
      (have || []).forEach(function (r) { seen.add(r.id); ordered.push(r); });
      var unique = tokens.filter(function (t, i) { return tokens.indexOf(t) === i; });
      function advance() {
        return Promise.all(unique.map(function (t) { return s.pagefind.search(t, { filters: chosen }); })).then(function (each) {
          members(s, each, chosen).forEach(function (r) { if (!seen.has(r.id)) { seen.add(r.id); ordered.push(r); } });
          var next = nextShard(s, chosen);
          if (next < 0 || ordered.length >= need || budget <= 0) return { results: ordered, complete: next < 0 };
          budget -= 1;
          return merge(s, next).then(advance);
        });
      }
      return advance();
    });
  }

  /* The bulletins that hold every token, best first: ``each`` is Pagefind's answer to each token alone (the
   * pages holding it, and where). A page (a pack) is a candidate when every token is in it; each of its
   * bulletins is a result when every token lies within that bulletin's words and its year, organisation and
   * type are the chosen ones (Pagefind's filters are the pack's, every member's values). */
  function members(s, each, chosen) {
    // For each page holding any token, each member's weighted count of each token (title words count TITLE).
    var counts = new Map(), rarity = each.map(function () { return 0; }); // rarity: bulletins holding each token
    each.forEach(function (found, k) {
      found.results.forEach(function (r) {
        var pack = s.packs.get(r.id);
        if (!pack) return;
        if (!counts.has(r.id)) counts.set(r.id, pack.members.map(function () { return each.map(function () { return 0; }); }));
        var rows = counts.get(r.id);
        pack.members.forEach(function (m, i) {
          var start = pack.starts[i], title = start + m[1], end = start + m[0];
          r.words.forEach(function (loc) { if (loc >= start && loc < end) rows[i][k] += loc < title ? TITLE : 1; });
          if (rows[i][k]) rarity[k] += 1;
        });
      });
    });
    var hits = [], average = s.words / Math.max(1, s.members);
    counts.forEach(function (rows, id) {
      var pack = s.packs.get(id), t = pack.table;
      rows.forEach(function (tf, i) {
        var m = pack.members[i];
        if (!tf.every(function (n) { return n > 0; })) return;
        if (chosen.year && t.years[m[2]] !== chosen.year) return;
        if (chosen.org && t.orgs[m[3]] !== chosen.org) return;
        if (chosen.type && t.types[m[4]] !== chosen.type) return;
        var h = { id: id + "/" + i, pack: pack, member: i };
        h.score = tf.reduce(function (sum, n, k) {
          var idf = Math.log((s.members - rarity[k] + 0.5) / (rarity[k] + 0.5) + 1);
          return sum + idf * (K1 + 1) * n / (K1 * (1 - B + B * m[0] / average) + n);
        }, 0);
        h.data = function () { return member(h); };
        hits.push(h);
      });
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.pack.shard - b.pack.shard; });
  }

  /* What a result shows: its bulletin's file beside the index (documents.py, shown_file): a line of JSON, then
   * the text the excerpt is cut from. Not Pagefind's fragment, which holds the whole pack's tokens. Without the
   * file the result still shows, without an excerpt. */
  var SHOWN = ["url", "title", "org", "year", "type", "date"];
  function member(h) {
    var file = h.pack.members[h.member][5];
    return fetch(new URL("text/" + file + ".txt", bundle).href)
      .then(function (r) { return r.ok ? r.text() : ""; })
      .catch(function () { return ""; })
      .then(function (raw) {
        var cut = raw.indexOf("\n"), meta = {}, values = [];
        try { values = JSON.parse(raw.slice(0, cut)); } catch (e) { /* shown without it */ }
        SHOWN.forEach(function (k, i) { meta[k] = values[i] || ""; });
        meta.text = cut < 0 ? "" : raw.slice(cut + 1);
        return { url: meta.url, meta: meta };
      });
  }

  // For the tests: the same search the box runs (every shard), and the tokens it searches with.
  window.ubSearch = {
    find: function (query, chosen) { return find(query, chosen || {}); },
    tokens: function (query) { return load().then(function (s) { return s.tok.queryTokens(query, s.vocab); }); }
  };

  function filters() {
    var f = {};
    selects.forEach(function (s) { if (s.value) f[s.dataset.filter] = s.value; });
    return f;
  }

  function describe(query) {
    var f = filters();
    var narrowed = Object.keys(f).length ? "（已按" + Object.keys(f).map(function (k) { return f[k]; }).join("、") + "筛选）" : "";
    if (!results.length && complete) return "没有找到包含“" + query + "”的公报" + narrowed + "。请换个说法，或减少筛选条件。";
    if (!results.length) return "较新的公报中没有找到" + narrowed + "，可以查找更早的公报。";
    return (complete ? "找到 " : "在较新的公报中找到 ") + results.length + " 篇公报" + narrowed;
  }

  function run() {
    var query = input.value.trim();
    var mine = ++seq;
    if (!query) { clear(); return; }
    drop.hidden = false;
    status.textContent = "正在搜索…";
    current = { query: query, chosen: filters() };
    results = [];
    complete = false;
    shown = 0;
    words = query.split(/\s+/).filter(Boolean);
    page(mine, true).catch(function () {
      if (mine !== seq) return;
      status.textContent = "搜索暂时不可用：请通过网站地址访问本站（直接打开的本地文件无法搜索），或稍后再试。";
    });
  }

  /* The next PAGE results; when those found so far run out, one more step into older shards first. */
  function page(mine, fresh) {
    more.hidden = true;
    var enough = !fresh && (results.length >= shown + PAGE || complete)
      ? Promise.resolve()
      : find(current.query, current.chosen, shown + PAGE, results, STEP).then(function (found) {
        if (mine !== seq) return;
        results = found.results;
        complete = found.complete;
        status.textContent = describe(current.query);
      });
    return enough.then(function () {
      if (mine !== seq) return;
      if (fresh) list.innerHTML = "";
      var next = results.slice(shown, shown + PAGE);
      shown += next.length;
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
        if (mine !== seq) return;
        data.forEach(function (d) { list.appendChild(item(d)); });
        more.hidden = shown >= results.length && complete;
        more.textContent = shown >= results.length ? "查找更早的公报" : "显示更多结果";
        box.dataset.shown = input.value.trim() + "|" + shown; // for the tests: what is on screen
      });
    });
  }

  function clear() {
    results = [];
    complete = true;
    delete box.dataset.shown;
    list.innerHTML = "";
    status.textContent = "";
    more.hidden = true;
    drop.hidden = true;
  }

  /* ---------- one result: title, organisation, year, type, excerpt ---------- */

  function escapeHtml(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function marked(text) {
    var lower = text.toLowerCase();
    var spans = [];
    words.forEach(function (w) {
      var lw = w.toLowerCase(), at = lower.indexOf(lw);
      while (lw && at >= 0) { spans.push([at, at + lw.length]); at = lower.indexOf(lw, at + lw.length); }
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = "", pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) return;
      out += escapeHtml(text.slice(pos, s[0])) + "<mark>" + escapeHtml(text.slice(s[0], s[1])) + "</mark>";
      pos = s[1];
    });
    return out + escapeHtml(text.slice(pos));
  }

  function excerpt(text) {
    var lower = text.toLowerCase(), first = -1;
    words.forEach(function (w) {
      var at = lower.indexOf(w.toLowerCase());
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = Math.max(0, first - 24);
    var end = Math.min(text.length, start + 96);
    return (start > 0 ? "…" : "") + marked(text.slice(start, end)) + (end < text.length ? "…" : "");
  }

  function item(d) {
    var m = d.meta || {};
    var li = document.createElement("li");
    li.className = "ub-search__result";
    var a = document.createElement("a");
    a.href = new URL((m.url || d.url).replace(/^\//, ""), root).href; // the staged file's name is not the address
    a.innerHTML =
      '<span class="ub-search__title">' + marked(m.title || "") + "</span>" +
      '<span class="ub-search__meta">' + [m.org, m.year ? m.year + "年度" : "", m.type].filter(Boolean).map(escapeHtml).join(" · ") + "</span>" +
      '<span class="ub-search__excerpt">' + excerpt(m.text || "") + "</span>";
    li.appendChild(a);
    return li;
  }

  /* ---------- opening, closing, keyboard ---------- */

  function open() {
    box.classList.add("ub-search--open");
    toggle.setAttribute("aria-expanded", "true");
    input.focus();
    load();
  }

  function shut(focusToggle) {
    box.classList.remove("ub-search--open");
    toggle.setAttribute("aria-expanded", "false");
    drop.hidden = true;
    if (focusToggle && getComputedStyle(toggle).display !== "none") toggle.focus();
  }

  function links() {
    return Array.from(list.querySelectorAll("a"));
  }

  toggle.addEventListener("click", function () {
    if (box.classList.contains("ub-search--open")) shut(true); else open();
  });
  close.addEventListener("click", function () { shut(true); });
  input.addEventListener("focus", function () { load(); if (input.value.trim()) drop.hidden = false; });
  input.addEventListener("input", schedule);
  selects.forEach(function (s) { s.addEventListener("change", run); });
  more.addEventListener("click", function () {
    var before = links().length;
    page(seq).then(function () { var l = links()[before]; if (l) l.focus(); });
  });
  box.querySelector("form").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });

  box.addEventListener("keydown", function (e) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (e.key === "Escape") {
      e.preventDefault();
      if (input.value && document.activeElement === input) { input.value = ""; clear(); }
      else { shut(true); if (getComputedStyle(toggle).display === "none") input.focus(); }
    } else if (e.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      e.preventDefault();
      if (all[at + 1]) all[at + 1].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    }
  });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      open();
    }
  });

  document.addEventListener("click", function (e) {
    if (!box.contains(e.target)) { drop.hidden = true; box.classList.remove("ub-search--open"); toggle.setAttribute("aria-expanded", "false"); }
  });
})();
