"""A run of its own reads git, and runs the rules, beside its load: in a child forked before
the load, which loads the repository itself from the parse store (``publishing._read_beside``).
What the child found is taken only where it loaded as the build did; the site is the same
either way."""

from __future__ import annotations

import multiprocessing
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR
from tests.site.test_site_build import snapshot
from tests.small_repo import BASE, PROCESS
from tests.test_changelog_support import GitRepo, kalmar_history

from processkit import background, i18n
from processkit.background import Background
from processkit.cache import CACHE_FOLDER
from processkit.cli import publishing
from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
from processkit.diagnostics import Diagnostic, Severity
from processkit.loading import load, parse
from processkit.loading.load import PARSED
from processkit.loading.parse import Remembered
from processkit.site import build
from processkit.site.history import GitLinks, GitRead, History
from processkit.site.output import KEPT_FOLDER
from processkit.validate import check

#: A commit only the copy the child is made to load has.
ONLY_IN_THE_COPY = "Ändrat bara i kopian"


@pytest.fixture
def kalmar_git(tmp_path: Path) -> GitRepo:
    return kalmar_history(tmp_path, KALMAR)[0]


class Spied:
    """What the publishes after ``spy`` did: whether a child began before the load, how often
    this process read git itself (the children's reads are not counted here), and for each
    build that had such a child whether it handed over what it read, and whether that was
    taken."""

    def __init__(self) -> None:
        self.began: list[bool] = []
        self.read_here = 0
        self.handed: list[tuple[bool, bool]] = []


def spy(monkeypatch: pytest.MonkeyPatch) -> Spied:
    spied = Spied()
    real_beside = publishing._read_beside
    real_read = publishing.read_history
    real_from = publishing._Beside._from_beside

    def beside(*args: Any) -> Any:
        made = real_beside(*args)
        spied.began.append(made is not None)
        return made

    def read(*args: Any, **kwargs: Any) -> Any:
        spied.read_here += 1
        return real_read(*args, **kwargs)

    def from_beside(self: publishing._Beside) -> Any:
        first = not self._taken
        taken = real_from(self)
        if first:
            spied.handed.append((self._early.part() is not None, taken is not None))
        return taken

    monkeypatch.setattr(publishing, "_read_beside", beside)
    monkeypatch.setattr(publishing, "read_history", read)
    monkeypatch.setattr(publishing._Beside, "_from_beside", from_beside)
    return spied


def again(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a process of its own: no build before in it (the first publish of a test is:
    see ``tests/conftest.py``)."""
    monkeypatch.setattr(publishing, "_READ", [None, None, None])


def first(
    monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, before: Callable[[], object]
) -> None:
    """``owner.name`` made to call ``before`` each time, before it does its work (in a child
    forked later too)."""
    real = getattr(owner, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        before()
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, wrapped)


def sleep(seconds: float) -> Callable[[], None]:
    return lambda: time.sleep(seconds)


def child_loads_a_copy(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Make the child begun before the load load a copy of the repository as it is now, and
    not the repository; the copy's root."""
    copy = tmp_path / "copy"
    shutil.copytree(kalmar_git.top, copy)
    other = copy / kalmar_git.root.relative_to(kalmar_git.top)
    real = publishing._load_and_read

    def load_the_copy(load_from: Path, *rest: Any) -> Any:
        return real(other, *rest)

    monkeypatch.setattr(publishing, "_load_and_read", load_the_copy)
    return other


def test_with_the_parse_store_git_is_read_by_a_child_that_loads_beside(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spied = spy(monkeypatch)
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    again(monkeypatch)
    beside = publish(PublishRequest(kalmar_git.root, tmp_path / "beside")).output
    # the first had no parse store: git was read by a child forked after the load
    assert spied.began == [False, True]
    assert spied.handed == [(True, True)]
    assert spied.read_here == 0  # both read in children
    assert snapshot(beside) == snapshot(cold)
    assert multiprocessing.active_children() == []


#: Run in a process of its own: a publish, with what each child forked does and whether the
#: build's module and Jinja are imported noted at each fork, and at the end.
NOTED = """
import sys

from processkit import background
from processkit.cli.main import run


def imported():
    return " ".join(str(name in sys.modules) for name in ("processkit.site.build", "jinja2"))


real = background.Background._fork


def fork(self, work, language):
    print("fork", getattr(work, "func", work).__name__, imported(), flush=True)
    return real(self, work, language)


background.Background._fork = fork
sys.argv = ["processkit", "publish", sys.argv[1], "--output", sys.argv[2], "--quiet"]
try:
    run()
finally:
    print("end", imported(), flush=True)
"""


def test_the_site_s_modules_are_imported_after_every_fork_and_only_to_build(
    kalmar_git: GitRepo, tmp_path: Path
) -> None:
    """The children that read git (and load beside the build) begin as soon as what they
    need is imported: the build imports its own modules (the pages, Jinja, the maps, the
    search) while they work, on the other core; a publish that its load blocks never
    imports them."""

    def published(site: Path) -> tuple[int, list[str], str]:
        done = subprocess.run(
            [sys.executable, "-c", NOTED, str(kalmar_git.root), str(site)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        noted = [line for line in done.stdout.splitlines() if line.startswith(("fork ", "end "))]
        return done.returncode, noted, done.stderr

    # the first has no parse store: git is read by a child forked after the load; the
    # second reads it in the child that loads beside the build
    assert published(tmp_path / "cold") == (0, ["fork read False False", "end True True"], "")
    beside = ["fork _load_and_read False False", "end True True"]
    assert published(tmp_path / "site") == (0, beside, "")
    assert snapshot(tmp_path / "site") == snapshot(tmp_path / "cold")
    process = kalmar_git.root / "processes" / "aldreomsorg" / "ao-anhorigstod.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("status: draft", "status: halvklar", 1), encoding="utf-8")
    blocked = ["fork _load_and_read False False", "end False False"]
    assert published(tmp_path / "site")[:2] == (1, blocked)
    assert snapshot(tmp_path / "site") == snapshot(tmp_path / "cold")


def test_what_a_child_that_loaded_other_files_found_is_not_taken(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file changed between the child's load and the build's: the child is stopped, and
    git is read again for what the build loaded."""
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    # the child is made to load a copy in which a process's purpose is another
    other = child_loads_a_copy(kalmar_git, tmp_path, monkeypatch)
    process = sorted((other / "processes").rglob("*.yaml"))[0]
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("purpose: ", "purpose: Ändrat. ", 1), encoding="utf-8")
    spied = spy(monkeypatch)
    again(monkeypatch)
    rules_here: list[int] = []
    real_rules = publishing.check_later

    def counting(*args: Any, **kwargs: Any) -> Any:
        loaded, rules = real_rules(*args, **kwargs)

        def run() -> Any:
            rules_here.append(1)
            return rules()

        return loaded, run

    monkeypatch.setattr(publishing, "check_later", counting)
    beside = publish(PublishRequest(kalmar_git.root, tmp_path / "beside")).output
    assert spied.began == [True]
    assert spied.handed == [(True, False)]  # handed over, not taken
    assert spied.read_here == 1
    assert rules_here == [1]
    assert snapshot(beside) == snapshot(cold)
    assert multiprocessing.active_children() == []


def test_the_child_speaks_the_language_of_the_repository(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish: None
) -> None:
    """Begun before the configuration is read, the child speaks its language once it has
    read it: the rules' findings it gives are said as the build would say them."""
    config = kalmar_git.root / "processkit.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(f"language: en\n{text}rules:\n  PK102: error\n", encoding="utf-8")
    with pytest.raises(PublishBlocked):  # the parse store is written all the same
        publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    spied = spy(monkeypatch)
    again(monkeypatch)
    i18n.forget()  # as a run of its own begins: Swedish until the configuration is read
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    assert spied.handed == [(True, True)]
    found = [d for d in blocked.value.loaded.diagnostics if d.code == "PK102"]
    assert [d.path for d in found] == [
        "processes/funktionsstod/fs-daglig-verksamhet.yaml",
        "processes/ledning/led-klagomal.yaml",
    ]
    assert found[0].message == (
        "the review of the process `fs-daglig-verksamhet` was due on 2026-09-15, 67 days ago"
    )
    assert (
        blocked.value.loaded.diagnostics
        == check(kalmar_git.root, today=date(2026, 11, 21)).diagnostics
    )


def test_a_child_that_finds_more_than_a_few_files_not_in_the_store_gives_up(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It would parse them alone: git is read by a child forked after the load instead."""
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    monkeypatch.setattr(parse, "FEW_FRESH", 0)
    monkeypatch.setattr(parse, "FEW_FRESH_SHARE", 0)
    process = sorted((kalmar_git.root / "processes").rglob("*.yaml"))[0]
    process.write_text(process.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    # the child has given up by the time the build has loaded
    first(monkeypatch, publishing, "check_later", sleep(2))
    spied = spy(monkeypatch)
    again(monkeypatch)
    beside = publish(PublishRequest(kalmar_git.root, tmp_path / "beside")).output
    assert spied.began == [True]
    assert spied.handed == []  # not asked: it had ended without reading
    assert spied.read_here == 0  # read by a child forked after the load
    assert snapshot(beside) == snapshot(cold)


def test_a_load_with_errors_stops_the_child(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    (kalmar_git.root / "roles" / "broken.yaml").write_text("kind: role\nid: [\n", "utf-8")
    # still loading when the build's load has found the error
    first(monkeypatch, publishing, "_load_and_read", sleep(60))
    spied = spy(monkeypatch)
    again(monkeypatch)
    started = time.monotonic()
    with pytest.raises(PublishBlocked):
        publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    assert spied.began == [True]
    assert multiprocessing.active_children() == []
    assert time.monotonic() - started < 30


def test_no_child_loads_beside_serve_or_a_site_of_the_past(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))  # the parse store is there
    spied = spy(monkeypatch)
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "serve", remembered=Remembered()))
    # a second build in one process takes what the first read, or reads after its load
    publish(PublishRequest(kalmar_git.root, tmp_path / "second"))
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "past", at="HEAD~1"))
    assert spied.began == [False]  # asked by the second only (serve and the past do not ask)
    assert multiprocessing.active_children() == []


def test_no_child_loads_beside_where_the_parse_store_is_another_version_s(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade the store cannot be read: the child would parse every file alone."""
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    store = kalmar_git.root / CACHE_FOLDER / PARSED
    first, rest = store.read_bytes().split(b"\n", 1)
    assert first.startswith(b"processkit parsed files store ")
    store.write_bytes(b"processkit parsed files store 0 0.0.1 3.11.0\n" + rest)
    spied = spy(monkeypatch)
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, tmp_path / "site"))  # the store written anew
    assert spied.began == [False, True]


#: References to nothing, of every kind a file can make, put into the example by text: the
#: file, what it says, and what it is made to say instead.
DANGLING = (
    ("processes/aldreomsorg/ao-bistand.yaml", "area: aldreomsorg\n", "area: aldreomsorgen\n"),
    ("processes/aldreomsorg/ao-bistand.yaml", "type: core\n", "type: core\nparent: ao-saknas\n"),
    ("processes/aldreomsorg/ao-bistand.yaml", "owner: birgitta-svensson", "owner: b-svensson"),
    ("processes/aldreomsorg/ao-bistand.yaml", "[eva-marklund]", "[eva-marklund, e-marklund]"),
    ("processes/aldreomsorg/ao-bistand.yaml", "next: [utreda]", "next: [utredning]"),
    ("processes/aldreomsorg/ao-bistand.yaml", "[arbetsterapeut, sj", "[arbetsterapeuten, sj"),
    ("processes/aldreomsorg/ao-bistand.yaml", "accountable: enhetschef", "accountable: chef"),
    ("processes/aldreomsorg/ao-bistand.yaml", "informed: [enhetschef]", "informed: [chefen]"),
    ("processes/aldreomsorg/ao-bistand.yaml", "documents: [riktlinje-ibic]", "documents: [ibic]"),
    ("processes/aldreomsorg/ao-bistand.yaml", "process: hs-utskrivning\n", "process: hs-ut\n"),
    ("processes/aldreomsorg/ao-bistand.yaml", "role: processledare", "role: ledare"),
    ("processes/aldreomsorg/ao-bistand.yaml", "handbook: riktlinje-ibic", "handbook: ibik"),
    ("handbooks/hb-processmodell.yaml", "owner: karin-sandberg", "owner: k-sandberg"),
    ("proposals/fp-2026-001.yaml", "process: bu-utredning", "process: bu-utreda"),
    ("assessments/mm-2025-ao-bistand.yaml", "process: ao-bistand", "process: ao-bistandet"),
)


def _refer_to_nothing(root: Path) -> None:
    for relative, said, instead in DANGLING:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(said) == 1, (relative, said)
        path.write_text(text.replace(said, instead), encoding="utf-8")


@pytest.mark.parametrize("child", ["gave up", "loaded first", "loaded later"])
def test_references_to_nothing_block_a_publish_the_child_checks_them_for(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, child: str
) -> None:
    """Beside a child that loads, the build leaves the references for the child to check.
    The child hands over what git holds, then checks them with the rules: the build goes on
    meanwhile, and they block the publish where the rules' errors would (the build waits
    for what git holds, not for them: 0.07 s at 5,000 processes). Where the child gave up,
    it tells nothing, and the build runs the rules itself, the references among them,
    before it takes the site kept for it, makes pages or starts Pagefind. Either way the
    publish is blocked with what `validate` finds, and the site before is left as it was."""
    site = tmp_path / "site"
    publish(PublishRequest(kalmar_git.root, site))
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, site))  # the site it replaced is kept
    before = snapshot(site)
    kept = kalmar_git.root / CACHE_FOLDER / KEPT_FOLDER
    assert kept.is_dir()
    started: list[int] = []
    first(monkeypatch, build, "start_index", lambda: started.append(1))
    _refer_to_nothing(kalmar_git.root)
    if child == "gave up":
        monkeypatch.setattr(parse, "FEW_FRESH", 0)
        monkeypatch.setattr(parse, "FEW_FRESH_SHARE", 0)
    if child == "loaded later":  # still loading when the build has loaded
        first(monkeypatch, publishing, "_load_and_read", sleep(2))
    else:  # ended, or given up, by the time the build has loaded
        first(monkeypatch, publishing, "check_later", sleep(2))
    spied = spy(monkeypatch)
    again(monkeypatch)
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(kalmar_git.root, site))
    assert spied.began == [True]
    # handed over and taken where it loaded; asked for nothing where it gave up
    assert spied.handed == ([] if child == "gave up" else [(True, True)])
    found = blocked.value.loaded.diagnostics
    expected = check(kalmar_git.root, today=date(2026, 11, 21)).diagnostics
    assert sorted(found, key=Diagnostic.sort_key) == sorted(expected, key=Diagnostic.sort_key)
    wrong = sorted((d.code, d.path, d.line, d.column) for d in found if d.code == "PK030")
    bistand = "processes/aldreomsorg/ao-bistand.yaml"
    assert wrong == [
        ("PK030", "assessments/mm-2025-ao-bistand.yaml", 3, 10),
        ("PK030", "handbooks/hb-processmodell.yaml", 7, 8),
        *(
            ("PK030", bistand, line, column)
            for line, column in [
                (4, 7),
                (6, 9),
                (9, 8),
                (10, 25),
                (31, 12),
                (35, 17),
                (38, 17),
                (42, 18),
                (47, 16),
                (57, 14),
                (93, 11),
                (97, 15),
            ]
        ),
        ("PK030", "proposals/fp-2026-001.yaml", 3, 10),
    ]
    assert snapshot(site) == before
    if child == "gave up":  # told before the build takes the kept site or starts Pagefind
        assert kept.is_dir()
        assert started == []
    else:  # told where the rules' errors are: Pagefind had begun, and the kept site went
        # with the build's folder (the next publish makes the site's folder anew, as a
        # publish into a new folder does)
        assert not kept.is_dir()
        assert started != []
    assert multiprocessing.active_children() == []
    # mended, the repository publishes as ever
    subprocess.run(["git", "checkout", "--", "."], cwd=kalmar_git.root, check=True)
    again(monkeypatch)
    publish(PublishRequest(kalmar_git.root, site))
    assert snapshot(site) == before


def test_references_to_nothing_are_told_where_the_child_loaded_other_files(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The child loaded the files as they were, sound, and the build loaded them with
    references to nothing: what the child found is not taken, and the build finds them."""
    site = tmp_path / "site"
    publish(PublishRequest(kalmar_git.root, site))
    child_loads_a_copy(kalmar_git, tmp_path, monkeypatch)
    _refer_to_nothing(kalmar_git.root)
    spied = spy(monkeypatch)
    again(monkeypatch)
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(kalmar_git.root, site))
    assert spied.handed == [(True, False)]  # handed over, not taken
    found = blocked.value.loaded.diagnostics
    expected = check(kalmar_git.root, today=date(2026, 11, 21)).diagnostics
    assert sorted(found, key=Diagnostic.sort_key) == sorted(expected, key=Diagnostic.sort_key)
    assert sum(d.code == "PK030" for d in found) == len(DANGLING)
    assert multiprocessing.active_children() == []


def test_where_the_child_found_the_references_sound_the_build_does_not_check_them(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A publish with the parse store there: the child that loads beside the build checks
    every reference (once it has handed over what git holds), and the build does not check
    them again."""
    cold = publish(PublishRequest(kalmar_git.root, tmp_path / "cold")).output
    checked_here: list[int] = []
    first(monkeypatch, load, "check_references", lambda: checked_here.append(1))
    spied = spy(monkeypatch)
    again(monkeypatch)
    beside = publish(PublishRequest(kalmar_git.root, tmp_path / "beside")).output
    assert spied.handed == [(True, True)]
    assert checked_here == []  # in this process; the child's count is its own
    assert snapshot(beside) == snapshot(cold)


def test_a_build_that_fails_before_the_rules_ran_tells_their_errors_first(
    kalmar_git: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reference to nothing reaches the build before the rules are run (above): should the
    build fail on it, the publish is blocked with the references' errors, as where they were
    found first; with no error to tell, the failure is the build's own."""
    site = tmp_path / "site"
    publish(PublishRequest(kalmar_git.root, site))

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("ao-saknas")

    monkeypatch.setattr(build, "build_site", failing)
    again(monkeypatch)
    with pytest.raises(KeyError):
        publish(PublishRequest(kalmar_git.root, site))
    _refer_to_nothing(kalmar_git.root)
    again(monkeypatch)
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(kalmar_git.root, site))
    assert sum(d.code == "PK030" for d in blocked.value.loaded.diagnostics) == len(DANGLING)
    assert multiprocessing.active_children() == []


def test_the_child_that_loads_beside_holds_what_it_loaded_and_read_to_its_end(
    make_repo: Callable[[dict[str, str | bytes]], Path], tmp_path: Path
) -> None:
    """Not let go of one object at a time once the rules have run, while the build waits for
    their findings: held to the child's end, which comes at once."""
    repo = make_repo({**BASE, "processes/utreda.yaml": PROCESS})
    cache = tmp_path / "cache"
    load.load_repository(repo, cache_dir=cache)  # the parse store the child loads from
    got = GitRead(History(), GitLinks())

    def work() -> list[str]:
        found = publishing._load_and_read(repo, cache, lambda _repo: got, None)
        assert found is not None and not [d for d in found if d.severity is Severity.ERROR]
        return [type(held).__name__ for held in background._HELD]

    child = Background.forked(work)
    assert child is not None
    assert child.result() == ["LoadResult", "GitRead"]
    assert child.part() is not None  # what it loaded, and git's reading, handed over
    assert background._HELD == []  # nothing held here
