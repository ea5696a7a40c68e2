"""Keep what an author pasted into a page from running in a reader's browser.

Bulletins are often pasted from word processors and web pages; Markdown lets
raw HTML through. The rendered body of every page is cleaned by an allow-list
HTML sanitizer (nh3, bindings to the Rust ammonia library, which parses HTML
as browsers do). Text, headings, lists, tables, images, links and media stay;
scripts, frames, forms, event handlers and ``javascript:`` links go. Each kind
of thing removed is reported once per page, so the author learns why it is
missing from the published page.
"""

from __future__ import annotations

from html.parser import HTMLParser

import nh3

from .cache import Memo, digest
from .problems import Problem

_TAGS = set(nh3.ALLOWED_TAGS) | {"tfoot", "video", "audio", "source", "track", "picture"}
_GENERIC = {"id", "class", "title", "lang", "dir", "style", "align", "width", "height", "role", "aria-label", "aria-hidden"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": _GENERIC,
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "hreflang", "rel", "target", "download"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "video": {"src", "controls", "poster", "preload", "muted", "loop"},
    "audio": {"src", "controls", "preload", "loop"},
    "source": {"src", "type", "srcset", "media"},
    "track": {"src", "kind", "label", "srclang"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "data": {"value"},
}
#: Layout properties a table or an image may carry; nothing that loads a resource (no url()).
_STYLE = {"text-align", "vertical-align", "width", "height", "max-width", "min-width", "color", "background-color",
          "font-weight", "font-style", "text-decoration", "white-space", "margin", "padding", "border", "float"}
_SCHEMES = {"http", "https", "mailto", "tel"}

#: Elements whose whole purpose is to run, embed or submit something.
_ACTIVE = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
           "textarea", "select", "style", "link", "meta", "base", "svg", "math", "template", "portal", "noscript"}
_URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset", "xlink:href"}


#: Cleaned pages kept between builds of one process (a preview rebuilds after every edit), by the HTML's hash.
CLEANED_KEPT = 16_384
_cleaned: Memo[str, tuple[str, tuple[str, ...]]] = Memo(CLEANED_KEPT)


def clean(html: str) -> tuple[str, list[str]]:
    """The HTML with everything active removed, and what was removed, in Chinese, once per kind."""
    if "<" not in html:
        return html, []
    key = digest(html)
    kept = _cleaned.get(key)
    if kept is None:
        cleaned, found = _clean(html)
        kept = (cleaned, tuple(found))
        _cleaned.put(key, kept)
    return kept[0], list(kept[1])


def _clean(html: str) -> tuple[str, list[str]]:
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties=_STYLE,
        attribute_filter=_attribute,
    )
    if cleaned == html:
        return cleaned, []  # nothing was taken out, so there is nothing to name (most pages: no second parse)
    scan = _Scan()
    scan.feed(html)
    scan.close()
    return cleaned, scan.found


def _foreign_schemes(name: str, value: str) -> list[str]:
    """The schemes other than _SCHEMES among the links of a URL attribute (srcset: "a.png 1x, b.png 2x")."""
    found = []
    for link in value.split(",") if name == "srcset" else (value,):
        scheme = link.strip().split(":", 1)[0].lower() if ":" in link else ""
        if scheme.isalpha() and scheme not in _SCHEMES:
            found.append(scheme)
    return found


def _loads(style: str) -> bool:
    """Whether a style attribute loads something (url())."""
    return "url(" in style.replace(" ", "").lower()


def _attribute(tag: str, name: str, value: str) -> str | None:
    """Drop two things nh3 keeps as they are although _Scan names them as removed: a srcset with a link of
    another scheme (javascript:, data:) and a style that loads something (url(), even inside color)."""
    if (name == "srcset" and _foreign_schemes(name, value)) or (name == "style" and _loads(value)):
        return None
    return value


class _Scan(HTMLParser):
    """Names what the sanitizer will take out, for the author's message."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def _add(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _ACTIVE:
            self._add(f"<{tag}> 标签")
        for name, value in attrs:
            if name.startswith("on"):
                self._add(f"事件属性 {name}")
            elif name in _URL_ATTRS and value is not None:
                for scheme in _foreign_schemes(name, value):
                    self._add(f"{scheme}: 链接")
            elif name == "style" and value and _loads(value):
                self._add("样式中的 url()")


def removal_problem(shown: str, what: str) -> Problem:
    """What the author is told about one kind of thing removed from a page."""
    return Problem(shown, "正文", what, "文字、图片、表格、链接等可发布的内容", "发布的页面中已删去；确需嵌入的内容请联系网站维护人员")
