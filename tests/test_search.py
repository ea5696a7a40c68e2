"""bulletin-search without a browser: the token rule, the search documents, real builds with both engines."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Site, fragments, serving
from union_bulletin.search import indexer
from union_bulletin.search.documents import TITLE_WEIGHT, SearchDocument, excerpt_text, page, plain_text, render, section, shown_file
from union_bulletin.search.indexer import SearchError, Stage
from union_bulletin.search.tokens import HAN_RANGES, han_token, query_tokens, text_tokens
from union_bulletin.search.vocabulary import UNION_TERMS, build_vocabulary

VOCAB = build_vocabulary(UNION_TERMS, ["岚湾镇总工会"])


def tok(chars: str) -> str:
    return han_token(chars)


# ---------------------------------------------------------------- tokens


def test_a_han_run_is_indexed_as_its_pairs_and_its_last_character() -> None:
    assert text_tokens("送温暖") == [tok("送温"), tok("温暖"), tok("暖")]


def test_a_last_character_that_starts_a_pair_of_the_text_is_not_indexed_alone() -> None:
    """A one-character query finds 暖 by the start of 暖冬; 工 ends a run and starts no pair, so it stays."""
    assert text_tokens("送温暖，暖冬") == [tok("送温"), tok("温暖"), tok("暖冬"), tok("冬")]
    assert text_tokens("暖冬。送温暖") == [tok("暖冬"), tok("冬"), tok("送温"), tok("温暖")]
    assert text_tokens("职工，工会，女工") == [tok("职工"), tok("工会"), tok("会"), tok("女工")]


def test_vocabulary_terms_found_in_the_text_are_indexed_whole() -> None:
    tokens = text_tokens("开展春节送温暖活动", VOCAB)
    assert tok("送温暖") in tokens
    assert tok("工资集体协商") not in tokens


def test_other_words_stay_words_lower_cased_and_full_width_folded() -> None:
    assert text_tokens("SMT操作 ２０２４年") == ["zsmt", tok("操作"), tok("作"), "z2024", tok("年")]


def test_tokens_are_letters_and_digits_only_and_other_words_never_start_like_han_codes() -> None:
    """Pagefind stores a word with "_" or other punctuation again as its parts: our tokens have none."""
    tokens = text_tokens("工资集体协商 SMT-3 ａｂｃ_ｄ 〇", VOCAB)
    assert all(t.isascii() and t.isalnum() and t == t.lower() for t in tokens), tokens
    words = [t for t in tokens if t.startswith("z")]
    assert words == ["zsmt", "z3", "zabc", "zd"]
    every_han = "".join(chr(o) for first, last, _ in HAN_RANGES for o in range(first, last + 1))
    assert not any(han_token(c).startswith("z") for c in every_han)
    assert len({han_token(c) for c in every_han}) == len(every_han)  # one code per character


def test_the_body_keeps_each_token_once_with_cap_1() -> None:
    assert text_tokens("工会工会", cap=1) == [tok("工会"), tok("会工")]  # 会 alone: 会工 starts with it


def test_a_query_uses_vocabulary_terms_then_pairs() -> None:
    assert query_tokens("送温暖", VOCAB) == [tok("送温暖")]
    assert query_tokens("春节送温暖活动", VOCAB) == [tok("春节"), tok("送温暖"), tok("活动")]
    assert query_tokens("送温暖 困难职工", VOCAB) == [tok("送温暖"), tok("困难职工")]
    assert query_tokens("节送温暖", VOCAB) == [tok("节送"), tok("送温暖")]  # a lone character joins a neighbour
    assert query_tokens("县", VOCAB) == [tok("县")]
    assert query_tokens("，。！", VOCAB) == []


_HAN = st.text(alphabet="工会职送温暖书屋集体协商资安康杯金秋助学岚湾镇总年春节", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(text=_HAN, start=st.integers(0, 40), size=st.integers(1, 12))
def test_every_token_of_a_query_starts_a_token_of_each_text_that_contains_it(text: str, start: int, size: int) -> None:
    """Pagefind matches a query token against every indexed token it begins (a lone character: any pair it starts)."""
    query = text[start : start + size] or text
    indexed = text_tokens(text, VOCAB, cap=1)
    for t in query_tokens(query, VOCAB):
        assert any(i.startswith(t) for i in indexed), (query, t)


def test_the_vocabulary_keeps_han_terms_of_three_characters_or_more() -> None:
    assert build_vocabulary(["工会", "送温暖", "SMT比武", " 安康杯 ", "送温暖"]) == ["安康杯", "送温暖"]


# ---------------------------------------------------------------- documents


def test_a_search_document_weights_the_title_and_carries_meta_filters_and_sort() -> None:
    doc = SearchDocument("bulletins/2022/a/", "春节送温暖", "岚湾镇总工会", 2022, "活动新闻", "2022-01-12", ["困难帮扶"], "慰问<困难>职工")
    html, words = render(doc, VOCAB, "f00.txt")
    assert words == len(text_tokens("春节送温暖", VOCAB)) + len(text_tokens("慰问<困难>职工", VOCAB, cap=1))
    assert 'lang="x-ub"' in html and "<main data-pagefind-body>" in html
    assert f'<h1 data-pagefind-weight="{TITLE_WEIGHT}">{tok("春节")}' in html
    for expected in ('data-pagefind-meta="title">春节送温暖<',
                     'data-pagefind-filter="year">2022<', 'data-pagefind-filter="org">岚湾镇总工会<', 'data-pagefind-filter="type">活动新闻<',
                     'data-pagefind-filter="topic">困难帮扶<'):
        assert expected in html
    assert "送温暖" not in html.split("<div data-pagefind-ignore>")[0].split("<title>")[0]
    assert "data-pagefind-sort" not in html  # a sort key would cost every reader bytes per page
    assert "慰问" not in html and "bulletins/2022/a" not in html  # what a result shows is a file of its own
    assert excerpt_text(doc) == "慰问<困难>职工"
    assert shown_file(section(doc, VOCAB, "f00.txt")[1], doc) == '["/bulletins/2022/a/","春节送温暖","岚湾镇总工会","2022","活动新闻","2022-01-12"]\n慰问<困难>职工'


def test_a_pack_holds_its_bulletins_words_in_order_and_the_union_of_their_filters() -> None:
    a = SearchDocument("bulletins/2022/a/", "春节送温暖", "岚湾镇总工会", 2022, "活动新闻", "2022-01-12", ["困难帮扶"], "慰问困难职工")
    b = SearchDocument("bulletins/2023/b/", "职工书屋", "岚湾镇总工会", 2023, "通知公告", "2023-03-01", [], "开放时间")
    (pa, ma), (pb, mb) = section(a, VOCAB, "a.txt"), section(b, VOCAB, "b.txt")
    html = page([pa, pb], [ma, mb])
    assert (ma.title_words, mb.title_words) == (len(text_tokens(a.title, VOCAB)), len(text_tokens(b.title, VOCAB)))
    body = html.split("<main data-pagefind-body>")[1].split("<div data-pagefind-ignore>")[0]
    words = re.sub(r"<[^>]+>", " ", body).split()
    assert words == text_tokens(a.title, VOCAB) + text_tokens(a.text, VOCAB, cap=1) + text_tokens(b.title, VOCAB) + text_tokens(b.text, VOCAB, cap=1)
    assert len(words) == ma.words + mb.words
    assert (ma.of("url"), mb.shown) == ("/bulletins/2022/a/", "b.txt")
    assert re.findall(r'data-pagefind-filter="(\w+)">(.*?)<', html) == [
        ("year", "2022"), ("org", "岚湾镇总工会"), ("type", "活动新闻"), ("topic", "困难帮扶"), ("year", "2023"), ("type", "通知公告")]


def test_plain_text_keeps_blocks_apart_and_decodes_entities() -> None:
    assert plain_text("<p>一、慰问</p><p>二、&lt;助学&gt;</p><script>x()</script>") == "一、慰问 二、<助学>"


# ---------------------------------------------------------------- builds

PLUGINS = [{"bulletin": {}}, {"bulletin-search": {}}]


def _bulletins(site: Site) -> None:
    site.bulletin("2022/visit.md", "元旦春节期间开展送温暖活动，走访困难职工。", title="石桥镇总工会开展春节送温暖活动", date="2022-01-10", org="town-a", type="news")
    site.bulletin("2023/summary.md", "## 一、组织建设\n\n推动开展工资集体协商。", title="云岭镇总工会2023年工作总结", date="2024-01-15", year=2023, org="town-b", type="summary")


def test_pagefind_build_writes_the_bundle_and_adds_the_search_box(site: Site) -> None:
    _bulletins(site)
    r = site.build(strict=True, plugins=PLUGINS)
    assert not r.aborted, r.error
    assert r.errors == []
    bundle = r.site / "pagefind"
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not (bundle / "pagefind-ui.js").exists()
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["x-ub"]["page_count"] == 1  # one pack of both bulletins: not home, years, orgs, topics
    assert sorted(f["meta"]["url"] for f in fragments(bundle)) == ["/bulletins/2022/visit/", "/bulletins/2023/summary/"]
    packs = json.loads((bundle / "ub-packs.json").read_text("utf-8"))
    [(page_id, members)] = packs["pages"].items()
    assert (bundle / "fragment" / f"{page_id}.pf_fragment").is_file()  # the table is keyed by Pagefind's page ids
    assert [(packs["years"][m[2]], packs["orgs"][m[3]], packs["types"][m[4]]) for m in members] == [
        ("2023", "云岭镇总工会", "工作总结"), ("2022", "石桥镇总工会", "活动新闻")]  # grouped by organisation, in the shard's order
    settings_ = json.loads((bundle / "ub-search.json").read_text("utf-8"))
    assert "送温暖" in settings_["vocabulary"] and "江屿县总工会" in settings_["vocabulary"]  # no bulletin: not among the filters
    assert "石桥镇总工会" not in settings_["vocabulary"]  # sent once, with the filter choices
    assert settings_["years"] == ["2023", "2022"]
    assert settings_["organisations"] == ["石桥镇总工会", "云岭镇总工会"]
    assert settings_["types"] == ["工作总结", "活动新闻"]
    page = r.html("")
    assert "assets/union-bulletin/search.js" in page and "assets/union-bulletin/search.css" in page
    assert (r.site / "assets/union-bulletin/search.js").is_file()
    assert 'for="__search"' not in page  # Material's own search is not there


def test_material_search_listed_too_is_switched_off(site: Site) -> None:
    _bulletins(site)
    r = site.build(strict=True, plugins=[{"bulletin": {}}, "search", {"bulletin-search": {}}])
    assert not r.aborted, r.error
    assert not (r.site / "search" / "search_index.json").exists()
    assert 'for="__search"' not in r.html("")


def test_bulletin_search_needs_the_bulletin_plugin(site: Site) -> None:
    r = site.build(plugins=[{"bulletin-search": {}}])
    assert r.aborted
    assert r.errors == ["bulletin-search 要和 bulletin 插件一起用：请在 mkdocs.yml 的 plugins 里加入 bulletin（先后不限）"]


def test_lunr_engine_needs_materials_search_plugin(site: Site) -> None:
    r = site.build(plugins=[{"bulletin": {}}, {"bulletin-search": {"engine": "lunr"}}])
    assert r.aborted
    assert r.errors == ["bulletin-search 的 engine: lunr 用 Material 自带的搜索：请在 mkdocs.yml 的 plugins 里加入 search"]


def test_lunr_engine_without_jieba_says_what_to_install(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "jieba", None)  # import jieba now raises ImportError
    r = site.build(plugins=[{"bulletin": {}}, "search", {"bulletin-search": {"engine": "lunr"}}])
    assert r.aborted
    assert r.errors == [
        "bulletin-search 的 engine: lunr 要用 jieba 给中文分词，但没有安装 jieba。"
        "请安装：pip install jieba；不分词的中文索引几乎什么也搜不到"
    ]


def test_lunr_engine_builds_materials_index_segmented_by_jieba(site: Site) -> None:
    _bulletins(site)
    r = site.build(strict=True, plugins=[{"bulletin": {}}, "search", {"bulletin-search": {"engine": "lunr"}}])
    assert not r.aborted, r.error
    index = json.loads((r.site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["separator"] == r"[\s\u200b\u3000\-、。，．？！；：（）《》“”‘’]+"
    texts = " ".join(d["text"] for d in index["docs"])
    assert "\u200b送温暖\u200b" in texts or "\u200b温暖\u200b" in texts  # jieba's words, joined by zero-width spaces
    assert not (r.site / "pagefind").exists()
    assert "assets/union-bulletin/search.js" not in r.html("")
    assert 'for="__search"' in r.html("")


# ---------------------------------------------------------------- shards


def test_documents_are_cut_into_shards_newest_first_without_passing_the_word_budget() -> None:
    stage = Stage()
    try:
        for i, (date, text) in enumerate([("2021-03-01", "慰问" * 20), ("2024-05-01", "职工" * 30), ("2023-01-09", "书屋" * 10), ("2024-05-01", "安康杯")]):
            stage.add(SearchDocument(f"bulletins/{i}/", f"第{i}篇", "石桥镇总工会", int(date[:4]), "活动新闻", date, [], text), VOCAB)
        names = {d.path: n for n, d in enumerate(stage.docs)}
        assert len(names) == 4 and all(name.endswith(".html") and "/" not in name for name in names)  # one flat folder
        words = [d.words for d in stage.docs]
        shards = stage.shards(words[1] + words[3])
        assert [{names[d.path] for d in s.docs} for s in shards] == [{1, 3}, {2, 0}]
        assert [names[d.path] for d in shards[1].docs] == [2, 0]  # newest first
        assert [s.path for s in shards] == ["", "1/"]
        assert shards[1].settings() == {"path": "1/", "pages": 2, "years": ["2023", "2021"]}
        assert len(stage.shards(1)) == 4  # a document larger than the budget is a shard of its own
        assert len(stage.shards(10**9)) == 1
    finally:
        stage.close()


def test_a_page_id_an_earlier_shard_took_is_made_anew(tmp_path: Path) -> None:
    """search.js tells pages apart by Pagefind's ids across shards, and Pagefind makes them unique only within one index."""
    stage = Stage()
    try:
        for i in range(3):
            stage.add(SearchDocument(f"bulletins/{i}/", f"第{i}篇", "石桥镇总工会", 2024, "活动新闻", f"2024-05-0{i + 1}", [], "慰问" * (i + 1)), VOCAB)
        [shard] = stage.shards(10**9)
        first = indexer._index_shard(stage, shard, tmp_path / "a", 2, set())
        assert [len(members) for members in first.values()] == [2, 1]
        assert indexer._index_shard(stage, shard, tmp_path / "b", 2, set()).keys() == first.keys()  # the same pages, the same ids
        other = indexer._index_shard(stage, shard, tmp_path / "c", 2, set(first))
        assert not set(other) & set(first)
        assert list(other.values()) == list(first.values())  # the same bulletins, under their new ids
        table = json.loads((tmp_path / "c" / indexer.PACKS).read_text("utf-8"))
        assert table["pages"] == other and all((tmp_path / "c" / "fragment" / f"{i}.pf_fragment").is_file() for i in other)
    finally:
        stage.close()


def test_pagefind_stopping_is_a_search_error_that_says_why(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'no index for you' >&2\nexit 3\n", encoding="utf-8")
    fake.chmod(0o755)
    import pagefind.service

    monkeypatch.setattr(pagefind.service, "get_executable", lambda: fake)
    with pytest.raises(SearchError, match="退出码 3）：no index for you"):
        indexer._run(tmp_path, tmp_path / "out")


def test_pagefind_settings_from_the_environment_do_not_reach_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pagefind reads PAGEFIND_* variables (and a configuration file in its working folder): neither is the site's."""
    monkeypatch.setenv("PAGEFIND_FORCE_LANGUAGE", "en")
    source = tmp_path / "docs"
    source.mkdir()
    doc = SearchDocument("bulletins/a/", "慰问", "石桥镇总工会", 2024, "活动新闻", "2024-05-01", [], "慰问职工")
    (source / "a.html").write_text(render(doc, VOCAB)[0], encoding="utf-8")
    assert indexer._run(source, tmp_path / "out") == 1
    assert list(json.loads((tmp_path / "out" / "pagefind-entry.json").read_text("utf-8"))["languages"]) == ["x-ub"]


def test_a_small_shard_budget_writes_several_bundles_that_together_hold_every_bulletin(site: Site) -> None:
    _bulletins(site)
    site.bulletin("2024/plan.md", "继续开展送温暖活动。", title="石桥镇总工会2024年工作计划", date="2024-02-01", year=2024, org="town-a", type="plan")
    r = site.build(strict=True, plugins=[{"bulletin": {}}, {"bulletin-search": {"shard_words": 10}}])
    assert not r.aborted, r.error
    bundle = r.site / "pagefind"
    settings_ = json.loads((bundle / "ub-search.json").read_text("utf-8"))
    assert settings_["shards"] == [
        {"path": "", "pages": 1, "years": ["2024"]},
        {"path": "1/", "pages": 1, "years": ["2023"]},
        {"path": "2/", "pages": 1, "years": ["2022"]},
    ]
    assert settings_["rule"]["word_prefix"] == "z" and settings_["rule"]["width"] == 3
    assert (bundle / "pagefind.js").is_file()
    for sub in ("1", "2"):
        entry = json.loads((bundle / sub / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["x-ub"]["page_count"] == 1
        assert not (bundle / sub / "pagefind.js").exists() and not list((bundle / sub).glob("wasm.*"))  # the primary's code serves every shard
        assert list((bundle / sub / "fragment").iterdir())
    fragments = [p.read_bytes() for p in (bundle / "fragment").iterdir()]
    assert len(fragments) == 1
    assert any("搜索索引：3 篇公报，分 3 段" in m for m in r.infos), r.infos
    assert indexer._bytes(bundle) == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) > 0


def test_each_result_s_excerpt_text_is_a_file_of_its_own_beside_the_index(site: Site) -> None:
    """Pagefind stores no body text (it spends CPU on every byte it stores); each fragment names the file in
    pagefind/text/ that search.js fetches to cut the excerpt from, one per bulletin, shards included."""
    _bulletins(site)
    site.bulletin("2024/plan.md", "继续开展送温暖活动。", title="石桥镇总工会2024年工作计划", date="2024-02-01", year=2024, org="town-a", type="plan")
    r = site.build(strict=True, plugins=[{"bulletin": {}}, {"bulletin-search": {"shard_words": 10}}])
    assert not r.aborted, r.error
    bundle = r.site / "pagefind"
    texts = {f["meta"]["url"]: f["meta"]["text"] for f in fragments(bundle)}  # fragments() reads each named file
    assert texts["/bulletins/2024/plan/"] == "继续开展送温暖活动。"
    assert len(texts) == 3 and all(texts.values())
    assert len(list((bundle / "text").iterdir())) == 3  # no file for a page that is not a bulletin


def test_a_preview_indexes_after_the_build_and_only_the_shard_whose_bulletin_changed(site: Site) -> None:
    """Under mkdocs serve the same plugin instance serves every rebuild (it has on_startup): the page is written
    first, the index follows in a thread, and shards whose documents did not change are copied, not indexed."""
    _bulletins(site)
    site.bulletin("2024/plan.md", "继续开展送温暖活动。", title="石桥镇总工会2024年工作计划", date="2024-02-01", year=2024, org="town-a", type="plan")
    site.build(plugins=[{"bulletin": {}}, {"bulletin-search": {"shard_words": 10}}])  # writes mkdocs.yml
    with serving(site.root) as rebuild:
        plugin = rebuild().plugins["bulletin-search"]
        assert plugin.worker is not None
        plugin.worker.join()
        assert plugin.stage is not None and plugin.stage.indexed == 3
        site.bulletin("2022/visit.md", "元旦春节期间开展送温暖活动，并举办职工篮球赛。", title="石桥镇总工会开展春节送温暖活动", date="2022-01-10", org="town-a", type="news")
        assert rebuild().plugins["bulletin-search"] is plugin
        assert "职工篮球赛" in (site.root / "site/bulletins/2022/visit/index.html").read_text("utf-8")  # the page, before the index
        assert plugin.worker is not None
        plugin.worker.join()
        assert plugin.stage.indexed == 1  # the 2022 shard; the other two were copied
        assert [f["meta"]["text"] for f in fragments(site.root / "site/pagefind/2")] == ["元旦春节期间开展送温暖活动，并举办职工篮球赛。"]
        assert (site.root / "site/pagefind/pagefind.js").is_file() and (site.root / "site/pagefind/1/pagefind-entry.json").is_file()


def test_a_preview_rebuild_does_not_wait_for_the_index_of_the_one_before(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit while the last edit's index is still being written: the rebuild goes on, and the index that ends up
    in the site folder is the newest one."""
    import threading
    import time

    from union_bulletin.search import indexer

    release = threading.Event()
    real_run = indexer._run

    def slow_run(*args: Any, **kwargs: Any) -> int:
        release.wait(30)  # Pagefind held back until the test lets it go
        return real_run(*args, **kwargs)

    _bulletins(site)
    site.build(plugins=[{"bulletin": {}}, {"bulletin-search": {}}])  # writes mkdocs.yml
    monkeypatch.setattr(indexer, "_run", slow_run)
    with serving(site.root) as rebuild:
        try:
            plugin = rebuild().plugins["bulletin-search"]
            first = plugin.worker
            assert first is not None and first.is_alive()  # the index of the first build is held back
            site.bulletin("2022/visit.md", "元旦春节期间开展送温暖活动，并举办职工篮球赛。", title="石桥镇总工会开展春节送温暖活动", date="2022-01-10", org="town-a", type="news")
            start = time.monotonic()
            rebuild()
            assert first.is_alive()  # the rebuild did not wait for it
            assert "职工篮球赛" in (site.root / "site/bulletins/2022/visit/index.html").read_text("utf-8")
            assert time.monotonic() - start < 25
            release.set()
            plugin.worker.join(60)
            first.join(60)
            texts = sorted(f["meta"]["text"] for f in fragments(site.root / "site/pagefind"))
            assert texts == sorted(["元旦春节期间开展送温暖活动，并举办职工篮球赛。", "一、组织建设 推动开展工资集体协商。"])
        finally:
            release.set()  # before serving's shutdown joins the held-back index
