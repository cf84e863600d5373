"""Building the site: gather everything, render every page, write into a temporary folder,
index it for search and move it into place.

    load -> facts, counts, maps -> pages (typed contexts) -> Jinja2 -> temp folder -> swap
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import Environment

from processkit import __version__, i18n
from processkit.codepoints import printable
from processkit.domain.facts import gather
from processkit.domain.flow import flow_map_drawn
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.site import links
from processkit.site.collect import collect, map_requests
from processkit.site.contexts import Contact, Page, SiteInfo
from processkit.site.counts import area_counts
from processkit.site.feeds import write_feeds
from processkit.site.filecache import FileCache, link_file
from processkit.site.history import GitLinks, History
from processkit.site.maps import figures
from processkit.site.output import check_output, mark, staging, swap
from processkit.site.parallel import run_indexed
from processkit.site.search import build_index, indexed_part, page_kind, plan
from processkit.site.sitemap import NAVIGATION
from processkit.site.templating import builtin_dir, environment
from processkit.site.theme import theme_css

#: progress(stage, done, total) with stage one of "maps", "pages", "search".
Progress = Callable[[str, int, int], None]

LOGO_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp")


@dataclass(frozen=True, slots=True)
class BuildInfo:
    """What the build is of: the day it describes (for "published" and overdue reviews),
    and for a site of the past (``--as-of``/``--at``) that day and the commit."""

    today: date | None = None
    as_of: date | None = None
    commit: str | None = None


@dataclass(frozen=True, slots=True)
class BuildResult:
    output: Path
    pages: int
    maps: int
    searchable: bool
    #: (id, activities) of each process whose flow has too many activities to draw: its page
    #: lists them instead of a map
    listed: tuple[tuple[str, int], ...] = ()


def build_site(
    repo: Repository,
    output: Path,
    *,
    history: History,
    info: BuildInfo,
    cache_dir: Path,
    search: bool = True,
    progress: Progress | None = None,
    protect: Path | None = None,
    git: GitLinks | None = None,
) -> BuildResult:
    """Publish ``repo`` into ``output``; the previous site there stays until this one is
    complete. ``protect`` is the repository's folder when ``repo`` was read from a copy; ``git``
    the commits that closed proposals and the git host's address (none when not given)."""
    check_output(output, protect or repo.root)
    config = repo.config
    env = environment(_folder_in(repo, config.site.templates, "site.templates"))
    logo = _file_in(repo, config.site.logo, "site.logo") if config.site.logo else None
    contact = config.site.accessibility_contact
    site = SiteInfo(
        title=config.site.title,
        organisation=config.organisation,
        language=config.site.language,
        logo=f"assets/logo{logo.suffix.lower()}" if logo else None,
        theme_css=theme_css(config.site.colors),
        published=info.today,
        as_of=info.as_of,
        commit=info.commit,
        contact=Contact(contact.email, contact.phone, links.href(contact.url)),
        feeds=git is not None and git.changelog is not None,
        url=links.href(config.site.url) if config.site.url else None,
    )
    facts = gather(repo, info.today)
    counts = area_counts(repo)
    files = FileCache(cache_dir / "site")
    requests = map_requests(repo)
    maps = figures(
        repo,
        requests,
        cache_dir / "maps",
        files,
        (lambda done, total: progress("maps", done, total)) if progress else None,
    )
    with i18n.speaking(config.site.language):
        pages = list(collect(repo, facts, history, maps, counts, git))
    fingerprint = _fingerprint(env, site)
    with staging(output) as folder:

        def make(index: int) -> tuple[str, bytes | None]:
            """Write page ``index``, from the cache when an identical one was made before;
            return its cache key and the hash of what search reads in it."""
            page = pages[index]
            key = hashlib.sha256(f"{fingerprint}\0{page!r}".encode()).hexdigest()
            target = folder / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            found = files.file("pages", key)
            if found is not None:
                link_file(found, target)
                html = found.read_bytes() if search and page.indexed else b""
            else:
                text = render_page(env, site, page)
                _write(target, text)
                files.put_file("pages", key, target)
                html = text.encode("utf-8")
            read = hashlib.sha256(indexed_part(html)).digest() if search and page.indexed else None
            return key, read

        searched: dict[str, bytes] = {}
        for done, made in run_indexed(make, len(pages)):
            files.used.setdefault("pages", set()).update(key for key, _ in made)  # workers' too
            start = done - len(made)
            for offset, (_, read) in enumerate(made):
                if read is not None:
                    searched[pages[start + offset].path] = read
            if progress:
                progress("pages", done, len(pages))
        _assets(folder, site, logo, env, repo, config.site.templates)
        if git is not None and git.changelog is not None:
            write_feeds(folder, repo, git.changelog, info.today)
        if search:
            shards = plan([page.path for page in pages if page.indexed])
            if progress:
                progress("search", 0, len(shards))
            build_index(folder, shards, searched, files)
            if progress:
                progress("search", len(shards), len(shards))
        mark(folder)
        swap(folder, output)
    for kind in ("pages", "search", "figures"):
        files.prune(kind)
    listed = tuple(
        (process_id, len(record.entity.activities))
        for process_id, record in sorted(repo.processes.items())
        if not flow_map_drawn(record.entity)
    )
    return BuildResult(output, len(pages), len(requests), search, listed)


def _fingerprint(env: Environment, site: SiteInfo) -> str:
    """Everything besides a page's own context that decides its HTML: processkit's version,
    the templates (built-in and the repository's own), the message catalogue of the site's
    language and the site-wide facts."""
    digest = hashlib.sha256(f"{__version__}\0{site!r}\0".encode())
    digest.update(i18n.catalogue_bytes(site.language))
    loader = env.loader
    assert loader is not None
    for name in sorted(loader.list_templates()):
        source, _, _ = loader.get_source(env, name)
        digest.update(f"{name}\0{source}\0".encode())
    return digest.hexdigest()


def render_page(env: Environment, site: SiteInfo, page: Page) -> str:
    """The page's HTML, in the site's language (``site.language``) whatever language the
    command speaks; set here, in the process that renders, so a forked worker speaks it too."""
    template = env.get_template(page.template)
    with i18n.speaking(site.language):
        html = template.render(
            site=site,
            page=page.context,
            root=page.root,
            path=page.path,
            title=page.title,
            indexed=page.indexed,
            kind=page_kind(page.template),
            feed=page.feed,
            crumbs=getattr(page.context, "breadcrumbs", []),
            navigation=NAVIGATION,
        )
    # the texts of the repository may hold characters no page may (see processkit.codepoints)
    return printable(html)


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)


def _assets(
    folder: Path,
    site: SiteInfo,
    logo: Path | None,
    env: Environment,
    repo: Repository,
    overrides: str | None,
) -> None:
    assets = folder / "assets"
    assets.mkdir(exist_ok=True)
    for source in sorted((builtin_dir() / "assets").iterdir()):
        if source.is_file():
            shutil.copyfile(source, assets / source.name)
    custom = _folder_in(repo, overrides, "site.templates")
    if custom is not None and (custom / "assets").is_dir():
        for source in sorted((custom / "assets").iterdir()):
            if source.is_file() and not source.name.startswith("."):
                shutil.copyfile(source, assets / source.name)
    _write(assets / "theme.css", site.theme_css)
    if logo is not None and site.logo is not None:
        shutil.copyfile(logo, folder / site.logo)


def _inside(repo: Repository, relative: str, setting: str) -> Path:
    root = repo.root.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise ProcesskitError(
            _(
                "{setting}: `{path}` is outside the repository; give a path inside it",
                setting=setting,
                path=relative,
            )
        )
    return target


def _folder_in(repo: Repository, relative: str | None, setting: str) -> Path | None:
    if not relative:
        return None
    target = _inside(repo, relative, setting)
    if not target.is_dir():
        raise ProcesskitError(
            _(
                "{setting}: there is no folder `{path}` in the repository; create it or "
                "correct the path in processkit.yaml",
                setting=setting,
                path=relative,
            )
        )
    return target


def _file_in(repo: Repository, relative: str, setting: str) -> Path:
    target = _inside(repo, relative, setting)
    if not target.is_file():
        raise ProcesskitError(
            _(
                "{setting}: there is no file `{path}` in the repository; add the file or "
                "correct the path in processkit.yaml",
                setting=setting,
                path=relative,
            )
        )
    if target.suffix.lower() not in LOGO_SUFFIXES:
        raise ProcesskitError(
            _(
                "{setting}: `{path}` is not an image the site can show; use one of {suffixes}",
                setting=setting,
                path=relative,
                suffixes=", ".join(LOGO_SUFFIXES),
            )
        )
    return target
