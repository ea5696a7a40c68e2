"""Feeds of the bulletins, RSS 2.0 (feedgen) and JSON Feed 1.1, written after the build.

- ``feeds/news.xml|json``: the site's news and notices;
- ``feeds/summaries.xml|json``: the site's annual work summaries;
- ``feeds/org-<key>.xml|json``: one organisation's news and notices (every
  organisation gets one, so a reader may subscribe before it publishes);
- ``feeds/sitemap.xml``, an empty sitemap. Material's script fetches
  ``sitemap.xml`` next to the address of every ``<link rel="alternate">`` in a
  page (its language switch reads it; the same code in Zensical:
  zensical/zensical#908), so without this file every page view would ask
  for ``feeds/sitemap.xml`` and get a 404.

Each holds the newest :data:`LIMIT` bulletins. An item's link is the
bulletin's absolute address, its description the summary, its date in Beijing
time (+08:00). A feed's build date is its newest item's date, not the clock,
so two builds of the same content give the same bytes. Feeds need absolute
addresses: without ``site_url`` there are none.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from .catalog import Catalog
from .model import Bulletin
from .pages import PageKind, page_url, src_uri
from .render.metadata import Feed, absolute, published

LIMIT = 50  # items a feed holds: a reader's app wants what is new, not the archive
NEWS_TYPES = ("news", "notice")
#: A fixed date for a feed without items (an organisation that has not published yet): still the same bytes every build.
EPOCH = "2000-01-01T00:00:00+08:00"


@dataclass(frozen=True)
class FeedSpec:
    """One feed: where it is written (``stem``.xml and ``stem``.json), what it is called, what it holds."""

    stem: str  # relative to the site root, without extension
    title: str
    description: str
    home: str  # the page the feed belongs to, absolute
    bulletins: tuple[Bulletin, ...]


def news_stem() -> str:
    return "feeds/news"


def org_stem(key: str) -> str:
    return f"feeds/org-{key}"  # one folder for every feed: one sitemap.xml beside them (see above)


#: What Material's script finds at feeds/sitemap.xml: a valid sitemap without pages.
EMPTY_SITEMAP = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
SITEMAP = "feeds/sitemap.xml"


def site_feeds(site_name: str) -> tuple[Feed, ...]:
    """The feeds every page offers in its head (addresses relative to the site root)."""
    return (
        Feed(f"{site_name}：活动新闻和通知公告", news_stem() + ".xml", "rss"),
        Feed(f"{site_name}：活动新闻和通知公告（JSON Feed）", news_stem() + ".json", "json"),
        Feed(f"{site_name}：工作总结", "feeds/summaries.xml", "rss"),
    )


def org_feeds(org_name: str, key: str) -> tuple[Feed, ...]:
    """The feeds an organisation's page offers besides the site's."""
    return (
        Feed(f"{org_name}：活动新闻和通知公告", org_stem(key) + ".xml", "rss"),
        Feed(f"{org_name}：活动新闻和通知公告（JSON Feed）", org_stem(key) + ".json", "json"),
    )


def feed_specs(catalog: Catalog, site_name: str, site_description: str, site_url: str, use_directory_urls: bool = True) -> list[FeedSpec]:
    """Every feed of the site; none without a site_url."""
    if not site_url:
        return []
    orgs = catalog.config.organisations
    about = site_description or site_name

    def newest(bulletins: Iterable[Bulletin], types: Sequence[str]) -> tuple[Bulletin, ...]:
        return tuple(b for b in bulletins if b.type in types)[:LIMIT]  # the catalog lists newest first

    home = absolute(site_url, "")
    specs = [
        FeedSpec(news_stem(), f"{site_name}：活动新闻和通知公告", about, home, newest(catalog.bulletins, NEWS_TYPES)),
        FeedSpec("feeds/summaries", f"{site_name}：工作总结", about, home, newest(catalog.bulletins, ("summary",))),
    ]
    for key, org in orgs.items():
        specs.append(FeedSpec(
            org_stem(key), f"{org.name}：活动新闻和通知公告", f"{org.name}在{site_name}发布的活动新闻和通知公告",
            absolute(site_url, page_url(src_uri(PageKind.ORG, key), use_directory_urls)), newest(catalog.by_org.get(key, ()), NEWS_TYPES),
        ))
    return specs


def rss(spec: FeedSpec, catalog: Catalog, site_url: str) -> bytes:
    """The feed as RSS 2.0."""
    fg = FeedGenerator()
    fg.title(spec.title)
    fg.link(href=absolute(site_url, spec.stem + ".xml"), rel="self")
    fg.link(href=spec.home, rel="alternate")  # after self: RSS's <link> is the last one given
    fg.description(spec.description)
    fg.language("zh-CN")
    fg.generator("union-bulletin")
    fg.lastBuildDate(published(spec.bulletins[0]) if spec.bulletins else EPOCH)
    orgs = catalog.config.organisations
    for b in spec.bulletins:
        link = absolute(site_url, b.url)
        fe = fg.add_entry(order="append")
        fe.title(b.title)
        fe.link(href=link)
        fe.guid(link, permalink=True)
        if b.summary:
            fe.description(b.summary)
        fe.pubDate(published(b))
        fe.category(term=b.type_label)
        fe.category(term=orgs[b.org].name)
    return fg.rss_str(pretty=True)  # type: ignore[no-any-return]


def json_feed(spec: FeedSpec, catalog: Catalog, site_url: str) -> str:
    """The feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1): a plain JSON document, so no library."""
    orgs = catalog.config.organisations
    items = []
    for b in spec.bulletins:
        link = absolute(site_url, b.url)
        item: dict[str, object] = {"id": link, "url": link, "title": b.title, "content_text": b.summary or b.title}
        if b.summary:
            item["summary"] = b.summary
        item["date_published"] = published(b).isoformat()
        item["authors"] = [{"name": orgs[b.org].name}]
        item["tags"] = [b.type_label]
        items.append(item)
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": spec.title,
        "home_page_url": spec.home,
        "feed_url": absolute(site_url, spec.stem + ".json"),
        "description": spec.description,
        "language": "zh-CN",
        "items": items,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
