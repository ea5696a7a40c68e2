/* union-bulletin: the search token rule in the browser.
 *
 * The same rule as union_bulletin/search/tokens.py, driven by the same
 * constants: the build writes them into pagefind/ub-search.json ("rule") and
 * search.js hands them to ubTokens.make(). tests/test_token_parity.py runs
 * this file under node and the Python module on thousands of generated
 * strings and requires identical tokens.
 *
 * A classic script: in the browser it sets window.ubTokens; under node it is
 * a CommonJS module.
 */
(function (root) {
  "use strict";

  function make(rule) {
    var ranges = rule.ranges, alphabet = rule.alphabet, width = rule.width;
    var prefix = rule.word_prefix, minTerm = rule.min_term;
    var base = alphabet.length;

    function hex(n) { var h = n.toString(16); return "\\u" + "0000".slice(h.length) + h; }
    var cls = ranges.map(function (r) { return r[0] === r[1] ? hex(r[0]) : hex(r[0]) + "-" + hex(r[1]); }).join("");
    var hanRun = new RegExp("^[" + cls + "]+$", "u");

    function codeOf(ch) {
      var o = ch.codePointAt(0);
      for (var i = 0; i < ranges.length; i++) {
        if (o >= ranges[i][0] && o <= ranges[i][1]) {
          var n = ranges[i][2] + o - ranges[i][0], out = "";
          for (var k = 0; k < width; k++) { out = alphabet[n % base] + out; n = Math.floor(n / base); }
          return out;
        }
      }
      throw new Error("not a Han character: " + ch);
    }

    function hanToken(chars) { return Array.from(chars).map(codeOf).join(""); }

    function normalise(text) { return text.normalize("NFKC").toLowerCase(); }

    /* Han runs and other runs of letters and digits, in order: [[isHan, text], ...]. */
    function pieces(text) {
      var re = new RegExp("([" + cls + "]+)|((?:(?![" + cls + "])[\\p{L}\\p{N}])+)", "gu");
      var out = [], m;
      while ((m = re.exec(text)) !== null) out.push(m[1] ? [true, m[1]] : [false, m[2]]);
      return out;
    }

    /* The vocabulary as tokens.py keeps it: terms of min_term characters or more, in their order. */
    function vocabulary(terms) {
      var rank = new Map(), byStart = new Map(), longest = 0;
      (terms || []).forEach(function (t) {
        var chars = Array.from(t);
        if (chars.length < minTerm || rank.has(t)) return;
        rank.set(t, rank.size);
        var start = chars[0] + chars[1];
        if (!byStart.has(start)) byStart.set(start, []);
        byStart.get(start).push(t);
        longest = Math.max(longest, chars.length);
      });
      return { rank: rank, byStart: byStart, longest: longest };
    }

    /* The tokens that index a text (cap: at most that many of each token). */
    function textTokens(text, vocab, cap) {
      var out = [], found = new Set(), first = new Set(), all = pieces(normalise(text));
      /* A run's last character alone only where no pair of the text starts with it (tokens.py says why). */
      all.forEach(function (p) { if (p[0]) Array.from(p[1]).slice(0, -1).forEach(function (ch) { first.add(ch); }); });
      all.forEach(function (p) {
        if (!p[0]) { out.push(prefix + p[1]); return; }
        var run = Array.from(p[1]), n = run.length;
        for (var i = 0; i < n - 1; i++) out.push(hanToken(run[i] + run[i + 1]));
        if (!first.has(run[n - 1])) out.push(hanToken(run[n - 1]));
        for (var j = 0; j < n - 2; j++) {
          (vocab.byStart.get(run[j] + run[j + 1]) || []).forEach(function (term) {
            var t = Array.from(term);
            if (run.slice(j, j + t.length).join("") === term) found.add(term);
          });
        }
      });
      Array.from(found).sort(function (a, b) { return vocab.rank.get(a) - vocab.rank.get(b); })
        .forEach(function (t) { out.push(hanToken(t)); });
      if (cap === undefined || cap === null) return out;
      var seen = new Map(), kept = [];
      out.forEach(function (t) {
        var k = seen.get(t) || 0;
        if (k < cap) { seen.set(t, k + 1); kept.push(t); }
      });
      return kept;
    }

    /* The tokens a query is searched with: vocabulary terms first (longest first), the rest as pairs. */
    function queryTokens(query, vocab) {
      var out = [];
      pieces(normalise(query)).forEach(function (p) {
        if (!p[0]) { out.push(prefix + p[1]); return; }
        var run = Array.from(p[1]), parts = [], gap = 0, i = 0;
        while (i < run.length) {
          var size = 0;
          for (var n = Math.min(vocab.longest, run.length - i); n >= minTerm; n--) {
            if (vocab.rank.has(run.slice(i, i + n).join(""))) { size = n; break; }
          }
          if (size) {
            if (gap < i) parts.push([gap, i, false]);
            parts.push([i, i + size, true]);
            i += size;
            gap = i;
          } else {
            i += 1;
          }
        }
        if (gap < run.length) parts.push([gap, run.length, false]);
        parts.forEach(function (q) {
          var start = q[0], end = q[1];
          if (q[2]) out.push(hanToken(run.slice(start, end).join("")));
          else if (end - start >= 2) for (var k = start; k < end - 1; k++) out.push(hanToken(run[k] + run[k + 1]));
          else if (run.length === 1) out.push(hanToken(run[0]));
          else { var j = start > 0 ? start - 1 : start; out.push(hanToken(run[j] + run[j + 1])); }
        });
      });
      return Array.from(new Set(out));
    }

    /* A vocabulary term as the settings send it: normalised, all Han, long enough. */
    function isTerm(t) { return Array.from(t).length >= minTerm && hanRun.test(t); }

    return { normalise: normalise, vocabulary: vocabulary, textTokens: textTokens, queryTokens: queryTokens, isTerm: isTerm };
  }

  var api = { make: make };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.ubTokens = api;
})(this);
