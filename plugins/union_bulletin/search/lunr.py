"""The fallback for copies opened without a web server: Material's own search (lunr) with jieba.

Pagefind loads its index over HTTP, so it cannot search a site opened from
disk (file://). ``engine: lunr`` switches to Material's search plugin, which
puts the whole index into the page's JavaScript. For Chinese it needs jieba at
build time to cut the text into words, separated by a zero-width space, and a
separator that splits on that space and on Chinese punctuation; without jieba,
Material indexes every sentence as one word and finds almost nothing, silently.
"""

from __future__ import annotations

from .indexer import SearchError

#: Whitespace, the zero-width space jieba's words are joined with, and Chinese punctuation.
SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；：（）《》“”‘’]+"

JIEBA_MISSING = (
    "bulletin-search 的 engine: lunr 要用 jieba 给中文分词，但没有安装 jieba。"
    "请安装：pip install jieba；不分词的中文索引几乎什么也搜不到"
)


def require_jieba() -> None:
    """Raise SearchError unless jieba can be imported."""
    try:
        import jieba  # noqa: F401
    except ImportError:
        raise SearchError(JIEBA_MISSING) from None
