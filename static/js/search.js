// Site search, offline: the index that loa build writes (internal/search)
// is a set of small scripts, each calling loaSearch.<kind>(...), loaded
// with <script src> as a query needs them, so it works from a web server
// and from a folder opened from disk, under a strict CSP, with no request
// outside the site. Tokens, folding and ranking follow internal/search,
// which holds the reference (Index.Search) that the browser test compares
// this script with; the ranking factors come from the index's meta file.
(function () {
  "use strict";
  var box = document.querySelector("[data-search-index]");
  if (!box) return;
  var form = box.querySelector("form"), input = box.querySelector("input[name=q]");
  var status = box.querySelector("[data-search-status]"), list = box.querySelector("[data-search-results]");
  var moreBtn = box.querySelector("[data-search-more]");
  var base = box.getAttribute("data-search-index"), root = box.getAttribute("data-search-root") || "";
  var PAGE = 10, file = location.protocol === "file:";
  var meta = null, stop = null, got = {}, loading = {}, docs = {}, shards = { w: {}, p: {} };

  // Loading: each file calls one of these with the build it belongs to.
  function keep(kind) {
    return function (build, i, data) { got[kind + i] = [build, data]; };
  }
  window.loaSearch = {
    meta: function (m) { got.meta = [m.build, m]; },
    word: keep("w"), pair: keep("p"), doc: keep("d"),
    query: search, tokens: tokens // for tests and tools
  };
  function load(kind, i) {
    var key = kind === "meta" ? "meta" : kind + i;
    if (!loading[key]) {
      loading[key] = new Promise(function (ok, fail) {
        var s = document.createElement("script");
        s.src = base + (kind === "meta" ? "meta.js" : kind + "/" + i + ".js");
        s.onload = function () {
          var g = got[key];
          delete got[key];
          s.remove();
          if (g && (kind === "meta" || g[0] === meta.build)) ok(g[1]);
          else fail(new Error("stale"));
        };
        s.onerror = function () { fail(new Error("missing " + s.src)); };
        document.head.appendChild(s);
      });
    }
    return loading[key];
  }
  function ready() {
    return load("meta").then(function (m) {
      if (!meta) {
        tokens("Đổi mới 1"); // compiles the character classes before the first query
        meta = m;
        stop = {};
        m.stop.forEach(function (w) { stop[w] = 1; });
        m.stopFolded.forEach(function (w) { stop["\0" + w] = 1; });
      }
    });
  }

  // Tokens and folding (token.go, vntext.Fold). Each character's class,
  // lower case and folded form is worked out once, then looked up.
  var WORD = /[\p{L}\p{N}\p{M}]/u, MARK = /\p{M}/u, MN = /\p{Mn}/gu, ONEMN = /^\p{Mn}$/u, LETTER = /\p{L}/u;
  var SPACE = /[ \t\r\f\v\x85\p{Z}]/u, ALNUM = /[A-Za-z0-9]/;
  var W = 1, M = 2, L = 4, S = 8, D = 16, BMP = [], ASTRAL = new Map();
  function foldChar(c) {
    if (c < "\x80") return ALNUM.test(c) ? c.toLowerCase() : "";
    if (c === "đ" || c === "Đ") return "d";
    if (ONEMN.test(c)) return "";
    return c.toLowerCase().normalize("NFD").replace(MN, "");
  }
  function utf8len(s) {
    var n = 0;
    for (var c of s) { var p = c.codePointAt(0); n += p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4; }
    return n;
  }
  function make(c) {
    var l = c.toLowerCase();
    return {
      f: (WORD.test(c) ? W : 0) | (MARK.test(c) ? M : 0) | (LETTER.test(c) ? L : 0) | (SPACE.test(c) ? S : 0) | (c >= "0" && c <= "9" ? D : 0),
      c: c, lower: l, fold: foldChar(c), bytes: utf8len(l), n: c.length
    };
  }
  var NONE = { f: 0, c: "", lower: "", fold: "", bytes: 0, n: 0 };
  function info(s, i) {
    if (i >= s.length) return NONE;
    var u = s.charCodeAt(i);
    if (u < 0xD800 || u > 0xDFFF) return BMP[u] || (BMP[u] = make(s[i]));
    var c = String.fromCodePoint(s.codePointAt(i)), k = ASTRAL.get(c);
    if (!k) ASTRAL.set(c, k = make(c));
    return k;
  }
  function tokens(s) {
    var out = [], i = 0, n = s.length, joined = false, k;
    for (;;) {
      while (i < n) {
        k = info(s, i);
        if ((k.f & (W | M)) === W) break;
        if (!(k.f & S)) joined = false;
        i += k.n;
      }
      if (i >= n) return out;
      var start = i, exact = "", folded = "", prev = NONE, bytes = 0, end = false, marks = false;
      while (i < n && !end) {
        k = info(s, i);
        var c = k.c;
        if (k.f & W) marks = marks || !!(k.f & M);
        else if ((c === "." || c === ",") && (prev.f & D) && (info(s, i + 1).f & D)) { /* 4.0 */ }
        else if (c === "&" && (prev.f & L) && (info(s, i + 1).f & L)) { /* r&d */ }
        else if (c === "%" && (prev.f & D)) end = true;
        else break;
        if (bytes < 40) {
          exact += k.lower;
          bytes += k.bytes;
          folded += k.fold;
        }
        prev = k;
        i += k.n;
      }
      if (folded) out.push({ exact: marks ? exact.normalize("NFC") : exact, folded: folded, start: start, end: i, joined: joined });
      joined = !!folded; // a token with nothing to fold is skipped
    }
  }

  // Ranking (rank.go, match.go).
  function decompose(c) {
    if (c === "đ") return ["d", "\u0335"];
    if (c === "%" || c === "." || c === "," || c === "&") return [c, c];
    var d = Array.from(c.normalize("NFD"));
    return [d[0], d.slice(1).join("")];
  }
  function markClass(q, f) {
    if (f.lastIndexOf(q, 0) === 0) return 0;
    var qs = Array.from(q), fs = Array.from(f), marked = false, subset = qs.length <= fs.length;
    for (var i = 0; i < qs.length; i++) {
      var a = decompose(qs[i]);
      if (a[1]) marked = true;
      if (subset) {
        var b = decompose(fs[i]);
        subset = a[0] === b[0] && Array.from(a[1]).every(function (m) { return b[1].indexOf(m) >= 0; });
      }
    }
    return !marked ? 0 : subset ? 1 : 2;
  }
  function parseQuery(q) {
    q = q.normalize("NFC");
    var t = tokens(q).slice(0, 16);
    t.forEach(function (x) { x.stop = !!(stop[x.exact] || (x.exact === x.folded && stop["\0" + x.folded])); });
    if (t.length) {
      t[t.length - 1].prefix = t[t.length - 1].end === q.length;
      t[0].joined = false;
    }
    return t;
  }
  function shardOf(seps, key) {
    var lo = 0, hi = seps.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (seps[m] <= key) lo = m + 1; else hi = m; }
    return Math.max(0, lo - 1);
  }
  function parseShard(s) {
    var m = new Map();
    if (s) s.split("~").forEach(function (es) {
      var parts = es.split("|"), e = { key: parts[0], idf: num(parts[1], [0])[0], forms: [] };
      for (var k = 2; k < parts.length; k += 2) e.forms.push({ text: parts[k] || e.key, raw: parts[k + 1], post: null });
      m.set(e.key, e);
    });
    return m;
  }
  var DIG = {};
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".split("").forEach(function (c, i) { DIG[c] = i; });
  function num(s, pos) {
    var v = 0, mul = 1, d;
    do { d = DIG[s[pos[0]++]]; v += (d & 31) * mul; mul *= 32; } while (d >= 32);
    return [v];
  }
  function postings(f) {
    if (!f.post) {
      var s = f.raw, pos = [0], out = [], page = -1;
      while (pos[0] < s.length) { page += num(s, pos)[0] + 1; out.push(page, num(s, pos)[0]); }
      f.post = out;
    }
    return f.post;
  }
  function lookup(kind, key, prefix) {
    var seps = kind === "w" ? meta.words : meta.pairs;
    if (!seps.length) return Promise.resolve([]);
    var lo = shardOf(seps, key), hi = lo;
    if (prefix) {
      while (hi + 1 < seps.length && seps[hi + 1].lastIndexOf(key, 0) === 0) hi++;
      if (hi - lo + 1 > meta.prefixShards) { prefix = false; hi = lo; }
    }
    var ps = [];
    for (var i = lo; i <= hi; i++) ps.push(shard(kind, i));
    return Promise.all(ps).then(function (ms) {
      var out = [];
      ms.forEach(function (m) {
        if (!prefix) { if (m.has(key)) out.push({ e: m.get(key), partial: 0 }); return; }
        var keys = [];
        m.forEach(function (e, k) { if (k.lastIndexOf(key, 0) === 0) keys.push(k); });
        keys.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }).forEach(function (k) {
          out.push({ e: m.get(k), partial: k === key ? 0 : 1 });
        });
      });
      return out;
    });
  }
  function shard(kind, i) {
    if (!shards[kind][i]) shards[kind][i] = load(kind, i).then(parseShard);
    return shards[kind][i];
  }
  function search(q) {
    return ready().then(function () {
      var toks = parseQuery(q), jobs = [];
      toks.forEach(function (t, i) {
        jobs.push(lookup("w", t.folded, t.prefix).then(function (c) { return [c, t, 1 << i, 0]; }));
        if (i > 0 && t.joined) {
          jobs.push(lookup("p", toks[i - 1].folded + " " + t.folded, t.prefix).then(function (c) { return [c, t, 3 << (i - 1), 1]; }));
        }
      });
      return Promise.all(jobs).then(function (all) { return rank(toks, all); });
    });
  }
  function rank(toks, all) {
    var n = meta.pages, score = new Float64Array(n), mask = new Uint32Array(n), best = new Float64Array(n), content = 0;
    all.forEach(function (job) {
      var touched = [], t = job[1];
      job[0].forEach(function (c) {
        c.e.forms.forEach(function (f) {
          var k = job[3] ? meta.bigram * c.e.idf * meta.prefix[c.partial]
            : c.e.idf * meta.mark[markClass(t.exact, f.text)] * meta.prefix[c.partial];
          var p = postings(f);
          for (var j = 0; j < p.length; j += 2) {
            var page = p[j], s = k * p[j + 1];
            if (best[page] === 0) touched.push(page);
            if (s > best[page]) best[page] = s;
          }
        });
      });
      touched.forEach(function (page) { score[page] += best[page]; mask[page] |= job[2]; best[page] = 0; });
    });
    toks.forEach(function (t, i) { if (!t.stop) content |= 1 << i; });
    if (!content) content = (1 << toks.length) - 1;
    var out = [];
    for (var page = 0; page < n; page++) {
      if (mask[page]) out.push({ page: page, score: score[page], cover: bits(mask[page] & content) });
    }
    out.sort(function (a, b) { return b.cover - a.cover || b.score - a.score || a.page - b.page; });
    return out;
  }
  function bits(m) { var c = 0; for (; m; m &= m - 1) c++; return c; }

  // Results.
  var shown = [], results = [], seq = 0, toks = [];
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function matches(t, q) { return t.folded === q.folded || (q.prefix && t.folded.lastIndexOf(q.folded, 0) === 0); }
  // mark appends text to parent, the syllables that match in <mark>.
  function mark(parent, text, from, to) {
    var last = from;
    tokens(text.slice(from, to)).forEach(function (t) {
      if (!toks.some(function (q) { return matches(t, q); })) return;
      parent.appendChild(document.createTextNode(text.slice(last, from + t.start)));
      parent.appendChild(el("mark", "", text.slice(from + t.start, from + t.end)));
      last = from + t.end;
    });
    parent.appendChild(document.createTextNode(text.slice(last, to)));
  }
  // snippet finds the window of about 24 syllables of text with the most
  // query syllables: {from, to, cut before, cut after, score}, or null.
  function snippet(text, ts) {
    var W = 24, at = -1, top = 0;
    var hit = ts.map(function (t) {
      for (var i = 0; i < toks.length; i++) if (matches(t, toks[i])) return i + 1;
      return 0;
    });
    for (var i = 0; i < ts.length; i++) {
      if (!hit[i]) continue;
      var seen = {}, s = 0;
      for (var j = i; j < Math.min(ts.length, i + W); j++) if (hit[j]) { s += seen[hit[j]] ? 1 : 10; seen[hit[j]] = 1; }
      if (s > top) { top = s; at = i; }
    }
    if (at < 0) return null;
    var a = Math.max(0, at - 4), b = Math.min(ts.length - 1, a + W - 1);
    return { from: a ? ts[a].start : 0, to: b < ts.length - 1 ? ts[b].end : text.length, pre: a > 0, post: b < ts.length - 1, score: top };
  }
  function href(u) {
    var h = root + u;
    return file && (h === "" || h.slice(-1) === "/") ? h + "index.html" : h;
  }
  function item(d) {
    var li = el("li", "search-result kind-" + d[2]), a = el("a"), t = el("span", "search-title");
    a.href = href(d[0]);
    mark(t, d[1], 0, d[1].length);
    a.appendChild(t);
    li.appendChild(a);
    li.appendChild(el("span", "search-kind", d[3]));
    // A page's syllables are found once, not at every keystroke: on a
    // phone that is most of a query's time.
    if (!d.tokens) d.tokens = [tokens(d[4]), tokens(d[5])];
    var text = d[4], w = snippet(d[4], d.tokens[0]), wb = snippet(d[5], d.tokens[1]);
    if (wb && (!w || wb.score > w.score)) { text = d[5]; w = wb; }
    if (!w) w = { from: 0, to: text.length };
    var p = el("p", "search-snippet");
    if (w.pre) p.appendChild(document.createTextNode("… "));
    mark(p, text, w.from, w.to);
    if (w.post) p.appendChild(document.createTextNode(" …"));
    li.appendChild(p);
    return li;
  }
  // showMore shows the next PAGE results, replacing the list when fresh.
  function showMore(my, fresh) {
    var next = results.slice(shown.length, shown.length + PAGE);
    return Promise.all(next.map(function (r) {
      if (!docs[r.page]) docs[r.page] = load("d", r.page);
      return docs[r.page];
    })).then(function (ds) {
      if (my !== seq) return false;
      var frag = document.createDocumentFragment();
      ds.forEach(function (d, i) { frag.appendChild(item(d)); shown.push(next[i]); });
      if (fresh) list.replaceChildren(frag); else list.appendChild(frag);
      moreBtn.hidden = shown.length >= results.length;
      return true;
    });
  }
  function say(s) { status.textContent = s; }
  function run(q) {
    var my = ++seq, t0 = performance.now();
    if (!q.trim()) { list.textContent = ""; moreBtn.hidden = true; say(""); return Promise.resolve(); }
    return search(q).then(function (r) {
      if (my !== seq) return;
      toks = parseQuery(q);
      results = r;
      shown = [];
      return showMore(my, true).then(function (ok) {
        if (!ok) return;
        say(r.length ? "Tìm thấy " + String(r.length).replace(/\B(?=(\d{3})+$)/g, ".") + " kết quả cho “" + q + "”." : "Không tìm thấy kết quả nào cho “" + q + "”.");
        box.setAttribute("data-search-ms", String(Math.round(performance.now() - t0)));
        box.setAttribute("data-search-done", q);
      });
    }).catch(function (e) {
      if (my === seq) say(e.message === "stale" ? "Chỉ mục tìm kiếm vừa được cập nhật: hãy tải lại trang." : "Không tải được chỉ mục tìm kiếm.");
    });
  }
  function setURL(q) {
    try { history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q).replace(/%20/g, "+") : location.pathname); } catch (e) { /* file: */ }
  }

  // Wiring: live results while typing, the address follows the query.
  // Every keystroke searches: a query costs a few milliseconds once its
  // shards are loaded, and loading them while the reader types means
  // they are there when the query is complete.
  box.querySelectorAll("[data-search-nojs]").forEach(function (e) { e.hidden = true; });
  box.querySelectorAll("[data-search-js]").forEach(function (e) { e.hidden = false; });
  input.addEventListener("input", function () { setURL(input.value); run(input.value); });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    setURL(input.value);
    run(input.value);
  });
  moreBtn.addEventListener("click", function () {
    var first = shown.length;
    showMore(seq).then(function () { var a = list.children[first]; if (a) a.querySelector("a").focus(); });
  });
  box.addEventListener("keydown", function (ev) {
    var links = Array.from(list.querySelectorAll("a")), i = links.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && (ev.target === input || i >= 0)) {
      if (links[i + 1]) links[i + 1].focus();
      ev.preventDefault();
    } else if (ev.key === "ArrowUp" && i >= 0) {
      (i > 0 ? links[i - 1] : input).focus();
      ev.preventDefault();
    } else if (ev.key === "Escape" && i >= 0) {
      input.focus();
    }
  });
  var q0 = new URLSearchParams(location.search).get("q");
  if (q0) { input.value = q0; run(q0); }
  else ready().catch(function () { say("Không tải được chỉ mục tìm kiếm."); });
})();
