/* union-bulletin: reader controls on every page.
   - 大字 (large-text mode) in the header: larger text, stronger contrast, larger tap targets;
     remembered in localStorage. The inline script in the head applies it before the first
     paint; this file adds the button.
   - 打印本页 at the top of the content; before printing, the print date, the page's address
     and every link's address are filled in, and each printed sheet gets a running header
     and footer (CSS @page margin boxes). Asks no other host. */
(function () {
  "use strict";
  var KEY = "ub-large";
  var root = document.documentElement;

  function remember(on) {
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (e) { /* storage blocked: the mode still works on this page */ }
  }

  var header = document.querySelector(".md-header__inner");
  if (header) {
    var large = document.createElement("button");
    large.type = "button";
    large.className = "ub-large-toggle md-header__button";
    large.textContent = "大字";
    large.title = "大字模式：字更大，对比更强";
    large.setAttribute("aria-pressed", String(root.classList.contains("ub-large")));
    large.addEventListener("click", function () {
      var on = !root.classList.contains("ub-large");
      root.classList.toggle("ub-large", on);
      large.setAttribute("aria-pressed", String(on));
      remember(on);
    });
    var title = header.querySelector(".md-header__title");
    header.insertBefore(large, title ? title.nextSibling : null);
  }

  var content = document.querySelector(".md-content__inner");
  if (content) {
    var print = document.createElement("button");
    print.type = "button";
    print.className = "ub-print-button";
    print.textContent = "打印本页";
    print.addEventListener("click", function () { window.print(); });
    var info = content.querySelector(".ub-print-info");
    content.insertBefore(print, info ? info.nextSibling : content.firstChild);
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日";
  }

  function quoted(text) {
    return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/[\r\n]+/g, " ") + '"';
  }

  function text(selector) {
    var e = document.querySelector(selector);
    return e ? e.textContent.trim() : "";
  }

  // The page's public address (the canonical URL the build wrote, when the site has a site_url);
  // links to this site print under the same public host, even when read from a copy or a local server.
  var canonical = (document.querySelector(".ub-print-info__url") || {}).textContent || "";
  var publicRoot = "";
  if (canonical && canonical.slice(-location.pathname.length) === location.pathname) {
    publicRoot = canonical.slice(0, canonical.length - location.pathname.length);
  }

  function printedAddress(a) {
    if (publicRoot && a.origin === location.origin) return publicRoot + a.pathname + a.search + a.hash;
    return a.href;
  }

  function prepare() {
    var date = document.querySelector(".ub-print-info__date");
    if (date) date.textContent = today();
    var url = document.querySelector(".ub-print-info__url");
    if (url && !url.textContent.trim()) url.textContent = location.href;
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var href = a.getAttribute("href");
      if (!href || href.charAt(0) === "#" || !/^https?:/.test(a.href)) continue;
      var shown = printedAddress(a);
      if (a.textContent.trim() === shown) continue;
      a.setAttribute("data-ub-href", shown);
    }
    var style = document.getElementById("ub-page-style");
    if (!style) {
      style = document.createElement("style");
      style.id = "ub-page-style";
      style.media = "print";
      document.head.appendChild(style);
    }
    var site = text(".ub-print-info__site");
    var publisher = text(".ub-print-info__publisher");
    var address = url ? url.textContent.trim() : location.href;
    var box = "font-size: 8pt; color: #333;";
    style.textContent =
      "@page {" +
      " @top-left { content: " + quoted(site + (publisher ? "　" + publisher : "")) + "; " + box + " }" +
      " @top-right { content: " + quoted("打印日期：" + today()) + "; " + box + " }" +
      " @bottom-left { content: " + quoted(address) + "; width: 80%; " + box + " }" +
      ' @bottom-right { content: counter(page) " / " counter(pages); width: 20%; ' + box + " }" +
      " }";
  }

  prepare();
  window.addEventListener("beforeprint", prepare);

  // GLightbox adds its viewer to the body when a photo is first opened, with English button labels.
  var LABELS = { Close: "关闭", Next: "下一张", Previous: "上一张" };
  new MutationObserver(function () {
    document.querySelectorAll(".glightbox-container .gbtn[aria-label]").forEach(function (b) {
      var label = LABELS[b.getAttribute("aria-label")];
      if (label) { b.setAttribute("aria-label", label); b.title = label; }
    });
  }).observe(document.body, { childList: true });
})();
