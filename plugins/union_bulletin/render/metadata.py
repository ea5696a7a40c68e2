"""What a page tells other programs about itself, and the footer that says who publishes the site.

- Open Graph tags (``og:title``, ``og:url``, ``og:image``…), which WeChat and
  other apps read when a link is shared;
- the metadata Chinese government disclosure sites carry (``SiteName``;
  ``ArticleTitle``, ``PubDate``, ``ContentSource`` on an article;
  ``ColumnName`` on a column, that is, an index page);
- ``<link rel="alternate">`` to the feeds;
- a footer block with the publisher, the contact and the ICP filing number,
  linked to the filing site (a link only: the page requests nothing from it).

Tags whose value must be an absolute address (``og:url``, ``og:image``) are
left out when the site has no ``site_url``, and so are the feed links (there are
no feeds without one). A feed link's address is relative to the page, so that
a preview or a copy on another host never asks the public host for anything
(Material's script fetches ``sitemap.xml`` beside every ``rel="alternate"``). Plain string
work on the finished HTML, like :mod:`reader`, so it reaches every page
whichever template made it, and a site's own ``main.html`` cannot lose it.
Every value is escaped here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urljoin

from ..model import Bulletin
from .splice import splice

#: China has kept UTC+8 all year since 1991, so a fixed offset is Asia/Shanghai for any date a bulletin has
#: (and needs no time-zone database, which Windows lacks).
SHANGHAI = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")
#: Where an ICP filing number is looked up (工业和信息化部 ICP/IP 地址/域名信息备案管理系统).
ICP_SITE = "https://beian.miit.gov.cn/"
MARK = '<meta name="SiteName"'  # a page that has it has our tags already
FOOTER_AT = '<div class="md-footer-meta__inner md-grid">'


@dataclass(frozen=True)
class Feed:
    """A feed offered in a page's head."""

    title: str
    url: str  # relative to the site root, or to the page in a PageFacts (see the plugin)
    kind: str  # "rss" or "json"

    @property
    def media_type(self) -> str:
        return "application/rss+xml" if self.kind == "rss" else "application/feed+json"


@dataclass(frozen=True)
class PageFacts:
    """What the head says about one page. ``url`` is absolute or ""; so is ``image``."""

    site_name: str
    title: str
    description: str = ""
    url: str = ""
    image: str = ""
    image_size: tuple[int, int] | None = None  # a share card's width and height (a cover's or logo's are not given)
    image_alt: str = ""
    article: Bulletin | None = None  # a bulletin page
    source: str = ""  # a bulletin's organisation (信息来源)
    column: str = ""  # an index page's name (栏目)
    feeds: tuple[Feed, ...] = ()


def published(b: Bulletin) -> dt.datetime:
    """A bulletin's publication time in Beijing time; midnight when it gives only a date."""
    return dt.datetime.combine(b.date, b.time or dt.time(0, 0), tzinfo=SHANGHAI)


def absolute(site_url: str, path: str) -> str:
    """``path`` (relative to the site root, as written) as an absolute address; "" without a site_url."""
    if not site_url:
        return ""
    return urljoin(site_url.rstrip("/") + "/", quote(path.lstrip("/"), safe="/%#?=&:~"))


def image_for(site_url: str, b: Bulletin | None, logo: str) -> str:
    """The picture a shared link shows when the page has no share card: the bulletin's cover, else the site's logo;
    "" when neither or no site_url."""
    if b is not None and b.cover is not None:
        return absolute(site_url, b.cover.path)
    return absolute(site_url, logo) if logo else ""


def head_tags(p: PageFacts) -> str:
    """The tags, one a line, in the order readers of the HTML expect: ours, then Open Graph, then feeds."""
    tags = [_meta("name", "SiteName", p.site_name)]
    if p.article is not None:
        tags.append(_meta("name", "ArticleTitle", p.title))
        tags.append(_meta("name", "PubDate", published(p.article).strftime("%Y-%m-%d %H:%M")))
        if p.source:
            tags.append(_meta("name", "ContentSource", p.source))
    if p.column:
        tags.append(_meta("name", "ColumnName", p.column))
    tags.append(_meta("property", "og:site_name", p.site_name))
    tags.append(_meta("property", "og:locale", "zh_CN"))
    tags.append(_meta("property", "og:type", "article" if p.article is not None else "website"))
    tags.append(_meta("property", "og:title", p.title))
    if p.description:
        tags.append(_meta("property", "og:description", p.description))
    if p.url:
        tags.append(_meta("property", "og:url", p.url))
    if p.image:
        tags.append(_meta("property", "og:image", p.image))
        if p.image_size is not None:
            tags.append(_meta("property", "og:image:width", str(p.image_size[0])))
            tags.append(_meta("property", "og:image:height", str(p.image_size[1])))
        if p.image_alt:
            tags.append(_meta("property", "og:image:alt", p.image_alt))
    if p.article is not None:
        tags.append(_meta("property", "article:published_time", published(p.article).isoformat()))
    for f in p.feeds:
        tags.append(f'<link rel="alternate" type="{f.media_type}" title="{escape(f.title)}" href="{escape(f.url)}">')
    return "\n".join(tags) + "\n"


def _meta(attr: str, name: str, content: str) -> str:
    return f'<meta {attr}="{name}" content="{escape(content)}">'


def add_head_tags(html: str, tags: str) -> str:
    """Put ``tags`` at the end of the head (once)."""
    return splice(html, "</head>", tags, unless=MARK)


def footer(publisher: str, contact: str, icp: str) -> str:
    """The footer block: 主办单位, 联系方式, the ICP number linked to the filing site; "" when site.yml gives none."""
    parts = []
    if publisher:
        parts.append(f'<span class="ub-footer__item">主办单位：{escape(publisher)}</span>')
    if contact:
        parts.append(f'<span class="ub-footer__item">联系方式：{escape(contact)}</span>')
    if icp:
        parts.append(f'<span class="ub-footer__item"><a href="{ICP_SITE}" rel="noopener">{escape(icp)}</a></span>')
    return f'<div class="ub-footer">{"".join(parts)}</div>' if parts else ""


def add_footer(html: str, block: str) -> str:
    """Put ``block`` first in the theme's footer (before the copyright line)."""
    return splice(html, FOOTER_AT, block, unless='class="ub-footer"', after=True)
