"""Building the site: atomic (an interrupted build leaves the previous site), deterministic
(byte-identical), careful with folders that are not ours, and refusing a repository with errors."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files
from tests.site.conftest import EPOCH, filtering_templates
from tests.site.repos import RICH

from processkit.cli.publishing import PublishRequest, publish
from processkit.site import build as build_module

Cli = Callable[..., CliResult]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def pagefind_begun(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """An event set once Pagefind is given a shard of process pages, before it indexes it."""
    from processkit.site import search as search_module

    begun = threading.Event()
    real = search_module._index_shard

    def index(site: Path, shard: search_module.Shard, **options: object) -> None:
        if search_module.of_processes(shard):
            begun.set()  # told before it is indexed
        real(site, shard, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(search_module, "_index_shard", index)
    return begun


#: The purpose of a process of ``RICH``, as its file says it.
PURPOSE = "purpose: Att barnets behov av skydd blir allsidigt belyst."


def purpose_changed(repo: Path) -> Path:
    """Add a sentence to ``PURPOSE`` in its file; return the file."""
    path = repo / "processes/barn/utredning.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace(PURPOSE, PURPOSE + " Och dokumenterat."), "utf-8")
    return path


@pytest.fixture
def rich_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_files(tmp_path / "repo", RICH)


def test_two_builds_are_byte_identical(rich_repo: Path, tmp_path: Path) -> None:
    first = publish(PublishRequest(rich_repo, tmp_path / "one")).output
    # the second build renders every map anew: no cache shared with the first
    (rich_repo / ".processkit-cache").rename(tmp_path / "old-cache")
    second = publish(PublishRequest(rich_repo, tmp_path / "two")).output
    one, two = snapshot(first), snapshot(second)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert "pagefind/main/pagefind-entry.json" in one


def test_two_builds_with_filters_and_sort_orders_of_own_templates_are_byte_identical(
    rich_repo: Path, tmp_path: Path
) -> None:
    """Pagefind writes filters and sort orders in an order that changes from run to run
    (``search._settle`` puts them in one); a repository's own templates may give them."""
    filtering_templates(rich_repo)
    sites = []
    for number in range(3):
        sites.append(snapshot(publish(PublishRequest(rich_repo, tmp_path / str(number))).output))
        # each build from nothing: no cache shared with the one before
        (rich_repo / ".processkit-cache").rename(tmp_path / f"cache-{number}")
    assert all(sorted(site) == sorted(sites[0]) for site in sites[1:])
    assert [name for name in sites[0] if any(site[name] != sites[0][name] for site in sites)] == []
    assert any(name.endswith(".pf_filter") for name in sites[0])


def test_a_rebuild_replaces_the_site_and_leaves_no_temporary_folders(
    rich_repo: Path, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    publish(PublishRequest(rich_repo, output, search=False))
    (rich_repo / "processes/barn/gammal.yaml").unlink()
    publish(PublishRequest(rich_repo, output, search=False))
    assert not (output / "processes/gammal.html").exists()
    assert (output / "processes/utredning.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


@pytest.mark.parametrize("failure", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_build_leaves_the_previous_site_untouched(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    output = tmp_path / "site"
    publish(PublishRequest(rich_repo, output, search=False))
    before = snapshot(output)
    (rich_repo / "processes/barn/myndighet.yaml").write_text(
        RICH["processes/barn/myndighet.yaml"].replace(  # type: ignore[union-attr]
            "Myndighetsutövning för barn", "Nytt namn"
        ),
        encoding="utf-8",
    )
    rendered = 0
    real = build_module.render_page

    def fail_midway(*args: object, **kwargs: object) -> bytes:
        nonlocal rendered
        rendered += 1
        if rendered == 5:
            raise failure
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "render_page", fail_midway)
    with pytest.raises(type(failure)):
        publish(PublishRequest(rich_repo, output, search=False))
    assert rendered == 5
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "site"]


def test_a_folder_that_is_not_a_site_is_never_replaced(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    precious = tmp_path / "documents"
    precious.mkdir()
    (precious / "letter.txt").write_text("keep me", encoding="utf-8")
    result = cli("publish", rich_repo, "--output", precious, "--quiet")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"processkit: the folder {precious} exists and is not a site processkit published, so it "
        "is left alone; choose another --output folder, or empty this one\n"
    )
    assert (precious / "letter.txt").read_text(encoding="utf-8") == "keep me"


def test_the_repository_itself_is_never_the_output(rich_repo: Path, cli: Cli) -> None:
    result = cli("publish", rich_repo, "--output", rich_repo, "--quiet")
    assert (result.code, result.err) == (
        2,
        f"processkit: the output folder {rich_repo} holds the repository itself; publish into "
        "a folder of its own, such as `site`\n",
    )


def test_a_repository_with_errors_is_not_published(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    output = tmp_path / "site"
    assert cli("publish", rich_repo, "--output", output, "--quiet").code == 0
    before = snapshot(output)
    (rich_repo / "processes/barn/myndighet.yaml").write_text(
        "kind: process\nid: myndighet\nname: M\narea: barn\ntype: core\nstatus: approved\n"
        "ower: anna\n",
        encoding="utf-8",
    )
    result = cli("publish", rich_repo, "--output", output)
    assert result.code == 1
    assert result.out == ""
    assert result.err.endswith(
        "1 error, 1 warning, 1 note in 15 files (14 entities).\n"
        "processkit: the site was not published: the repository has 1 error (listed above); fix "
        "them and publish again. The previous site is untouched.\n"
    )
    assert "processes/barn/myndighet.yaml:7:1 PK012 error:" in result.err
    # the checks that would be misled by the field left out wait, and say so
    assert result.err.startswith(
        "processes/barn/myndighet.yaml:0:0 PK032 info: these checks wait until the file with "
        "errors is fixed: PK101, PK105, PK106, PK123\n"
    )
    assert snapshot(output) == before


def test_publish_says_where_the_site_is_and_what_it_built_again(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    """After where the site is, what was built again: all of it (the first build), none of
    it (nothing changed), or the pages, maps and parts of the search index one change made
    again (the example's 4 parts: the start page and change log, the lists, the processes,
    the other entities). The counts of the one change are those
    ``test_site_cache.test_one_changed_process_renders_what_shows_it`` counts by the calls."""
    result = cli("publish", rich_repo, "--output", tmp_path / "out")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        f"Published 19 pages and 4 maps to {tmp_path / 'out'}/index.html\n"
        "Everything was built from scratch: nothing could be reused from before.\n"
    )
    quiet = cli("publish", rich_repo, "--output", tmp_path / "out", "--quiet")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    again = cli("publish", rich_repo, "--output", tmp_path / "out")
    assert again.out.splitlines()[1:] == [
        "Nothing had changed since the last build: everything was reused."
    ]
    changed = rich_repo / "processes/barn/utredning.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("Planen görs med familjen.", "Ny planering."), "utf-8")
    # its page, its flow map (the landscapes do not show an activity's description) and the
    # part of the search index that holds the process pages
    one = cli("publish", rich_repo, "--output", tmp_path / "out")
    assert one.out.splitlines()[1:] == [
        "This was built anew: 1 page, 1 map and 1 of the search's 4 parts. Everything else "
        "was unchanged and reused."
    ]
    # a new output folder, the same cache: made from what the cache holds
    elsewhere = cli("publish", rich_repo, "--output", tmp_path / "elsewhere")
    assert elsewhere.out.splitlines()[1:] == [
        "Nothing had changed since the last build: everything was reused."
    ]


def test_the_default_output_is_site_output(rich_repo: Path, cli: Cli) -> None:
    result = cli("publish", rich_repo, "--quiet")
    assert result.code == 0
    assert (rich_repo / "site" / "index.html").is_file()
    # and the next publish, and validation, ignore it
    assert cli("publish", rich_repo, "--quiet").code == 0
    assert cli("validate", rich_repo).code == 0


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "  logo: bilder/logo.svg\n",
            "site.logo: there is no file `bilder/logo.svg` in the repository; add the file or "
            "correct the path in processkit.yaml",
        ),
        (
            "  templates: ../elsewhere\n",
            "site.templates: `../elsewhere` is outside the repository; give a path inside it",
        ),
        (
            "  templates: mallar\n",
            "site.templates: there is no folder `mallar` in the repository; create it or correct "
            "the path in processkit.yaml",
        ),
    ],
)
def test_a_missing_logo_or_template_folder_is_told_in_one_line(
    rich_repo: Path, tmp_path: Path, cli: Cli, setting: str, message: str
) -> None:
    config = rich_repo / "processkit.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("site:\n", "site:\n" + setting))
    result = cli("publish", rich_repo, "--output", tmp_path / "out", "--quiet")
    assert (result.code, result.err) == (2, f"processkit: {message}\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("site_language", "command", "message"),
    [
        (
            "sv",
            "en",
            'site.templates: a template of your own uses `t("nav.start")`, which is gone; write '
            'the English text instead, e.g. `_("Home")` (see docs/publish.md)',
        ),
        (
            "en",
            "sv",
            'site.templates: en egen mall använder `t("nav.start")`, som inte finns längre; skriv '
            'den engelska texten i stället, till exempel `_("Home")` (se docs/publish.md)',
        ),
    ],
)
def test_a_template_of_its_own_that_asks_for_a_catalogue_key_is_told_in_one_line(
    rich_repo: Path,
    tmp_path: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    site_language: str,
    command: str,
    message: str,
) -> None:
    """The keys of the former site catalogue are gone: said in the command's language, not
    the site's, also where a forked worker renders the page."""
    from processkit.site import parallel

    monkeypatch.setattr(parallel, "THRESHOLD", 0)
    write_files(
        rich_repo / "mallar",
        {
            "base.html": '{% extends "builtin/base.html" %}\n'
            '{% block footer %}{{ t("nav.start") }}{% endblock %}\n'
        },
    )
    config = rich_repo / "processkit.yaml"
    setting = f"  templates: mallar\n  language: {site_language}\n"
    config.write_text(config.read_text(encoding="utf-8").replace("site:\n", "site:\n" + setting))
    result = cli("--lang", command, "publish", rich_repo, "--output", tmp_path / "out", "--quiet")
    assert (result.code, result.err) == (2, f"processkit: {message}\n")
    assert not (tmp_path / "out").exists()


_BROKEN = {
    "syntax": "{% block footer %}{% if %}{% endblock %}",
    "undefined": "{% block footer %}\n<p>{{ page.nosuch.name }}</p>{% endblock %}",
    "missing": "{% block footer %}{% include 'sidfot.html' %}{% endblock %}",
    "filter": "{% block footer %}{{ 1 + 'a' }}{% endblock %}",
}
_TOLD = {
    ("syntax", "en"): "site.templates: mallar/base.html, line 2: the template cannot be read "
    "(Expected an expression, got 'end of statement block')",
    ("syntax", "sv"): "site.templates: mallar/base.html, rad 2: mallen går inte att läsa "
    "(Expected an expression, got 'end of statement block')",
    ("undefined", "en"): "site.templates: mallar/base.html, line 3: the template uses `nosuch`, "
    "which the page does not have",
    ("undefined", "sv"): "site.templates: mallar/base.html, rad 3: mallen använder `nosuch`, som "
    "sidan inte har",
    ("filter", "en"): "site.templates: mallar/base.html, line 2: the template cannot be used "
    "(unsupported operand type(s) for +: 'int' and 'str')",
    ("filter", "sv"): "site.templates: mallar/base.html, rad 2: mallen går inte att använda "
    "(unsupported operand type(s) for +: 'int' and 'str')",
    ("missing", "en"): "site.templates: mallar/base.html, line 2: there is no template sidfot.html",
    ("missing", "sv"): "site.templates: mallar/base.html, rad 2: det finns ingen mall som "
    "heter sidfot.html",
}


@pytest.mark.parametrize("workers", [False, True])
@pytest.mark.parametrize(("broken", "command"), sorted(_TOLD))
def test_a_broken_template_of_its_own_is_told_in_one_line_where_it_is(
    rich_repo: Path,
    tmp_path: Path,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    broken: str,
    command: str,
    workers: bool,
) -> None:
    """A template of the repository's own that cannot be read, that uses a name no page has
    or that asks for a template that is not there: its file and line, in the command's
    language (the site's is Swedish), also where a forked worker renders the page; the site
    before stays as it was."""
    from processkit.site import parallel

    output = tmp_path / "out"
    assert cli("publish", rich_repo, "--output", output, "--quiet").code == 0
    before = snapshot(output)
    if workers:
        monkeypatch.setattr(parallel, "THRESHOLD", 0)
    write_files(
        rich_repo / "mallar",
        {"base.html": '{% extends "builtin/base.html" %}\n' + _BROKEN[broken] + "\n"},
    )
    config = rich_repo / "processkit.yaml"
    setting = "  templates: mallar\n"
    config.write_text(config.read_text(encoding="utf-8").replace("site:\n", "site:\n" + setting))
    result = cli("--lang", command, "publish", rich_repo, "--output", output, "--quiet")
    assert (result.code, result.err) == (2, f"processkit: {_TOLD[broken, command]}\n")
    assert snapshot(output) == before


def test_a_broken_built_in_template_is_an_error_of_processkit(
    rich_repo: Path, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the repository's own templates are the user's to mend: a problem in a built-in
    one is an internal error, to be reported."""
    from processkit.site import templating

    broken = tmp_path / "inbyggda"
    shutil.copytree(templating.builtin_dir(), broken)
    page = broken / "roles.html"
    text = page.read_text(encoding="utf-8")
    assert "{% block content %}" in text
    text = text.replace("{% block content %}", "{% block content %}{{ page.nosuch.name }}")
    page.write_text(text, "utf-8")
    monkeypatch.setattr(templating, "builtin_dir", lambda: broken)
    monkeypatch.setattr(templating, "_MADE", {})
    write_files(rich_repo / "mallar", {"start.html": '{% extends "builtin/start.html" %}\n'})
    config = rich_repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site:\n", "site:\n  templates: mallar\n")
    )
    result = cli("--lang", "en", "publish", rich_repo, "--output", tmp_path / "out", "--quiet")
    assert result.code == 3
    assert result.err.startswith("processkit: internal error (UndefinedError: ")


def test_a_failure_in_a_worker_process_leaves_the_previous_site_untouched(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from processkit.site import parallel

    output = tmp_path / "site"
    publish(PublishRequest(rich_repo, output, search=False))
    before = snapshot(output)
    (rich_repo / ".processkit-cache").rename(tmp_path / "old-cache")  # every page made anew
    monkeypatch.setattr(parallel, "THRESHOLD", 0)  # pages made by forked workers

    def fail(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("a worker fails")

    monkeypatch.setattr(build_module, "render_page", fail)
    with pytest.raises(RuntimeError, match="a worker fails"):
        publish(PublishRequest(rich_repo, output, search=False))
    assert snapshot(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-cache", "repo", "site"]


def test_an_error_found_by_a_rule_stops_a_publish_as_it_fails_validate(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    (rich_repo / "assessments/skala.yaml").write_text(
        "kind: assessment\nid: skala\nprocess: myndighet\ndate: 2026-01-10\n"
        "scores: {design: 7, performers: 1, owner: 1, infrastructure: 1, metrics: 1}\n",
        encoding="utf-8",
    )
    validated = cli("validate", rich_repo, "--format", "json")
    assert [d["code"] for d in validated.json()["diagnostics"] if d["severity"] == "error"] == [
        "PK118"
    ]
    result = cli("publish", rich_repo, "--output", tmp_path / "site")
    assert result.code == 1
    assert "assessments/skala.yaml:5:" in result.err and " PK118 error: " in result.err
    assert not (tmp_path / "site").exists()
    # where the build meets a problem of its own before the rules have run (a folder that is
    # not a site), the rules' errors are told first, as when the rules ran before the build
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli("publish", rich_repo, "--output", theirs)
    assert result.code == 1
    assert " PK118 error: " in result.err and "is not a site" not in result.err
    assert sorted(path.name for path in theirs.iterdir()) == ["notes.txt"]


def test_a_bad_rules_section_stops_a_publish_as_it_stops_validate(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    config = rich_repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "rules:\n  PK104: loud\n", encoding="utf-8"
    )
    expected = (
        "processkit: processkit.yaml: rules: PK104: expected `off`, `info`, `warning` or "
        "`error`, found `loud`\n"
    )
    assert (cli("validate", rich_repo).code, cli("validate", rich_repo).err) == (2, expected)
    result = cli("publish", rich_repo, "--output", tmp_path / "site")
    assert (result.code, result.err) == (2, expected)
    assert not (tmp_path / "site").exists()


def test_a_cache_that_cannot_be_written_costs_time_never_the_build(
    rich_repo: Path, tmp_path: Path, cli: Cli
) -> None:
    """``--cache-dir`` naming a file (no folder can be made there, whoever runs the command):
    the site is built all the same, without a word about the cache, and is the site a build
    with a cache makes."""
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    result = cli("publish", rich_repo, "-o", tmp_path / "site", "--cache-dir", blocked)
    assert result.code == 0, result.err
    assert result.err == ""
    assert blocked.read_text(encoding="utf-8") == ""
    cached = publish(PublishRequest(rich_repo, tmp_path / "cached", cache_dir=tmp_path / "c"))
    assert snapshot(tmp_path / "site") == snapshot(cached.output)


def test_a_folder_of_compiled_templates_that_cannot_be_written_is_passed_by(
    tmp_path: Path,
) -> None:
    """A compiled template that cannot be kept (a read-only folder, or one made by another
    user: here, a folder that is not there) is compiled again next time; the page is made."""
    from jinja2 import DictLoader, Environment

    from processkit.site.templating import _bytecode

    compiled = _bytecode(tmp_path / "gone", "sv")
    assert compiled is not None
    env = Environment(loader=DictLoader({"page.html": "Hej {{ name }}"}), bytecode_cache=compiled)
    assert env.get_template("page.html").render(name="Anna") == "Hej Anna"
    assert not (tmp_path / "gone").exists()


def test_publish_looks_for_no_cycles_while_it_builds_and_then_collects_as_before(
    rich_repo: Path, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command builds without Python's collector of cycles (what it makes is kept to the
    end or freed as it goes: see ``cli.publish``), and turns it on again however the build
    ends, for whatever runs next in the process."""
    import gc

    from processkit.cli import publishing

    collecting: list[bool] = []
    real = publishing.publish

    def noting(request: PublishRequest, progress: object = None) -> object:
        collecting.append(gc.isenabled())
        return real(request, progress)  # type: ignore[arg-type]

    monkeypatch.setattr(publishing, "publish", noting)
    assert gc.isenabled()
    assert cli("publish", rich_repo, "--output", tmp_path / "site", "--quiet").code == 0
    assert collecting == [False] and gc.isenabled()
    config = rich_repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "rules:\n  PK105: error\n", encoding="utf-8"
    )
    assert cli("publish", rich_repo, "--output", tmp_path / "site", "--quiet").code == 1
    assert collecting == [False, False] and gc.isenabled()


@pytest.mark.parametrize("threshold", ["default", "none", "processes"])
def test_the_process_pages_are_indexed_while_the_other_pages_are_worked_out(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, threshold: str
) -> None:
    """Pagefind begins on the process pages' shards before the build works out who uses each
    role and handbook (a pass over every process, for their pages) and makes the pages of
    the other entities and those that stand alone. Where the pages to make are many (shared
    out to forked workers: the process pages, and the other entities' pages that have no
    record), the other entities' pages are made by the workers too, before any shard begins,
    and the users and the roles' digests are worked out before the workers fork, the hashes
    kept for the next build; the site is the same. After a change of a process's purpose,
    which no role's page shows, the usages of the roles are not worked out at all: the role
    pages' digests come from the hashes kept by the processes' files."""
    from processkit.cache import read_store
    from processkit.domain import facts as facts_module
    from processkit.site import parallel

    processes = len(list((rich_repo / "processes").rglob("*.yaml")))
    # the pages to make for workers: never; always; more than the processes' pages alone
    least = {"default": 10_000, "none": 0, "processes": processes + 1}[threshold]
    monkeypatch.setattr(parallel, "THRESHOLD", least)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    begun = pagefind_begun(monkeypatch)
    seen: list[tuple[str, bool]] = []
    real_pages = build_module.site_pages
    forked = threshold != "default"  # in the build from nothing

    def noted(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def work(*args: object, **kwargs: object) -> object:
            seen.append((name, begun.wait(timeout=0 if forked and name != "pages" else 30)))
            return real(*args, **kwargs)

        return work

    for name in ("_role_uses", "_handbook_users"):
        monkeypatch.setattr(facts_module, name, noted(name, getattr(facts_module, name)))
    monkeypatch.setattr(build_module, "site_pages", noted("pages", real_pages))
    publish(PublishRequest(rich_repo, tmp_path / "site"))
    assert sorted(seen) == [
        ("_handbook_users", not forked),
        ("_role_uses", not forked),
        ("pages", True),
    ]
    records = rich_repo / ".processkit-cache" / "site" / build_module.RECORDS
    kept = read_store(records, build_module.PageRecords.NAME)["roles"]
    assert len(kept) == processes and any(roles for _, roles in kept.values())
    seen.clear()
    begun.clear()
    forked = threshold == "none"  # one page to make: for workers only where any is
    purpose_changed(rich_repo)
    publish(PublishRequest(rich_repo, tmp_path / "site"))
    roles = [("_role_uses", False)] if forked else []
    assert sorted(seen) == [("_handbook_users", not forked), *roles, ("pages", True)]


def test_the_rules_run_beside_pagefind_unless_there_is_much_to_draw_or_make(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules run once Pagefind has begun and the build's own pages are made: after one
    change they run beside Pagefind, and the build does not wait for the findings of the
    child that loads beside it while it has pages to make. Where more than ``RULES_FIRST``
    maps are to be drawn, or pages made, they run before any is, so that a repository with
    errors is told so before that work. An error they find beside Pagefind stops the publish
    as before: Pagefind stopped, nothing of the build left, the site as it was."""
    from processkit import background, render, validate
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishBlocked

    events: list[str] = []
    begun = pagefind_begun(monkeypatch)
    real_rules = validate.run_rules
    real_render, real_maps = build_module.render_page, render.render_maps

    # the pages made, and how many of them were made when the rules ran
    made: list[int] = [0, 0]

    def first(event: str) -> None:
        if event == "rules" and event not in events:
            made[1] = made[0]
        if event not in events:
            events.append(event)

    def rules(*args: object, **options: object) -> object:
        first("rules")
        return real_rules(*args, **options)  # type: ignore[arg-type]

    def page(*args: object) -> object:
        first("page")
        made[0] += 1
        return real_render(*args)  # type: ignore[arg-type]

    def maps(*args: object, **options: object) -> object:
        first("maps")
        return real_maps(*args, **options)  # type: ignore[arg-type]

    def noted(*args: object, **options: object) -> object:
        if begun.is_set():
            first("pagefind")
        return rules(*args, **options)

    # a run of its own with a parse store takes the rules' findings from the process that
    # loads beside it (``publishing._Beside``): taken where the build says, as run there
    beside: list[int] = []
    real_findings = publishing._Beside.findings

    def taken(self: publishing._Beside) -> object:
        found = real_findings(self)
        if found is not None:
            beside.append(len(beside))
            if begun.is_set():
                first("pagefind")
            first("rules")
        return found

    monkeypatch.setattr(validate, "run_rules", noted)
    monkeypatch.setattr(publishing._Beside, "findings", taken)
    monkeypatch.setattr(build_module, "render_page", page)
    monkeypatch.setattr(render, "render_maps", maps)
    output = tmp_path / "site"

    def built(*, cache: Path | None = None) -> list[str]:
        events.clear()
        begun.clear()
        made[:] = [0, 0]
        monkeypatch.setattr(publishing, "_READ", [None, None, None])  # a run of its own
        publish(PublishRequest(rich_repo, output, cache_dir=cache))
        return list(events)

    # from nothing: four maps, four process pages (fewer than fifty)
    assert built() == ["maps", "page", "pagefind", "rules"]
    path = purpose_changed(rich_repo)
    assert built() == ["maps", "page", "pagefind", "rules"]  # after one change
    assert made[0] > 1 and made[1] == made[0]  # (the start page among them)
    # more of the other pages to make than ``RULES_FIRST``: the rules before them
    monkeypatch.setattr(build_module, "RULES_FIRST", 3)
    text = path.read_text("utf-8")
    path.write_text(text.replace("Och dokumenterat.", "Och dokumenterat. Noga."), "utf-8")
    assert built() == ["maps", "page", "pagefind", "rules"]
    assert made[1] == 1 < made[0]  # the process page alone (the others taken or made after)
    assert built(cache=tmp_path / "cache") == ["rules", "maps", "page"]  # more maps than 3
    shutil.rmtree(tmp_path / "cache" / "site" / "pages")  # the maps kept, the pages not
    (tmp_path / "cache" / "site" / build_module.RECORDS).unlink()
    assert built(cache=tmp_path / "cache") == ["rules", "page"]  # more pages than 3
    # an error found beside Pagefind
    monkeypatch.setattr(build_module, "RULES_FIRST", 50)
    before = snapshot(output)
    config = rich_repo / "processkit.yaml"
    config.write_text(config.read_text("utf-8") + "rules:\n  PK105: error\n", "utf-8")
    path.write_text(path.read_text("utf-8").replace("Och dokumenterat.", "Och sparat."), "utf-8")
    with pytest.raises(PublishBlocked) as blocked:
        built()
    assert events == ["maps", "page", "pagefind", "rules"]
    assert blocked.value.errors == 1
    assert snapshot(output) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "repo", "site"]
    assert list((rich_repo / ".processkit-cache/site/.staging").iterdir()) == []
    # where git is read in a thread (no process can be forked), which could not be stopped
    # should the rules find errors: before the build, as before
    monkeypatch.setattr(background, "FORK", False)
    config.write_text(config.read_text("utf-8").replace("rules:\n  PK105: error\n", ""), "utf-8")
    # (the pages the blocked build made are kept: one more change, for a page to make)
    path.write_text(path.read_text("utf-8").replace("Och sparat.", "Och sparat igen."), "utf-8")
    assert built() == ["rules", "maps", "page"]
    # taken from beside in the builds with a parse store: after each of the two changes,
    # with more pages than three, and the one that found the error
    assert beside == [0, 1, 2, 3]


def test_after_a_change_the_landscapes_are_made_once_pagefind_has_begun(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run of its own that finds the maps' keys an earlier run kept keys the landscapes
    (and gives them new words) only once Pagefind has begun on the process pages, as no
    process page shows one: from nothing they are keyed before, with the flows, and so they
    are in a build again in the same process (``serve``). The site is the one a build from
    nothing makes, landscapes and all, and the maps made are counted as before."""
    from processkit.cli import publishing
    from processkit.site import maps

    begun = pagefind_begun(monkeypatch)
    seen: list[tuple[str, bool]] = []
    real_flow, real_landscape = maps._flow_key, maps._landscape_keys
    # whether the landscapes are to be keyed after Pagefind has begun (else before)
    after = [False]

    def flow(*args: object) -> str:
        seen.append(("flow", begun.is_set()))
        return real_flow(*args)  # type: ignore[arg-type]

    def landscape(*args: object) -> maps.LandscapeKeys:
        seen.append(("landscape", begun.wait(timeout=10 if after[0] else 0)))
        return real_landscape(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(maps, "_flow_key", flow)
    monkeypatch.setattr(maps, "_landscape_keys", landscape)
    output = tmp_path / "site"

    def built(*, own: bool = True, cache: Path | None = None, folder: Path = output) -> int:
        seen.clear()
        begun.clear()
        if own:  # a run of its own: nothing kept in this process
            monkeypatch.setattr(publishing, "_READ", [None, None, None])
            monkeypatch.setattr(maps, "_KEPT", [None])
        made = publish(PublishRequest(rich_repo, folder, cache_dir=cache)).made
        assert made is not None
        return made.maps

    landscapes = 1 + len(list((rich_repo / "areas").glob("*.yaml")))
    flows = [("flow", False)]  # one process draws a flow
    assert built() == 1 + landscapes  # from nothing: every map drawn
    assert sorted(set(seen)) == [("flow", False), ("landscape", False)]
    path = purpose_changed(rich_repo)
    after[0] = True
    # the flow of the process changed is retitled, the landscapes that show it given its new
    # purpose: all of the whole organisation's, and its area's
    assert built() == 3
    assert seen == flows + [("landscape", True)] * landscapes
    cold = tmp_path / "cold"
    after[0] = False
    built(cache=tmp_path / "cold-cache", folder=cold)
    assert snapshot(output) == snapshot(cold)
    # again in the same process, which keeps the maps' keys (as ``serve``'s builds do): keyed
    # before Pagefind, as from nothing
    path.write_text(path.read_text("utf-8").replace("Och dokumenterat.", "Och sparat."), "utf-8")
    assert built() == 3  # a run of its own, the keys kept for the next build in this process
    path.write_text(path.read_text("utf-8").replace("Och sparat.", "Och läst."), "utf-8")
    assert built(own=False) == 3
    assert seen == [("landscape", False)] * landscapes + flows


def test_where_workers_make_the_pages_the_landscapes_are_made_before_they_fork(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the pages to make after a change are many (made by forked workers, and the
    other entities' pages worked out before Pagefind begins), a run of its own makes the
    landscapes it left for later in its own process before the workers fork, with the rules
    told how many maps there are to draw in all; the site is the one a build from nothing
    makes."""
    from processkit.cli import publishing
    from processkit.site import maps, parallel

    monkeypatch.setattr(parallel, "THRESHOLD", 0)
    monkeypatch.setattr(parallel, "workers", lambda: 2)
    begun = pagefind_begun(monkeypatch)
    keyed: list[bool] = []
    told: list[int] = []
    real_landscape = maps._landscape_keys
    real_figures = build_module.figures

    def landscape(*args: object) -> maps.LandscapeKeys:
        keyed.append(begun.is_set())
        return real_landscape(*args)  # type: ignore[arg-type]

    def figures(*args: object, drawing: object = None, **options: object) -> object:
        def counted(count: int) -> None:
            told.append(count)
            drawing(count)  # type: ignore[operator]

        return real_figures(*args, drawing=counted, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(maps, "_landscape_keys", landscape)
    monkeypatch.setattr(build_module, "figures", figures)

    def built(folder: Path, cache: Path | None = None) -> None:
        keyed.clear()
        told.clear()
        begun.clear()
        monkeypatch.setattr(publishing, "_READ", [None, None, None])
        monkeypatch.setattr(maps, "_KEPT", [None])
        publish(PublishRequest(rich_repo, folder, cache_dir=cache))

    landscapes = 1 + len(list((rich_repo / "areas").glob("*.yaml")))
    built(tmp_path / "site")
    assert (keyed, told) == ([False] * landscapes, [1 + landscapes])
    purpose_changed(rich_repo)
    built(tmp_path / "site")
    # left for later, then made here, before Pagefind; told of the one flow to draw (it is
    # retitled as it is drawn), then of no landscape more (two are given the new purpose)
    assert (keyed, told) == ([False] * landscapes, [1, 1])
    built(tmp_path / "cold", tmp_path / "cold-cache")
    assert snapshot(tmp_path / "site") == snapshot(tmp_path / "cold")


def test_the_stores_the_next_publish_reads_are_written_while_pagefind_indexes(
    rich_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parsed files, the maps' keys and the pages' records (megabytes at 5,000
    processes) are written while the build waits for Pagefind, which runs in processes of
    its own, not before or after it: each of them is there, as the next publish reads it,
    when the build begins to wait. A build without search writes them at its end."""
    from processkit.cache import read_store
    from processkit.loading.parse import ParseCache
    from processkit.site import maps
    from processkit.site import search as search_module

    cache = rich_repo / ".processkit-cache"
    stores = {
        cache / ParseCache.FILE: ParseCache.NAME,
        cache / "site" / maps.KEYS_FILE: maps._KEYS_STORE,
        cache / "site" / build_module.RECORDS: build_module.PageRecords.NAME,
    }
    found: list[list[bool]] = []
    real = search_module.Indexing.wait

    def wait(self: search_module.Indexing) -> search_module.Indexed:
        found.append([path.is_file() for path in stores])  # on the disk, not to be written
        return real(self)

    monkeypatch.setattr(search_module.Indexing, "wait", wait)
    monkeypatch.setattr(maps, "_KEPT", [None])  # as a new process: it writes the maps' keys
    publish(PublishRequest(rich_repo, tmp_path / "site"))
    assert found == [[True, True, True]]
    for path in stores:
        path.unlink()
    monkeypatch.setattr(maps, "_KEPT", [None])
    publish(PublishRequest(rich_repo, tmp_path / "plain", search=False))
    assert all(read_store(path, name) != {} for path, name in stores.items())
    assert found == [[True, True, True]]
