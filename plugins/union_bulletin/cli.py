"""The ``union-bulletin`` command: import, check, new, stats, build, preview.

Exit codes: 0 all is well, 1 problems were found (or a build failed), 2 the
command was used wrongly (an unknown option, no mkdocs.yml, an unknown
organisation key). Messages are the same as the build's. Only ``build`` and
``preview`` load MkDocs (``union_bulletin.mkdocs.commands``).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console
from rich.progress import track
from rich.table import Table

from . import click_zh
from .authoring.check import Checked, check_project, page_url
from .authoring.project import Project, ProjectError, load_project
from .authoring.writer import front_matter
from .build import Dropped, Notice
from .frontmatter import read_bulletin
from .importer.articles import Article
from .importer.run import Choices, Planned, bulletin_name, free_name, plan_article, read_articles
from .importer.sources import SourceError
from .model import TYPE_LABELS, TYPES
from .opendata import stats_csv
from .privacy import Scanner
from .problems import Problem, shown_path
from .render.formatting import raw
from .schema import BULLETIN, Field, field_named

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
click_zh.install()
NEW_BODY = "（在这里写正文。小标题写成“## 一、……”，不要写一级标题。）\n"

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _console() -> Console:
    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 160, highlight=False)


def _fail(message: str, code: int = EXIT_PROBLEMS) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(code)


def _project(ctx: click.Context) -> Project:
    try:
        return load_project(Path(ctx.obj["config_file"]))
    except ProjectError as exc:
        _fail(str(exc), EXIT_USAGE)


@click.group(context_settings=CONTEXT, options_metavar="[选项]", subcommand_metavar="命令 [参数]...",
             help="工会公报站点的撰稿工具：导入 Word 报告、检查、新建公报、查看统计、构建和预览网站。")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, metavar="文件", help="站点的 mkdocs.yml。")
@click.help_option("-h", "--help", help="显示本帮助并退出。")
@click.pass_context
def main(ctx: click.Context, config_file: str) -> None:
    ctx.ensure_object(dict)
    ctx.obj["config_file"] = config_file


# -- check ---------------------------------------------------------------------
@main.command(options_metavar="[选项]", help="检查公报和 site_config：严格构建会报告的问题，不构建网站。有问题时退出码为 1。")
@click.argument("paths", nargs=-1, metavar="[路径]...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="输出格式：text 给人看，json 给编辑器和 CI。")
@click.pass_context
def check(ctx: click.Context, paths: Sequence[str], fmt: str) -> None:
    project = _project(ctx)
    checked = check_project(project)
    wanted = [_shown_arg(p, project) for p in paths]
    report = [item for item in checked.report if not wanted or any(_within(item.path if isinstance(item, Problem) else item.shown, w) for w in wanted)]
    problems = [item for item in report if isinstance(item, Problem) or item.serious]
    if fmt == "json":
        click.echo(json.dumps({"problems": len(problems), "items": [_as_json(item) for item in report]}, ensure_ascii=False, indent=2))
    else:
        for item in report:
            click.echo(("提示：" if not isinstance(item, Problem) and not item.serious else "") + str(item))
        click.echo(f"发现 {len(problems)} 个问题" if problems else "没有发现问题")
    sys.exit(EXIT_PROBLEMS if problems else EXIT_OK)


def _shown_arg(path: str, project: Project) -> str:
    return shown_path(Path(path).resolve(), project.root).rstrip("/")


def _within(path: str, wanted: str) -> bool:
    return path == wanted or path.startswith(wanted + "/")


def _as_json(item: Problem | Dropped | Notice) -> dict[str, Any]:
    if isinstance(item, Notice):  # not a mistake: how yearly totals were counted, for example
        return {"path": item.shown, "level": "info", "message": str(item)}
    if isinstance(item, Dropped):
        return {"path": item.shown, "level": "error" if item.serious else "info", "field": "文件", "reason": item.reason, "message": str(item)}
    return {"path": item.path, "level": "error", "field": item.field, "found": item.found, "expected": item.expected, "suggestion": item.suggestion, "message": str(item)}


# -- import ----------------------------------------------------------------------
@main.command("import", options_metavar="[选项]", help="把 Word（.docx）、文本（.txt）或 Markdown（.md）报告导入为公报草稿，并建议统计数字。")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), metavar="报告文件...")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), metavar="文件夹", help="写到哪个文件夹（默认：站点的公报文件夹）。")
@click.option("--org", metavar="单位键", help="发布单位（organisations.yml 中的键），不从正文判断。")
@click.option("--year", type=click.IntRange(1900, 2100), metavar="年份", help="所属年度，不从正文判断。")
@click.option("--type", "btype", type=click.Choice(TYPES), help="公报类型，不从标题判断。")
@click.option("--dry-run", is_flag=True, help="只显示会写出什么，不写文件。")
@click.pass_context
def import_(ctx: click.Context, sources: Sequence[Path], into: Path | None, org: str | None, year: int | None, btype: str | None, dry_run: bool) -> None:
    project = _project(ctx)
    config = _site_config(project)
    if org is not None and org not in config.organisations:
        _fail(_unknown_org(org, config), EXIT_USAGE)
    folder = (into or project.bulletins_path).resolve()
    privacy = project.privacy
    scanner = Scanner(privacy.checks, privacy.hardship_words, privacy.allow, (o.name for o in config.organisations.values()))
    console = _console()
    unreadable: list[str] = []
    articles: list[tuple[str, Article]] = []
    for source in sources:
        shown = shown_path(source.resolve(), Path.cwd().resolve())
        try:
            articles += [(shown, a) for a in read_articles(source, shown)]
        except SourceError as exc:
            unreadable.append(str(exc))
        except OSError as exc:
            unreadable.append(f"{shown}: 文件: 发现 无法读取（{exc.strerror}），应为 可以读取的报告文件")
    planned: list[Planned] = []
    taken: set[Path] = set()
    # A bar for long imports (each article's figures and personal-data check take a moment); only on a terminal.
    for shown, article in track(articles, description="导入中", console=console, disable=len(articles) < 3 or not console.is_terminal, transient=True):
        item = plan_article(article, shown, config, folder, project.root, Choices(org, year, btype), scanner, taken.__contains__)
        taken.add(item.target)
        planned.append(item)
    for message in unreadable:
        click.echo(message, err=True)
    for item in planned:
        if dry_run:
            console.print(f"[bold]── {item.shown}[/bold]", highlight=False)
            console.out(item.text, highlight=False)
        else:
            item.target.parent.mkdir(parents=True, exist_ok=True)
            with item.target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even if the file appeared meanwhile
                out.write(item.text)
    _import_table(console, planned, config, dry_run)
    for item in planned:
        for message in item.privacy:
            click.echo(message)
    sys.exit(EXIT_PROBLEMS if unreadable else EXIT_OK)


def _import_table(console: Console, planned: Sequence[Planned], config: Any, dry_run: bool) -> None:
    table = Table(title="将写出的公报（未写入）" if dry_run else "已写出的公报（草稿，核对后删去 draft: true）", title_justify="left")
    for name in ("文件", "标题", "建议的统计数字", "待核对"):
        table.add_column(name, overflow="fold")
    for item in planned:
        values = "\n".join(f"{config.metrics[k].label} {raw(v)}{config.metrics[k].unit}" for k, v in item.values) or "无"
        reasons: dict[str, list[str]] = {}
        for key, reason in item.unsure:
            reasons.setdefault(reason, []).append(config.metrics[key].label)
        todo = [*item.notes, *(f"{'、'.join(labels)}：{reason}（见注释）" for reason, labels in reasons.items())]
        if item.privacy:
            todo.append(f"个人信息 {len(item.privacy)} 处（号码已遮盖）")
        table.add_row(item.shown, item.title, values, "\n".join(todo) or "无")
    console.print(table)
    console.print(f"共 {len(planned)} 篇" + ("（试运行，没有写文件）" if dry_run else "，下一步：union-bulletin check"), highlight=False)


def _site_config(project: Project) -> Any:
    from .problems import InputError
    from .site_config import load_site_config

    try:
        config, _ = load_site_config(project.config_dir, project.root)
    except InputError as exc:
        _fail(str(exc))
    return config


def _unknown_org(org: str, config: Any) -> str:
    keys = "、".join(config.organisations)
    return f"--org: 发现 未登记的单位 \"{org}\"，应为 organisations.yml 中的单位键（{keys}）"


# -- new -------------------------------------------------------------------------
def _field(name: str) -> Field:
    return field_named(BULLETIN, name)


def _listed(name: str) -> str:
    """A choice field's values with their labels, for a prompt: summary 工作总结 / plan 工作计划 …"""
    return " / ".join(f"{k} {v}" for k, v in _field(name).choices().items())


# The prompts and help of `new` are the declared fields' own labels and help (schema.py), as the build's messages are.
@main.command(options_metavar="[选项]", help="新建一篇公报：按选项或提问填写 front matter，写出前按构建的规则检查。")
@click.option("--title", prompt=_field("title").label, help=_field("title").help)
@click.option("--org", prompt=f"{_field('org').label}（organisations.yml 的键）", help=_field("org").help)
@click.option("--type", "btype", type=click.Choice(list(_field("type").choices())), prompt=f"{_field('type').label}（{_listed('type')}）",
              help=_field("type").help)
@click.option("--date", "date", default=lambda: dt.date.today().isoformat(), show_default="今天", help=_field("date").help)
@click.option("--year", type=click.IntRange(1900, 2100), help=_field("year").help + "（默认：工作总结取发布日期的上一年，工作计划取发布日期当年）")
@click.option("--period", type=click.Choice(list(_field("period").choices())), default="annual", show_default=True,
              help=f"{_field('period').help}：{_listed('period')}")
@click.option("--topics", default="", help=_field("topics").help + "，用逗号分隔，如 organising,rights")
@click.option("--into", type=click.Path(file_okay=False, path_type=Path), metavar="文件夹", help="写到哪个文件夹（默认：公报文件夹/年度）。")
@click.option("--draft/--no-draft", default=True, show_default=True, help=f"是否写成{_field('draft').label}（草稿不发布）。")
@click.pass_context
def new(ctx: click.Context, title: str, org: str, btype: str, date: str, year: int | None, period: str, topics: str, into: Path | None,
        draft: bool) -> None:
    project = _project(ctx)
    config = _site_config(project)
    if org not in config.organisations:
        _fail(_unknown_org(org, config), EXIT_USAGE)
    keys = [t.strip() for t in topics.replace("，", ",").split(",") if t.strip()]
    bad = [t for t in keys if t not in config.topics]
    if bad:
        _fail(f"--topics: 发现 未登记的专题 \"{bad[0]}\"，应为 topics.yml 中的专题键（{'、'.join(config.topics)}）", EXIT_USAGE)
    fields: dict[str, Any] = {"title": title, "date": date}
    if year is None and btype in ("summary", "plan") and len(date) >= 4 and date[:4].isdigit():
        year = int(date[:4]) - 1 if btype == "summary" else int(date[:4])  # a summary is published after its year, a plan in it
    if year is not None:
        fields["year"] = year
    fields.update({"org": org, "type": btype})
    if period != "annual":
        fields["period"] = period  # the build reports a period on news or a notice, as it would in the file
    if keys:
        fields["topics"] = keys
    if draft:
        fields["draft"] = True
    text = front_matter(fields) + "\n" + NEW_BODY
    folder = (into or project.bulletins_path / str(year or date[:4])).resolve()
    target = free_name(folder / f"{bulletin_name(title, org, btype, config)}.md", lambda p: False)
    docs = project.docs_dir.resolve()
    src = shown_path(target, docs)
    shown = shown_path(target, project.root)
    reading = read_bulletin(src, shown, page_url(src, project.use_directory_urls), text.encode("utf-8"), config, lambda p: None)
    if reading.problems or reading.bulletin is None:
        for p in reading.problems:
            click.echo(str(p), err=True)
        _fail(f"{shown}: 没有写出：请改正上面的问题")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:
        out.write(text)
    click.echo(f"已写出 {shown}（{TYPE_LABELS[btype]}{'，草稿' if draft else ''}）")


# -- stats -----------------------------------------------------------------------
@main.command(options_metavar="[选项]", help="各年度的统计合计（与网站和 data/stats.json 相同的数字）。")
@click.option("--year", type=click.IntRange(1900, 2100), help="只看这一年。")
@click.option("--csv", "as_csv", is_flag=True, help="输出 CSV（与 data/stats.csv 相同的列）。")
@click.pass_context
def stats(ctx: click.Context, year: int | None, as_csv: bool) -> None:
    project = _project(ctx)
    checked = check_project(project)
    if checked.model is None:
        for item in checked.report:
            click.echo(str(item), err=True)
        sys.exit(EXIT_PROBLEMS)
    model = checked.model
    if as_csv:
        lines = stats_csv(model.catalog, model.stats).split("\r\n")
        kept = [lines[0], *(line for line in lines[1:] if line and (year is None or line.startswith(f"{year},")))]
        click.echo("\n".join(kept))
    else:
        _stats_table(checked, year)
    sys.exit(EXIT_OK)


def _stats_table(checked: Checked, year: int | None) -> None:
    assert checked.model is not None
    model = checked.model
    metrics = model.config.metrics
    table = Table(title="年度统计合计", title_justify="left")
    for name in ("年度", "指标", "合计", "单位", "报送单位数"):
        table.add_column(name, justify="right" if name in ("合计", "报送单位数") else "left")
    years = [y for y in sorted(model.stats.by_org, reverse=True) if year is None or y == year]
    for y in years:
        for key, orgs in model.stats.by_org[y].items():
            total = model.stats.totals[y].get(key)
            table.add_row(str(y), metrics[key].label, "—" if total is None else raw(total), metrics[key].unit, str(len(orgs)))
    console = _console()
    if years:
        console.print(table)
    else:
        console.print(f"{year} 年没有统计数字" if year else "还没有统计数字", highlight=False)


# -- build / preview ---------------------------------------------------------------
@main.command(options_metavar="[选项]", help="严格构建网站（mkdocs build --strict），最后给出公报、页面和问题的数目。")
@click.pass_context
def build(ctx: click.Context) -> None:
    project = _project(ctx)
    from .mkdocs.commands import build as run_build

    ok, tally = run_build(project.config_file, click.echo)
    click.echo(tally.summary(ok))
    sys.exit(EXIT_OK if ok else EXIT_PROBLEMS)


@main.command(options_metavar="[选项]", help="预览网站（mkdocs serve），改动后自动重新构建；按 Ctrl+C 结束。")
@click.option("-a", "--address", default="127.0.0.1:8000", show_default=True, help="预览地址。")
@click.pass_context
def preview(ctx: click.Context, address: str) -> None:
    project = _project(ctx)
    from .mkdocs.commands import preview as run_preview

    try:
        run_preview(project.config_file, address, click.echo)
    except KeyboardInterrupt:
        click.echo("预览已结束")
    except Exception as exc:
        _fail(f"错误：{exc}")


if __name__ == "__main__":  # pragma: no cover
    main()
