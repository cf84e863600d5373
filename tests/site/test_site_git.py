"""What the site takes from git: each page's history, the recent changes, and the repository as
it stood on a day or at a commit (read from history, the working tree untouched)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import CliResult, write_files
from tests.site.htmlcheck import page_facts
from tests.site.nuchecker import checker_errors
from tests.site.repos import RICH
from tests.site.test_site_build import snapshot
from tests.site.test_site_pages import _indexed_pages

from processkit.cache import CACHE_FOLDER
from processkit.loading import parse
from processkit.loading.git import parse_touched
from processkit.loading.parse import Remembered
from processkit.site.history import fold_history

Cli = Callable[..., CliResult]


def git(
    root: Path,
    *args: str,
    when: str = "2026-01-01T10:00:00+01:00",
    who: str = "Anna",
    email: str = "a@test.se",
) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": who,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    return subprocess.run(
        ["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True
    ).stdout


class Calls:
    """Calls noted in a file: what publish reads from git is read in a forked process
    (``processkit.background``), whose lists the test would not see."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def note(self, what: str) -> None:
        with self.path.open("a", encoding="utf-8") as noted:
            noted.write(what + "\n")

    def __call__(self) -> list[str]:
        return self.path.read_text(encoding="utf-8").split() if self.path.exists() else []

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)


@pytest.fixture
def history_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """RICH in a subfolder of a git repository, with three commits on three days."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    top = tmp_path / "git"
    root = write_files(top / "processer", RICH)
    (top / "README.md").write_text("Annat\n", encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "Första versionen", when="2026-01-10T09:00:00+01:00")
    process = root / "processes/barn/utredning.yaml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("Utreda barns behov", "Utreda barnets behov"),
        encoding="utf-8",
    )
    git(
        top,
        "commit",
        "-q",
        "-am",
        "Nytt namn på utredningen",
        when="2026-03-05T14:00:00+01:00",
        who="Erik Åberg",
    )
    (top / "README.md").write_text("Ändrat\n", encoding="utf-8")
    git(top, "commit", "-q", "-am", "Utanför processerna", when="2026-04-01T08:00:00+02:00")
    return root


def test_a_process_page_shows_its_history(history_repo: Path, cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    facts = page_facts(output, "processes/utredning.html")
    text = " ".join(" ".join(facts.text).split())
    assert (
        "Historik Senast ändrad 2026-03-05 av Erik Åberg. "
        "2026-03-05 Erik Åberg : namn ändrades från 'Utreda barns behov' till "
        "'Utreda barnets behov' Meddelande vid ändringen: Nytt namn på utredningen "
        "2026-01-10 Anna : skapades Meddelande vid ändringen: Första versionen"
    ) in text
    # the start page says the site was published on the day of the last commit, never today;
    # a process page gives its own last change instead
    start = " ".join(" ".join(page_facts(output, "index.html").text).split())
    assert "publicerad 2026-04-01" in start
    assert "publicerad" not in text
    other = " ".join(" ".join(page_facts(output, "processes/myndighet.html").text).split())
    assert "Senast ändrad 2026-01-10 av Anna." in other


def test_search_leaves_out_the_history_and_the_source_file(
    history_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    """A page's history tells each change in the words of its time: searched, a process
    would be a hit for the name it no longer has, for every commit message and author."""
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    html = (output / "processes/utredning.html").read_text(encoding="utf-8")
    indexed = _indexed_pages(output)
    text = str(indexed["/processes/utredning.html"]["content"])
    assert "Utreda barnets behov" in text
    gone = ("Utreda barns behov", "Nytt namn på utredningen", "Första versionen")
    gone += ("Historik", "Senast ändrad", "Källfil", "processes/barn/utredning.yaml")
    for words in gone:
        assert words in html, words
        assert words not in text, words
    # nor on the pages of roles and handbooks, which show a history too
    shown = [
        path
        for path in sorted(output.glob("*/*.html"))
        if 'class="history"' in path.read_text(encoding="utf-8")
    ]
    assert {path.parent.name for path in shown} == {"processes", "roles", "handbooks"}
    assert len(indexed) > len(shown)
    for path in shown:
        url = "/" + path.relative_to(output).as_posix()
        assert "Senast ändrad" not in str(indexed[url]["content"]), url


def test_the_changes_page_lists_commits_with_their_pages(
    history_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    html = (output / "changes.html").read_text(encoding="utf-8")
    log = html[
        html.index('<ol class="change-log">') : html.index("</ol>", html.index("change-log"))
    ]
    entries = [" ".join(part.split()) for part in log.split("<li>\n")[1:]]
    assert len(entries) == 2  # the commit outside the repository folder is not listed
    assert entries[0].startswith(
        '<p><time datetime="2026-03-05">2026-03-05</time> <span class="change-author">Erik Åberg'
        '</span>: <strong class="change-subject">Nytt namn på utredningen</strong>'
    )
    assert '<li><a href="processes/utredning.html">Utreda barnets behov</a></li>' in entries[0]
    assert "Och 6 andra filer." in entries[1]  # processkit.yaml, people, proposals, assessment


def test_recently_changed_processes_on_the_start_page(
    history_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    html = (output / "index.html").read_text(encoding="utf-8")
    recent = html[html.index('<ul class="recent">') : html.index("</ul>", html.index("recent"))]
    assert [" ".join(li.split()) for li in recent.split("<li>")[1:]] == [
        '<a href="processes/utredning.html">Utreda barnets behov</a> '
        '<span class="meta">2026-03-05, Erik Åberg</span></li>',
        '<a href="processes/ekonomi.html">Ekonomistyrning</a> '
        '<span class="meta">2026-01-10, Anna</span></li>',
        '<a href="processes/myndighet.html">Myndighetsutövning för barn</a> '
        '<span class="meta">2026-01-10, Anna</span></li>',
    ]  # the retired process is left out


def test_a_publish_of_a_past_day_leaves_the_files_signatures_as_they_were(
    history_repo: Path, cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A publish of a past day loads a copy of the files exported for it: their signatures
    would be of no use to the next command, and would push the repository's own out of the
    store (``parse.Signatures``), so the store is left as it was."""
    import time
    from types import SimpleNamespace

    # a minute on: every file written so far counts as settled, and is kept by its signature
    ahead = SimpleNamespace(time_ns=lambda: time.time_ns() + 60 * 10**9)
    monkeypatch.setattr(parse, "time", ahead)
    assert cli("publish", history_repo, "-o", tmp_path / "now", "-q").code == 0
    signed = history_repo / CACHE_FOLDER / parse.Signatures.FILE
    kept = signed.read_bytes()
    assert os.fspath(history_repo.resolve() / "processes/barn/utredning.yaml").encode() in kept
    for option, value in (("--as-of", "2026-02-01"), ("--at", "HEAD~2")):
        result = cli("publish", history_repo, "-o", tmp_path / value, "-q", option, value)
        assert (result.code, result.err) == (0, "")
        assert signed.read_bytes() == kept


@pytest.mark.parametrize(
    ("option", "value", "name", "banner"),
    [
        ("--as-of", "2026-02-01", "Utreda barns behov", "2026-02-01"),
        ("--as-of", "2026-03-05", "Utreda barnets behov", "2026-03-05"),
        ("--at", "HEAD~2", "Utreda barns behov", "2026-01-10"),
    ],
)
def test_as_of_publishes_the_repository_as_it_stood(
    history_repo: Path,
    cli: Cli,
    tmp_path: Path,
    option: str,
    value: str,
    name: str,
    banner: str,
) -> None:
    top = history_repo.parent
    status_before = git(top, "status", "--porcelain")
    (history_repo / "utkast.txt").write_text("inte incheckad\n", encoding="utf-8")
    output = tmp_path / "site"
    result = cli("publish", history_repo, "-o", output, "-q", option, value)
    assert (result.code, result.err) == (0, "")
    facts = page_facts(output, "processes/utredning.html")
    text = " ".join(" ".join(facts.text).split())
    assert f"{name} \N{EN DASH} Fyren" in text
    assert f"Så här såg ledningssystemet ut den {banner}." in text
    # the working tree is as it was: same files, same status
    assert (history_repo / "utkast.txt").read_text(encoding="utf-8") == "inte incheckad\n"
    assert "Utreda barnets behov" in (history_repo / "processes/barn/utredning.yaml").read_text(
        encoding="utf-8"
    )
    assert git(top, "status", "--porcelain") == status_before + "?? processer/utkast.txt\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--as-of", "2025-12-31"),
            "--as-of 2025-12-31: the repository has no commit from that day or before; its "
            "history starts 2026-01-10",
        ),
        (("--as-of", "1 juni"), "--as-of: expected a date written YYYY-MM-DD, found `1 juni`"),
        (("--at", "v9"), "--at: `v9` is not a commit, branch or tag in this repository"),
        (("--at", "HEAD", "--as-of", "2026-02-01"), "give either --as-of or --at, not both"),
    ],
)
def test_as_of_mistakes_are_told_in_one_line(
    history_repo: Path, cli: Cli, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli("publish", history_repo, "-o", tmp_path / "site", *args)
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {message}\n")


def test_the_history_says_in_plain_words_who_changed_what(
    history_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    """A page's history lists each change in the change log's words, the commit message as a
    detail, and names an author by the person file whose e-mail (any case) git gives."""
    top = history_repo.parent
    process = history_repo / "processes/barn/utredning.yaml"
    process.write_text(
        process.read_text(encoding="utf-8").replace("owner: anna", "owner: erik"),
        encoding="utf-8",
    )
    # git knows the author by a login name and an e-mail that matches erik.yaml's, in capitals
    git(
        top,
        "commit",
        "-q",
        "-am",
        "Update utredning.yaml",
        when="2026-04-02T10:00:00+02:00",
        who="eaberg",
        email="ERIK@test.se",
    )
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    html = (output / "processes/utredning.html").read_text(encoding="utf-8")
    facts = page_facts(output, "processes/utredning.html")
    text = " ".join(" ".join(facts.text).split())
    assert (
        "Historik Senast ändrad 2026-04-02 av Erik Åberg. "
        "2026-04-02 Erik Åberg : processägare ändrades från Anna Nilsson till Erik Åberg "
        "Meddelande vid ändringen: Update utredning.yaml "
        "2026-03-05 Erik Åberg : namn ändrades"
    ) in text
    assert "eaberg" not in text
    # the changes are a list, the message a detail after it
    assert (
        '<ul class="change-words">'
        "<li>processägare ändrades från Anna Nilsson till Erik Åberg</li></ul>"
    ) in html
    # an author no person file knows keeps git's name
    assert "2026-01-10 Anna : skapades" in text


def test_a_history_in_plain_words_is_valid_html(
    history_repo: Path, cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "site"
    assert cli("publish", history_repo, "-o", output, "-q").code == 0
    assert 'class="change-words"' in (output / "processes/utredning.html").read_text("utf-8")
    assert checker_errors(output, ["processes/utredning.html", "roles/enhetschef.html"]) == []


def test_as_of_outside_git_is_told_in_one_line(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path / "plain", RICH)
    result = cli("publish", root, "--at", "HEAD")
    assert result.err == (
        f"processkit: --as-of and --at read the repository's git history, and {root} is not "
        "inside a git repository\n"
    )


def test_the_history_read_from_git_comes_with_every_files_digest(history_repo: Path) -> None:
    """Git's reader works out the hash of every file's history (``History.digested``) where
    it reads git, beside the build: the build finds each one there, as it would work it out
    from the history itself, and they come with the history it is handed (pickled)."""
    import pickle

    from processkit.loading.load import load_repository
    from processkit.site.history import GitSource, History, read_history

    repo = load_repository(history_repo).repo
    read = pickle.loads(pickle.dumps(read_history(GitSource(history_repo), repo)))
    assert read.files and read.digests.keys() == read.files.keys()
    again = History(read.files, read.recent, read.words, read.people)
    assert read.digests == {path: again.digest(path) for path in read.files}
    named = "processes/barn/utredning.yaml"
    assert read.digests[named] != read.digests["processes/barn/myndighet.yaml"]


def test_the_log_is_parsed_in_one_pass() -> None:
    def record(sha: str, when: str, who: str, message: str, names: str) -> str:
        fields = [sha, who, f"{who.lower()}@test.se", when, when, message, names]
        return "\x1e" + "\x1f".join(fields)

    output = record(
        "aaa", "2026-03-05T14:00:00+01:00", "Erik", "Andra\n", "\x00\nb.yaml\x00a.yaml\x00"
    ) + record("bbb", "2026-01-10T09:00:00+01:00", "Anna", "Första\n", "\x00\na.yaml\x00")
    history = fold_history(parse_touched(output))
    assert [
        (t.commit.sha, t.commit.authored.isoformat(), t.commit.author, t.commit.summary, t.paths)
        for t in history.recent
    ] == [
        ("aaa", "2026-03-05", "Erik", "Andra", ("a.yaml", "b.yaml")),
        ("bbb", "2026-01-10", "Anna", "Första", ("a.yaml",)),
    ]
    assert [c.sha for c in history.of("a.yaml")] == ["aaa", "bbb"]
    assert [c.sha for c in history.of("b.yaml")] == ["aaa"]
    assert history.of("c.yaml") == []


def test_builds_in_one_process_read_the_history_again_only_when_what_it_shows_changed(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` builds again and again in one process: the history is read again after a
    commit, or when a name it shows changed, not after any other edit."""
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish

    read = Calls(tmp_path / "reads.txt")
    real = publishing.read_history

    def counting(*args: object, **kwargs: object) -> object:
        read.note("history")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    fresh_builds: list[Path] = []

    monkeypatch.setattr(publishing, "read_history", counting)
    top = history_repo.parent
    process = history_repo / "processes/barn/utredning.yaml"
    remembered = Remembered()  # as ``serve`` keeps the load from build to build

    def build() -> dict[str, bytes]:
        request = PublishRequest(history_repo, tmp_path / "site", remembered=remembered)
        return snapshot(publish(request).output)

    def fresh() -> dict[str, bytes]:
        """What a new process builds, with nothing cached (what this one read from git is
        set aside meanwhile, as another process would not see it)."""
        own = publishing._READ
        monkeypatch.setattr(publishing, "_READ", [None, None, None])
        folder = tmp_path / f"fresh-{len(fresh_builds)}"
        fresh_builds.append(folder)
        request = PublishRequest(history_repo, folder, cache_dir=folder.with_suffix(".cache"))
        try:
            return snapshot(publish(request).output)
        finally:
            monkeypatch.setattr(publishing, "_READ", own)

    build()
    build()
    assert read() == ["history"]
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("allsidigt belyst", "belyst"), encoding="utf-8")
    edited = build()
    assert read() == ["history"]  # an edit of a text the history does not show
    assert edited == fresh()
    read.clear()
    build()
    assert read() == []
    process.write_text(text.replace("Utreda barnets behov", "Utreda"), encoding="utf-8")
    renamed = build()
    assert read() == ["history"]  # the history names the process
    assert renamed == fresh()
    read.clear()
    build()
    git(top, "commit", "-q", "-am", "Kortare namn", when="2026-04-02T08:00:00+02:00")
    committed = build()
    assert read() == ["history"]
    assert committed != renamed  # the commit shows in the history


def test_a_publish_of_its_own_does_not_key_what_it_reads_from_git(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The key of what git is read from tells a build again in the same process (``serve``'s)
    whether to read it again: a publish of its own builds once and does not work it out."""
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish

    keyed = Calls(tmp_path / "keys.txt")
    real = publishing._history_key

    def counting(*args: object, **kwargs: object) -> str | None:
        keyed.note("key")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(publishing, "_history_key", counting)
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    own = snapshot(publish(PublishRequest(history_repo, tmp_path / "own")).output)
    assert keyed() == [] and publishing._READ[0] is None
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    request = PublishRequest(history_repo, tmp_path / "serve", remembered=Remembered())
    assert snapshot(publish(request).output) == own
    assert keyed() == ["key"] and isinstance(publishing._READ[0], str)


def test_git_is_read_beside_the_rules(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Publish starts reading git (in a process of its own) once the repository is loaded,
    and then runs the rules: the rules wait here until the reading has begun, which they
    would wait for in vain (and fail after 30 seconds) if it began after them."""
    import time

    from processkit import validate
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish

    read = Calls(tmp_path / "reads.txt")
    real_read = publishing.read_history
    real_rules = validate.run_rules

    def reading(*args: object, **kwargs: object) -> object:
        read.note("history")
        return real_read(*args, **kwargs)  # type: ignore[arg-type]

    def rules(*args: object, **kwargs: object) -> object:
        waited = time.monotonic() + 30
        while read() != ["history"] and time.monotonic() < waited:
            time.sleep(0.01)
        read.note("rules")
        return real_rules(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(publishing, "read_history", reading)
    monkeypatch.setattr(validate, "run_rules", rules)
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    site = tmp_path / "site"
    publish(PublishRequest(history_repo, site))
    assert read() == ["history", "rules"]
    assert (site / "processes/utredning.html").is_file()


def test_a_publish_the_rules_block_stops_reading_git(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule told to be an error blocks the publish after git began to be read: the reading
    is stopped, the site before stays as it was, and the errors are those ``validate``
    finds. A repository that does not load without errors starts no reading at all."""
    from processkit import background
    from processkit.background import Background
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishBlocked, PublishRequest, publish
    from processkit.validate import check

    stopped: list[Background[object]] = []
    started: list[Background[object]] = []

    class Noted(Background[object]):
        def __init__(self, work: Callable[[], object], *, thread: bool = True) -> None:
            started.append(self)
            super().__init__(work, thread=thread)

        def stop(self) -> None:
            stopped.append(self)
            super().stop()

    monkeypatch.setattr(publishing, "Background", Noted)
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    site = tmp_path / "site"
    publish(PublishRequest(history_repo, site))
    before = snapshot(site)
    assert len(started) == 1 and stopped == []
    config = history_repo / "processkit.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "rules:\n  PK105: error\n", encoding="utf-8"
    )
    started.clear()
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(history_repo, site))
    assert len(started) == 1 and stopped == started
    assert blocked.value.errors == 1
    # where git is read in a thread, which cannot be stopped, it is not begun before the rules
    monkeypatch.setattr(background, "FORK", False)
    started.clear()
    stopped.clear()
    with pytest.raises(PublishBlocked):
        publish(PublishRequest(history_repo, site))
    assert started == [] and stopped == []
    monkeypatch.setattr(background, "FORK", True)
    found = blocked.value.loaded.diagnostics
    assert [(d.code, d.severity.value, d.path) for d in found] == [
        ("PK102", "warning", "processes/barn/utredning.yaml"),
        ("PK105", "error", "processes/barn/myndighet.yaml"),
        ("PK106", "warning", "processes/barn/myndighet.yaml"),
    ]
    assert found == check(history_repo, today=date(2026, 4, 1)).diagnostics
    assert snapshot(site) == before
    # an error in loading: the rules run (their findings are told too), git is not read:
    # the process begun before the load (``_read_beside``), which reads git only for a
    # repository it loaded without errors, is stopped
    unit = history_repo / "processes/barn/utredning.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + "ower: anna\n", encoding="utf-8")
    started.clear()
    stopped.clear()
    with pytest.raises(PublishBlocked) as blocked:
        publish(PublishRequest(history_repo, site))
    assert len(started) == 1 and stopped == started
    assert blocked.value.errors == 2
    assert snapshot(site) == before


def _new_process_builds(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str, Path], dict[str, bytes]]:
    """A build of ``repo`` as a new process makes it (nothing read from git kept from the
    last), into ``tmp_path / folder`` with the cache ``cache_dir``: the site's files."""
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish

    def build(folder: str, cache_dir: Path) -> dict[str, bytes]:
        monkeypatch.setattr(publishing, "_READ", [None, None, None])
        request = PublishRequest(repo, tmp_path / folder, cache_dir=cache_dir)
        return snapshot(publish(request).output)

    return build


def _shorter_text_committed(repo: Path) -> str:
    """A process's text made shorter and committed in the git repository holding ``repo``;
    the commit's hash."""
    process = repo / "processes/barn/utredning.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("allsidigt belyst", "belyst"), encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", "Kortare text", when="2026-04-02T08:00:00+02:00")
    return git(repo.parent, "rev-parse", "HEAD").strip()


def test_a_build_after_a_new_commit_describes_that_commit_alone(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The words of each commit are kept in the cache: the next build (a new process, as
    ``publish`` is) reads again only the commits it has not described, unless a name the
    words show has changed; and its site is the site a build with no cache makes."""
    from processkit.history import changelog

    described = Calls(tmp_path / "described.txt")
    real = changelog.commit_changes

    def counting(history: object, repo: object, sha: str, store: object) -> object:
        described.note(sha)
        return real(history, repo, sha, store)  # type: ignore[arg-type]

    monkeypatch.setattr(changelog, "commit_changes", counting)
    cache = tmp_path / "cache"
    build = _new_process_builds(history_repo, tmp_path, monkeypatch)

    build("first", cache)
    assert len(described()) == 2  # the two commits that touched the processes' files
    described.clear()
    head = _shorter_text_committed(history_repo)
    again = build("again", cache)
    assert described() == [head]
    described.clear()
    assert again == build("fresh", tmp_path / "empty-cache")
    assert len(described()) == 3
    described.clear()
    # a name the words show is changed: every commit is described again
    person = history_repo / "people/erik.yaml"
    person.write_text(
        person.read_text(encoding="utf-8").replace("Erik Åberg", "Erik Å. Berg"), encoding="utf-8"
    )
    renamed = build("renamed", cache)
    assert len(described()) == 3
    described.clear()
    assert renamed == build("fresh-renamed", tmp_path / "empty-cache-2")


def test_a_build_after_a_new_commit_walks_that_commit_alone_and_makes_the_same_site(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The walks of the whole history (the pages' histories, the change log, the commits that
    closed proposals) are kept in the cache: after a commit the next build walks only that
    commit, and its site is the site a build with no cache makes."""
    from processkit.loading import git as gitmodule

    walked = Calls(tmp_path / "walked.txt")
    real = gitmodule._run_bytes

    def noting(folder: Path, *args: str, feed: bytes | None = None) -> bytes:
        if args[0] == "log":  # the commits walked, in the forked process that reads git
            walked.note(next(arg for arg in args[1:] if not arg.startswith("-")))
        return real(folder, *args, feed=feed)

    monkeypatch.setattr(gitmodule, "_run_bytes", noting)
    top = history_repo.parent
    cache = tmp_path / "cache"
    build = _new_process_builds(history_repo, tmp_path, monkeypatch)

    first = git(top, "rev-parse", "HEAD").strip()
    build("first", cache)
    # the files' history (run where the repository is) and the walk of the commits that
    # closed proposals (run at the top of git), which the change log shares when its period
    # reaches back to the first commit
    assert walked() == [first, first]
    walked.clear()
    head = _shorter_text_committed(history_repo)
    again = build("again", cache)
    assert walked() == [f"{first}..{head}", f"{first}..{head}"]
    walked.clear()
    assert again == build("fresh", tmp_path / "empty-cache")
    assert walked() == [head, head]


def test_a_first_history_read_parses_only_the_versions_not_in_the_working_tree(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With nothing kept of the history, a publish (its page histories, change log and the
    commits that closed proposals) takes each file version whose bytes the load has just
    parsed from the parse store; only the older name of ``utredning.yaml`` is parsed."""
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish
    from processkit.history import snapshots

    parsed = Calls(tmp_path / "parsed.txt")
    real = snapshots.snapshot

    def counting(path: str, data: bytes) -> object:
        parsed.note(path)
        return real(path, data)

    monkeypatch.setattr(snapshots, "snapshot", counting)
    monkeypatch.setattr(publishing, "_READ", [None, None, None])
    cache = tmp_path / "cache"
    publish(PublishRequest(history_repo, tmp_path / "site", cache_dir=cache))
    assert parsed() == ["processes/barn/utredning.yaml"]
    assert (cache / "parsed.bin").is_file() and (cache / "snapshots.bin").is_file()


def test_the_kept_words_of_a_commit_are_in_the_language_spoken(
    history_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why a version could not be read is told in the language the command speaks: words
    kept by a build in English are not shown by a build in Swedish."""
    from processkit import i18n
    from processkit.cli import publishing
    from processkit.cli.publishing import PublishRequest, publish

    top = history_repo.parent
    process = history_repo / "processes/barn/utredning.yaml"
    text = process.read_text(encoding="utf-8")
    process.write_text(text.replace("name: Utreda barnets behov", "name: [Utreda"), "utf-8")
    git(top, "commit", "-q", "-am", "Trasig", when="2026-04-02T08:00:00+02:00")
    process.write_text(text, encoding="utf-8")
    git(top, "commit", "-q", "-am", "Lagad", when="2026-04-02T09:00:00+02:00")
    cache = tmp_path / "cache"

    def build(
        folder: str, cache_dir: Path, language: str, remembered: Remembered | None = None
    ) -> dict[str, bytes]:
        if remembered is None:  # a new process
            monkeypatch.setattr(publishing, "_READ", [None, None, None])
        with i18n.speaking(language):  # type: ignore[arg-type]
            request = PublishRequest(
                history_repo, tmp_path / folder, cache_dir=cache_dir, remembered=remembered
            )
            return snapshot(publish(request).output)

    english = build("en", cache, "en")
    swedish = build("sv", cache, "sv")
    fresh = build("sv-fresh", tmp_path / "fresh", "sv")
    assert swedish == fresh
    assert swedish["processes/utredning.html"] != english["processes/utredning.html"]
    # also in one process that keeps what it read from git between builds, as ``serve``
    # builds: the language is in the key of what it read
    kept = Remembered()
    assert build("sv-again", cache, "sv", kept) == fresh
    assert build("en-again", cache, "en", kept) == english
    assert build("sv-once-more", cache, "sv", kept) == fresh
