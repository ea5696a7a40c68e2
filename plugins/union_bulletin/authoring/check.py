"""What a strict build checks, without building: ``union-bulletin check``.

The same steps and the same messages as the MkDocs plugins, in the order a
build reports them: site_config (``bulletin`` on_config), personal data in
every page and text attachment (``bulletin-privacy`` on_files, numbers masked
before the bulletins are read), the bulletins through the core pipeline
``build.build_site``, then what the HTML cleaner would remove from each page's
rendered body. MkDocs' own checks (links between pages, the nav) need MkDocs:
``union-bulletin build`` runs them.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

import markdown

from ..build import Dropped, Notice, SiteModel, Source, build_site
from ..frontmatter import split_front_matter
from ..privacy import Scanner, scan_file
from ..problems import InputError, Problem, shown_path
from ..sanitize import clean, removal_problem
from ..site_config import SiteConfig, load_site_config
from .project import Project

#: MkDocs always adds these to a site's Markdown extensions.
_MKDOCS_EXTENSIONS = ("toc", "tables", "fenced_code")


@dataclass(frozen=True)
class Checked:
    """Everything the check found, in report order; ``model`` is None when site_config could not be read."""

    config: SiteConfig | None
    model: SiteModel | None
    report: tuple[Problem | Dropped | Notice, ...]

    @property
    def problems(self) -> tuple[Problem | Dropped | Notice, ...]:
        """What fails a strict build (a draft does not)."""
        return tuple(p for p in self.report if isinstance(p, Problem) or p.serious)


def docs_files(project: Project) -> list[str]:
    """The docs folder's files as MkDocs takes them (hidden files and folders left out), docs-relative, sorted."""
    found: list[str] = []
    for folder, dirs, files in os.walk(project.docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel = Path(folder).relative_to(project.docs_dir).as_posix()
        for name in sorted(files):
            if not name.startswith("."):
                found.append(name if rel == "." else f"{rel}/{name}")
    return sorted(found)


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """A Markdown file's address relative to the site root, as MkDocs makes it."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    if not use_directory_urls:
        return f"{stem}.html"
    return f"{stem}/"


def check_project(project: Project) -> Checked:
    """Run every check of a strict build over the project's files."""
    report: list[Problem | Dropped | Notice] = []
    try:
        config, problems = load_site_config(project.config_dir, project.root)
    except InputError as exc:
        return Checked(None, None, tuple(exc.problems))
    report += problems
    files = docs_files(project)
    texts: dict[str, bytes] = {}
    organisations = [o.name for o in config.organisations.values()]
    scanner = Scanner(project.privacy.checks, project.privacy.hardship_words, project.privacy.allow, organisations) if project.privacy.enabled else None
    suffixes = {"." + ext.lower().lstrip(".") for ext in project.privacy.attachments}
    for rel in files:
        suffix = posixpath.splitext(rel)[1].lower()
        if suffix != ".md" and (scanner is None or suffix not in suffixes):
            continue
        data = (project.docs_dir / rel).read_bytes()
        texts[rel] = data
        if scanner is None:
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            continue  # the bulletin reader reports it
        scanned = scan_file(scanner, shown_path(project.docs_dir / rel, project.root), text, page=suffix == ".md")
        report += scanned.problems
        if scanned.redacted is not None:
            texts[rel] = scanned.redacted.encode("utf-8")

    prefix = project.bulletins_dir + "/"
    on_disk = set(files)

    def locate(path: str) -> Path | None:
        return project.docs_dir / path if path in on_disk else None

    sources = [
        Source(rel, shown_path(project.docs_dir / rel, project.root), page_url(rel, project.use_directory_urls), texts[rel])
        for rel in files
        if rel.startswith(prefix) and rel.endswith(".md")
    ]
    model = build_site(sources, config, locate, use_directory_urls=project.use_directory_urls)
    report += model.report
    if project.sanitize:
        report += _sanitize(project, files, texts, model)
    return Checked(config, model, tuple(report))


def _sanitize(project: Project, files: list[str], texts: dict[str, bytes], model: SiteModel) -> list[Problem]:
    """What the cleaner removes from each page's rendered body (bulletins that give a page, and the other pages)."""
    md = _markdown(project.markdown_extensions)
    found: list[Problem] = []
    prefix = project.bulletins_dir + "/"
    for rel in files:
        if not rel.endswith(".md"):
            continue
        if rel.startswith(prefix):
            body = model.bodies.get(rel)
            if body is None:
                continue
        else:
            text = texts[rel].decode("utf-8-sig", errors="replace")
            _, body, _ = split_front_matter(rel, text.replace("\r\n", "\n"))
        md.reset()
        _, removed = clean(md.convert(body))
        shown = shown_path(project.docs_dir / rel, project.root)
        found += [removal_problem(shown, what) for what in removed]
    return found


def _markdown(names: tuple[str, ...]) -> markdown.Markdown:
    """The site's Markdown extensions by name (their options in mkdocs.yml are not read); MkDocs' defaults when they do not load."""
    wanted = list(dict.fromkeys([*_MKDOCS_EXTENSIONS, *names]))
    try:
        return markdown.Markdown(extensions=wanted)
    except (ImportError, ValueError, TypeError, AttributeError):
        return markdown.Markdown(extensions=list(_MKDOCS_EXTENSIONS))
