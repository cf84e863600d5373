"""``processkit serve``: a preview on localhost that rebuilds when a file changes."""

from __future__ import annotations

import os
import queue
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import CliResult, write_files
from tests.site.conftest import own_base_template
from tests.site.repos import RICH
from tests.site.test_site_build import snapshot

from processkit import i18n
from processkit.site.preview import BUILD_PATH, Builds, Problems, reload_script, serving

Cli = Callable[..., CliResult]


def test_serve_builds_serves_and_stops(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path / "repo", RICH)
    result = cli("serve", root, "--port", "0", "--once")
    assert result.code == 0
    lines = result.err.splitlines()
    assert lines[0].startswith(f"Serving {root} at http://127.0.0.1:")
    assert lines[0].endswith("/ (Ctrl-C to stop); rebuilding when a file changes.")
    assert not (root / "site").exists()  # the preview is built elsewhere


def test_serve_on_a_port_in_use_says_so_in_one_line(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path / "repo", RICH)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli("serve", root, "--port", str(port), "--once")
        swedish = cli("--lang", "sv", "serve", root, "--port", str(port), "--once")
    assert result.code == 2
    assert result.err == (
        f"processkit: cannot serve on port {port} (another program is using the port); "
        "choose another with --port\n"
    )
    assert swedish.code == 2
    assert swedish.err == (
        f"processkit: kan inte visa webbplatsen på port {port} (ett annat program använder "
        "redan porten); välj en annan med --port\n"
    )


def test_the_preview_server_serves_pages_and_the_404_page(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<h1>Start</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Sidan finns inte</h1>", encoding="utf-8")
    with serving(tmp_path) as base:
        with urllib.request.urlopen(base + "index.html", timeout=10) as response:
            assert response.read() == b"<h1>Start</h1>"
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "processes/saknas.html", timeout=10)
        assert missing.value.code == 404
        assert missing.value.read() == b"<h1>Sidan finns inte</h1>"


def test_a_site_served_as_it_is_and_a_reader_who_leaves_mid_page_leave_no_error(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """``serving`` serves the files as they are (no reload script), on a free port; a reader
    who closes the page while it loads is no error the terminal shows."""
    page = "<h1>Start</h1>" + "<p>Rutin för mottagning.</p>" * 400_000  # 11 MB
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    with serving(tmp_path) as address:
        with urllib.request.urlopen(address + "index.html", timeout=10) as response:
            assert response.read() == page.encode()
        host, port = address.removeprefix("http://").rstrip("/").split(":")
        for _ in range(3):
            reader = socket.create_connection((host, int(port)), timeout=10)
            reader.sendall(b"GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n")
            reader.recv(1024)  # the answer has begun
            # gone at once, with a reset rather than a goodbye
            reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            reader.close()
        time.sleep(0.5)  # the server's threads write into the closed connections meanwhile
    assert capfd.readouterr().err == ""


def test_served_pages_reload_themselves_when_a_new_build_is_there(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(b"<html><body><h1>Start</h1></body></html>\n")
    builds = Builds()
    script = reload_script().encode()
    with serving(tmp_path, builds) as address:
        base = address.rstrip("/")
        with urllib.request.urlopen(base + "/index.html", timeout=10) as response:
            assert response.read() == (b"<html><body><h1>Start</h1>" + script + b"</body></html>\n")
        with urllib.request.urlopen(base + "/", timeout=10) as response:  # the start page
            assert script in response.read()
        # a page not there (yet): the 404 page, which reloads itself too
        (tmp_path / "404.html").write_bytes(b"<html><body><h1>Saknas</h1></body></html>\n")
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "/processes/ny.html", timeout=10)
        assert missing.value.code == 404
        assert missing.value.read() == (
            b"<html><body><h1>Saknas</h1>" + script + b"</body></html>\n"
        )
        with urllib.request.urlopen(base + BUILD_PATH, timeout=10) as response:
            assert response.read() == b"1"
        builds.failed(Problems("a.yaml:1:1 PK002 error: x\n  1 | x: [", 1, "en"))
        with urllib.request.urlopen(base + BUILD_PATH, timeout=10) as response:
            assert response.read() == b"1\n1\nen\na.yaml:1:1 PK002 error: x\n  1 | x: ["
        builds.finished()
        with urllib.request.urlopen(base + BUILD_PATH, timeout=10) as response:
            assert response.read() == b"2"
    # the built file itself is as publish wrote it
    assert (tmp_path / "index.html").read_bytes() == b"<html><body><h1>Start</h1></body></html>\n"


def test_serve_rebuilds_when_a_file_changes(tmp_path: Path, cli: Cli) -> None:
    root = write_files(tmp_path / "repo", RICH)
    outcome: list[CliResult] = []
    worker = threading.Thread(
        target=lambda: outcome.append(cli("serve", root, "--port", "0", "--rebuilds", "1")),
        daemon=True,
    )
    worker.start()
    changed = root / "processes/barn/utredning.yaml"
    for _ in range(600):  # the first build takes a while; then the change is made
        if list((root / ".processkit-cache").glob("site/pages.bin")):
            break
        time.sleep(0.1)
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("allsidigt belyst", "belyst från alla håll"),
        encoding="utf-8",
    )
    worker.join(timeout=120)
    assert not worker.is_alive()
    result = outcome[0]
    assert result.code == 0
    lines = result.err.splitlines()
    assert lines[1] == "A file changed; rebuilding …"
    assert lines[2].startswith("Rebuilt in ")
    assert lines[2].endswith(" s; open pages reload themselves")


def test_a_file_saved_while_the_first_build_runs_is_built_after_it(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files are watched from before the first build, which may take a while on a large
    repository: a process leader who saves meanwhile sees the edit without saving again."""
    from processkit.cli import serve as serve_module

    root = write_files(tmp_path / "repo", RICH)
    changed = root / "processes/barn/utredning.yaml"
    real = serve_module.build_preview

    def first_then_saved(*args: Any, **kwargs: Any) -> Any:
        built = real(*args, **kwargs)
        if kwargs.get("first"):  # saved before serve says it serves
            text = changed.read_text(encoding="utf-8")
            changed.write_text(text.replace("allsidigt belyst", "belyst"), encoding="utf-8")
        return built

    monkeypatch.setattr(serve_module, "build_preview", first_then_saved)
    rebuilt: list[list[Path]] = []
    real_rebuild = serve_module.rebuild

    def rebuild(root: Path, output: Path, remembered: Any, paths: Any, **rest: Any) -> Any:
        rebuilt.append(list(paths))
        return real_rebuild(root, output, remembered, paths, **rest)

    monkeypatch.setattr(serve_module, "rebuild", rebuild)
    outcome: list[CliResult] = []
    worker = threading.Thread(
        target=lambda: outcome.append(cli("serve", root, "--port", "0", "--rebuilds", "1")),
        daemon=True,
    )
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    said = outcome[0].err.splitlines()
    assert said[0].startswith(f"Serving {root} at http://127.0.0.1:")
    assert said[1] == "A file changed; rebuilding …"
    assert said[2].startswith("Rebuilt in ")
    assert rebuilt == [[changed]]  # the file saved, and nothing else


def test_what_changed_while_a_rebuild_ran_is_built_once_after_it() -> None:
    """The change sets the watcher handed over meanwhile are one set; where the watching
    ended with a problem, the changes before it are built, then it is raised."""
    from watchfiles import Change

    from processkit.cli.serve import _Watching

    watching = _Watching.__new__(_Watching)
    watching._sets = queue.SimpleQueue()
    for name in ("a.yaml", "b.yaml", "a.yaml"):
        watching._sets.put({(Change.modified, name)})
    watching._sets.put(None)
    assert list(watching) == [{(Change.modified, "a.yaml"), (Change.modified, "b.yaml")}]
    watching._sets.put({(Change.added, "c.yaml")})
    watching._sets.put(OSError("the watcher stopped"))
    sets = iter(watching)
    assert next(sets) == {(Change.added, "c.yaml")}
    with pytest.raises(OSError, match="the watcher stopped"):
        next(sets)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answer(port: int) -> str:
    """What an open page is told, or "" while nothing is served on ``port`` yet."""
    address = f"http://127.0.0.1:{port}{BUILD_PATH}"
    try:
        with urllib.request.urlopen(address, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


#: What processkit says of ``processes/barn/utredning.yaml`` with its name's list left open
#: (``name: [``), by language.
LEFT_OPEN = {
    "en": [
        "processes/barn/utredning.yaml:3:7 PK002 error: the value of `name` starts with `[` but "
        "has no closing `]`",
        "  3 | name: [Utreda barns behov",
        "    |       ^",
        "    = hint: Close the list on the same line, separating its items with commas: "
        "`name: [Utreda barns behov]`",
    ],
    "sv": [
        "processes/barn/utredning.yaml:3:7 PK002 fel: värdet i `name` börjar med `[` men "
        "saknar ett avslutande `]`",
        "  3 | name: [Utreda barns behov",
        "    |       ^",
        "    = tips: Avsluta listan på samma rad och skilj punkterna åt med kommatecken: "
        "`name: [Utreda barns behov]`",
    ],
}
#: What ``serve`` says when an edit leaves that list open, by language.
TOLD = {
    "en": [
        "A file changed; rebuilding …",
        *LEFT_OPEN["en"],
        "",
        "processkit: the change is not shown: the repository has 1 error (listed above). Fix it "
        "and save again. The preview shows the files as they were before the change.",
    ],
    "sv": [
        "En fil ändrades; bygger om …",
        *LEFT_OPEN["sv"],
        "",
        "processkit: ändringen visas inte: det finns 1 fel i arkivet (se ovan). Rätta felet och "
        "spara igen. Webbplatsen visar innehållet som det såg ut före ändringen.",
    ],
}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_an_edit_that_cannot_be_built_is_told_in_the_open_pages_until_it_is_mended(
    tmp_path: Path, cli: Cli, language: str
) -> None:
    root = write_files(tmp_path / "repo", RICH)
    port = _free_port()
    outcome: list[CliResult] = []
    argv = ("--lang", language, "serve", root, "--port", port, "--rebuilds", "3")
    worker = threading.Thread(target=lambda: outcome.append(cli(*argv)), daemon=True)
    worker.start()
    for _ in range(600):  # the first build takes a while
        if list((root / ".processkit-cache").glob("site/pages.bin")):
            break
        time.sleep(0.1)
    changed = root / "processes/barn/utredning.yaml"
    before = changed.read_text(encoding="utf-8")
    changed.write_text(before.replace("name: ", "name: [", 1), encoding="utf-8")
    answers = []
    for _ in range(600):
        answers.append(_answer(port))
        if "\n" in answers[-1]:
            break
        time.sleep(0.1)
    changed.write_text(before, encoding="utf-8")  # mended
    for _ in range(600):
        answers.append(_answer(port))
        if answers[-1] != answers[-2]:
            break
        time.sleep(0.1)
    changed.write_text(before + "\n", encoding="utf-8")  # the third rebuild, the last
    worker.join(timeout=120)
    assert not worker.is_alive()
    result = outcome[0]
    assert result.code == 0
    said = result.err.splitlines()
    # the terminal is told the errors alone, and what to do
    assert said[1 : 1 + len(TOLD[language])] == TOLD[language]
    # the open pages are told the errors (not what the terminal says after them: the page
    # has words of its own), with the build's number unchanged (no reload)
    told = f"1\n1\n{language}\n" + "\n".join(TOLD[language][1:-2])
    assert told in answers
    # then the file is mended: a build that is shown, and pages with nothing to tell
    assert answers[answers.index(told) + 1 :] == [told] * (
        len(answers) - answers.index(told) - 2
    ) + ["2"]
    assert said[1 + len(TOLD[language])] == TOLD[language][0]
    assert said[2 + len(TOLD[language])].startswith(("Rebuilt in ", "Byggd på nytt på "))


def test_a_rebuild_the_full_disk_stops_is_told_and_the_preview_shown_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while ``serve`` builds an edit: the terminal and the open pages are
    told which file could not be written and why, the preview shown stays as it was, and
    the next edit, with room again, is built. The first build, with nothing to show yet,
    ends the command with the same line (``cli.main``)."""
    import errno

    from processkit.cli import serve
    from processkit.loading.parse import Remembered
    from processkit.site import build
    from processkit.site.output import finish_removals

    root = write_files(tmp_path / "repo", RICH)
    output = tmp_path / "preview"
    remembered = Remembered()
    assert serve.build_preview(root, output, remembered, first=True) is not None
    finish_removals()
    shown = snapshot(output)
    changed = root / "processes/barn/utredning.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("allsidigt belyst", "belyst från alla håll"), encoding="utf-8")
    tried: list[str] = []
    write = build.write_bytes

    def full(target: str, data: bytes) -> None:
        tried.append(target)
        raise OSError(errno.ENOSPC, "No space left on device", target)

    monkeypatch.setattr(build, "write_bytes", full)
    said: list[str] = []
    monkeypatch.setattr(serve, "_say", said.append)
    told: list[Problems] = []
    with i18n.speaking("sv"):
        assert serve.rebuild(root, output, remembered, [changed], told=told.append) is None
    # the page named where the preview is, not in the folder it was brought up to date in
    (problems,) = told
    assert said == [f"processkit: {problems.text}"] and problems.errors == 1
    named = problems.text.removeprefix("kan inte skriva till ").removesuffix(": disken är full")
    assert Path(named).is_relative_to(output) and named != problems.text
    assert tried[0].endswith(os.sep + os.path.relpath(named, output))
    assert snapshot(output) == shown
    monkeypatch.setattr(build, "write_bytes", write)  # room again
    assert serve.rebuild(root, output, remembered, [changed]) is not None
    finish_removals()
    monkeypatch.setattr(build, "write_bytes", full)
    other = write_files(tmp_path / "other", RICH)  # nothing of it kept yet: every page written
    with pytest.raises(OSError) as stopped:
        serve.build_preview(other, tmp_path / "another", Remembered(), first=True)
    assert stopped.value.errno == errno.ENOSPC


def test_the_open_pages_are_told_in_the_language_the_configuration_names_now(
    tmp_path: Path, cli: Cli, swedish: None
) -> None:
    """An edit of ``language:`` while ``serve`` runs: the site is built in the language named
    now, the problems of a later edit are told in it, and in Swedish again once the line is
    taken out (as a run of its own would tell them), under words in that language."""
    root = write_files(tmp_path / "repo", RICH)
    port = _free_port()
    outcome: list[CliResult] = []
    argv = ("serve", root, "--port", port, "--rebuilds", "4")
    worker = threading.Thread(target=lambda: outcome.append(cli(*argv)), daemon=True)
    worker.start()

    def answered(wanted: Callable[[str], bool]) -> str:
        for _ in range(600):  # a build takes a while
            answer = _answer(port)
            if wanted(answer):
                return answer
            time.sleep(0.1)
        raise AssertionError(f"no such answer; the last was {answer!r}")

    answered(lambda answer: answer == "1")
    config = root / "processkit.yaml"
    written = config.read_text(encoding="utf-8")
    config.write_text(written + "language: en\n", encoding="utf-8")
    answered(lambda answer: answer == "2")
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
        assert '<html lang="en"' in response.read().decode("utf-8")
    changed = root / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("name: ", "name: [", 1), encoding="utf-8"
    )
    english = answered(lambda answer: "\n" in answer)
    config.write_text(written, encoding="utf-8")  # the line taken out
    # ("" is no answer: the page could not ask, as on a busy machine, not a build served)
    swedish_answer = answered(lambda answer: answer not in ("", english))
    # a fourth edit ends serve (``--rebuilds``): the third build's answer is read while it runs
    config.write_text(written + "# klart\n", encoding="utf-8")
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert outcome[0].code == 0
    assert english == "2\n1\nen\n" + "\n".join(LEFT_OPEN["en"])
    assert swedish_answer == "2\n1\nsv\n" + "\n".join(LEFT_OPEN["sv"])
    # the terminal too, but for the line said before the configuration is read again; then
    # the fourth build, all in Swedish
    said = outcome[0].err.splitlines()
    told = len(TOLD["sv"])
    assert said[-2 * told : -told] == [TOLD["en"][0], *TOLD["sv"][1:]]
    assert said[-told:] == TOLD["sv"]


def test_a_preview_shows_an_edit_first_and_brings_its_search_up_to_date_after(
    tmp_path: Path,
) -> None:
    """``serve`` builds an edit with ``search_later``: the pages are new at once, the search
    shards the edit changed are those of the site before; the build after indexes them, and
    its site is the site of a build with nothing cached."""
    from processkit.cli.publishing import PublishRequest, publish

    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "site"
    publish(PublishRequest(root, site))
    before = snapshot(site)
    changed = root / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("allsidigt belyst", "belyst från alla håll"),
        encoding="utf-8",
    )
    quick = publish(PublishRequest(root, site, search_later=True))
    shown = snapshot(site)
    assert b"belyst fr\xc3\xa5n alla h\xc3\xa5ll" in shown["processes/utredning.html"]
    searched = sorted(path for path in before if path.startswith("pagefind/"))
    assert sorted(path for path in shown if path.startswith("pagefind/")) == searched
    assert all(shown[path] == before[path] for path in searched)
    full = publish(PublishRequest(root, site))
    assert full.stale_search == 0
    after = snapshot(site)
    bundles = {path.split("/")[1] for path in after if path.startswith("pagefind/")}
    renewed = {
        path.split("/")[1]
        for path in after
        if path.startswith("pagefind/") and after[path] != before.get(path)
    }
    assert quick.stale_search == len(renewed) >= 1
    assert renewed < bundles  # the shards the edit did not touch came from the cache
    fresh = PublishRequest(root, tmp_path / "fresh", cache_dir=tmp_path / "empty-cache")
    assert after == snapshot(publish(fresh).output)


def test_a_preview_deletes_the_site_it_replaced_after_it_shows_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` builds with ``remove_later``: the new site is in place when the build returns,
    and the one it replaced is deleted in the background; ``finish_removals`` (``serve``
    calls it when it stops) waits for that. A publish deletes it before it returns."""
    import shutil

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.site import output as output_module

    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "previews" / "site"
    publish(PublishRequest(root, site))
    first = snapshot(site)
    started, go_on = threading.Event(), threading.Event()
    removed: list[Path] = []

    real_rmtree = shutil.rmtree

    def slow_rmtree(path: Path, **options: Any) -> None:
        if Path(path).name.startswith(".site.old-"):  # a replaced site: slowly
            started.set()
            assert go_on.wait(timeout=30)
            removed.append(Path(path))
        real_rmtree(path, **options)

    monkeypatch.setattr(shutil, "rmtree", slow_rmtree)
    changed = root / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("allsidigt belyst", "belyst från alla håll"),
        encoding="utf-8",
    )
    publish(PublishRequest(root, site, remove_later=True))
    assert started.wait(timeout=30)
    # the new site is shown while the old one is still being deleted beside it
    page = (site / "processes/utredning.html").read_bytes()
    assert b"belyst fr\xc3\xa5n alla h\xc3\xa5ll" in page
    (old,) = [path for path in site.parent.iterdir() if path.name.startswith(".site.old-")]
    assert snapshot(old) == first
    go_on.set()
    output_module.finish_removals()
    assert removed == [old]
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]
    # without it, the old site is gone when publish returns
    removed.clear()
    go_on.set()
    publish(PublishRequest(root, site))
    assert len(removed) == 1
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


def test_a_preview_keeps_each_entity_made_and_builds_leave_it_as_it_was_made(
    tmp_path: Path,
) -> None:
    """``serve`` keeps the entity each unchanged file was made into (``Remembered``) and hands
    the same one to the next build: only the edited file is made again. That is safe only as
    long as no build changes an entity, which this holds after a build and a rebuild: every
    entity kept is equal to one made afresh from its file."""
    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.load import load_repository
    from processkit.loading.parse import Remembered
    from processkit.model import KINDS

    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "site"
    remembered = Remembered()
    publish(PublishRequest(root, site, remembered=remembered))
    first = dict(remembered.entities)
    assert len(first) == len(RICH) - 1  # every file but processkit.yaml
    changed = root / "processes/barn/utredning.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("allsidigt belyst", "belyst från alla håll"),
        encoding="utf-8",
    )
    remembered.forget([changed])
    publish(PublishRequest(root, site, search_later=True, remembered=remembered))
    publish(PublishRequest(root, site, remembered=remembered))
    kept = remembered.entities
    # the edited file was made anew; every other entity is the very one made first
    assert len(set(kept) - set(first)) == 1
    assert all(kept[digest][1] is made[1] for digest, made in first.items() if digest in kept)
    fresh = load_repository(root, cache_dir=tmp_path / "empty-cache").repo
    by_digest = {bytes.fromhex(record.digest): record for _, record in fresh.all_records()}
    assert set(by_digest) == set(kept)
    for digest, (kind, entity, extensions) in kept.items():
        record = by_digest[digest]
        assert type(entity) is type(record.entity) is KINDS[kind]
        assert entity.model_dump() == record.entity.model_dump()
        assert extensions == record.extensions


def test_a_rebuild_collects_its_garbage_once_after_the_pages_are_shown() -> None:
    """``serve`` builds an edit with the garbage collector paused (``garbage_later``): no
    collection while the edited pages are made, one full collection after they are shown,
    and the collector as it was; where it was off, it stays off and nothing is collected."""
    import gc

    from processkit.cli.serve import garbage_later

    started: list[int] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    gc.callbacks.append(noted)
    try:
        assert gc.isenabled()
        with garbage_later():
            assert not gc.isenabled()
            for _ in range(200_000):  # cycles enough to set off collections
                cycle: list[object] = []
                cycle.append(cycle)
            assert started == []
        assert started == [2] and gc.isenabled()
        started.clear()
        gc.disable()
        try:
            with garbage_later():
                pass
            assert started == [] and not gc.isenabled()
        finally:
            gc.enable()
    finally:
        gc.callbacks.remove(noted)


def test_serve_brings_the_site_it_replaced_up_to_date_and_makes_the_site_made_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``serve`` keeps the site each build replaces, and the next build brings it up to date
    in place (``reuse``) instead of linking every file into a new folder. After each edit (a
    text, a new process, a process removed, a new title for the site, a commit) the site is,
    file for file, the one a new process makes with nothing cached, search and feeds with
    it; a preview's pages are. The cache the builds share is never written into through a
    file of a reused site."""
    from tests.site.repos import INKOP
    from tests.site.test_site_cache import cold_build
    from tests.test_changelog_support import GitRepo, epoch_at_noon

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.parse import Remembered
    from processkit.site import output as output_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    made = GitRepo(tmp_path / "git")
    write_files(made.root, RICH)
    made.commit("Första versionen", "2026-01-10")
    root, site = made.root, tmp_path / "previews" / "site"
    taken: list[bool] = []
    real_take = output_module.take_spare

    def take(output: Path) -> Any:
        found = real_take(output)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(output_module, "take_spare", take)
    monkeypatch.setattr("processkit.site.build.take_spare", take)
    remembered = Remembered()

    def preview_then_search() -> None:
        """A preview of the edit, then the build that brings its search up to date."""
        remembered.forget(list(root.rglob("*.yaml")))
        request = PublishRequest(
            root, site, search_later=True, remove_later=True, reuse=True, remembered=remembered
        )
        publish(request)
        pages = {path: data for path, data in snapshot(site).items() if "pagefind/" not in path}
        fresh = cold_build(root, tmp_path)
        assert pages == {path: data for path, data in fresh.items() if "pagefind/" not in path}
        publish(PublishRequest(root, site, remove_later=True, reuse=True, remembered=remembered))
        assert snapshot(site) == fresh

    def edit(path: str, old: str, new: str) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")

    publish(PublishRequest(root, site, remove_later=True, reuse=True, remembered=remembered))
    edit("processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    preview_then_search()
    made.write({"processes/stod/inkop.yaml": INKOP})
    preview_then_search()
    (root / "processes/stod/inkop.yaml").unlink()
    preview_then_search()
    edit("processkit.yaml", "title:", "title: Ny")
    preview_then_search()
    made.commit("Ny titel och en bättre utredning", "2026-03-05", who="erik")
    preview_then_search()
    assert taken == [False, False] + [True] * 9
    leftover = sorted(path.name for path in site.parent.iterdir())
    assert len(leftover) == 2 and leftover[0].startswith(".site.old-") and leftover[1] == "site"
    # the cache the previews shared, as a new process finds it, makes the site made anew
    from processkit.cli import publishing

    publishing._READ[:] = [None, None, None]
    shared = publish(PublishRequest(root, tmp_path / "shared"))
    assert snapshot(shared.output) == snapshot(site)


def test_a_site_whose_templates_changed_while_it_was_built_is_not_brought_up_to_date_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A template of the repository's own saved while the pages are made, and put back as it
    was (an edit undone), leaves pages made from the edited template in that site. ``serve``
    keeps that site, and a later build brings it up to date in place: a page it holds is
    not kept from there, and the site is the one a new process makes."""
    from tests.site.test_site_cache import cold_build
    from tests.test_changelog_support import epoch_at_noon

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.parse import Remembered
    from processkit.site import build as build_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    root = write_files(tmp_path / "repo", RICH)
    base, before, edited = own_base_template(root)
    site = tmp_path / "previews" / "site"
    remembered = Remembered()

    def build() -> None:
        remembered.forget(list(root.rglob("*.yaml")))
        publish(PublishRequest(root, site, remove_later=True, reuse=True, remembered=remembered))

    def edit(path: str, old: str, new: str) -> None:
        target = root / path
        text = target.read_text(encoding="utf-8")
        assert old in text
        target.write_text(text.replace(old, new), encoding="utf-8")

    build()
    build()  # the first site is kept from here on
    real = build_module.render_page

    def saved_meanwhile(*args: Any) -> bytes:
        base.write_text(edited, encoding="utf-8")  # the edit, saved while the pages are made
        return real(*args)

    edit("processes/barn/utredning.yaml", "allsidigt belyst", "belyst från alla håll")
    monkeypatch.setattr(build_module, "render_page", saved_meanwhile)
    build()
    monkeypatch.setattr(build_module, "render_page", real)
    assert "<p>Utkast</p>" in (site / "processes" / "utredning.html").read_text(encoding="utf-8")
    base.write_text(before, encoding="utf-8")  # undone
    build()
    build()  # nothing changed since
    assert snapshot(site) == cold_build(root, tmp_path)


def test_a_site_brought_up_to_date_without_search_keeps_no_search_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site kept by ``serve`` and brought up to date by a build without search has neither
    the search bundles nor the folder that held them: it is, folder for folder, the site a
    build without search makes."""
    from tests.test_changelog_support import epoch_at_noon

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.parse import Remembered

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "previews" / "site"
    remembered = Remembered()

    def build(search: bool) -> None:
        remembered.forget(list(root.rglob("*.yaml")))
        request = PublishRequest(
            root, site, search=search, remove_later=True, reuse=True, remembered=remembered
        )
        publish(request)

    build(search=True)
    build(search=True)
    assert (site / "pagefind").is_dir()
    build(search=False)
    build(search=False)  # the first site, kept with its search, brought up to date
    plain = publish(PublishRequest(root, tmp_path / "plain", search=False)).output

    def folders(top: Path) -> list[str]:
        return sorted(path.relative_to(top).as_posix() for path in top.rglob("*") if path.is_dir())

    assert folders(site) == folders(plain)
    assert snapshot(site) == snapshot(plain)


def test_a_build_that_fails_before_its_pages_leaves_no_site_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build of ``serve`` that fails before its pages are made (an interrupt) leaves beside
    the site no copy of it that no later build takes or deletes: after each of several such
    builds there is the site and at most the one kept for the next build."""
    from tests.test_changelog_support import epoch_at_noon

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.parse import Remembered
    from processkit.site import build as build_module

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "previews" / "site"
    remembered = Remembered()

    def build() -> None:
        remembered.forget(list(root.rglob("*.yaml")))
        publish(PublishRequest(root, site, remove_later=True, reuse=True, remembered=remembered))

    def interrupted(*args: Any, **options: Any) -> Any:
        raise KeyboardInterrupt

    build()
    build()
    real = build_module._entity_items
    for _ in range(3):
        monkeypatch.setattr(build_module, "_entity_items", interrupted)
        with pytest.raises(KeyboardInterrupt):
            build()
        monkeypatch.setattr(build_module, "_entity_items", real)
        build()
        beside = sorted(path.name for path in site.parent.iterdir())
        assert beside[-1] == "site" and len(beside) <= 2


def test_an_edit_undone_is_previewed_with_its_search_from_the_site_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An edit previewed, then undone: the site ``serve`` kept holds the search of the text as
    it is again, so the preview of the undone edit shows that search, up to date (no build
    after it to bring the search up to date), and is the site a new process makes."""
    from tests.site.test_site_cache import cold_build
    from tests.test_changelog_support import epoch_at_noon

    from processkit.cli.publishing import PublishRequest, publish
    from processkit.loading.parse import Remembered

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch_at_noon("2026-03-10"))
    root = write_files(tmp_path / "repo", RICH)
    site = tmp_path / "previews" / "site"
    remembered = Remembered()

    def build(*, later: bool) -> int:
        """A preview (``later``) or the build after it; how many shards it took out of date."""
        remembered.forget(list(root.rglob("*.yaml")))
        request = PublishRequest(
            root, site, search_later=later, remove_later=True, reuse=True, remembered=remembered
        )
        return publish(request).stale_search

    build(later=False)
    build(later=False)
    changed = root / "processes/barn/utredning.yaml"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("allsidigt belyst", "belyst från alla håll"), encoding="utf-8")
    assert build(later=True) == 1  # the edited process's shard, out of date
    assert build(later=False) == 0
    changed.write_text(text, encoding="utf-8")  # undone
    assert build(later=True) == 0
    assert snapshot(site) == cold_build(root, tmp_path)


def test_serve_started_on_files_with_errors_shows_them_until_the_site_can_be_built(
    tmp_path: Path, cli: Cli
) -> None:
    """Until a build succeeds, a page that lists the errors stands in for the site (at every
    address); it is made again with each failed build, and the site takes its place."""
    from tests.site.nuchecker import checker_errors

    root = write_files(tmp_path / "repo", RICH)
    changed = root / "processes/barn/utredning.yaml"
    before = changed.read_text(encoding="utf-8")
    changed.write_text(before.replace("name: ", "name: [", 1), encoding="utf-8")
    port = _free_port()
    outcome: list[CliResult] = []
    argv = ("--lang", "sv", "serve", root, "--port", port, "--rebuilds", "3")
    worker = threading.Thread(target=lambda: outcome.append(cli(*argv)), daemon=True)
    worker.start()
    pages: list[tuple[str, str, str, int]] = []

    def page_at(number: str) -> None:
        for _ in range(600):
            if _answer(port) == number:
                break
            time.sleep(0.1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            start = response.read().decode("utf-8")
        try:
            address = f"http://127.0.0.1:{port}/processes/utredning.html"
            with urllib.request.urlopen(address, timeout=10) as response:
                process, status = response.read().decode("utf-8"), response.status
        except urllib.error.HTTPError as error:  # the page that stands in, as 404
            process, status = error.read().decode("utf-8"), error.code
        pages.append((number, start, process, status))

    page_at("1")
    changed.write_text(before.replace("name: ", "name: {", 1), encoding="utf-8")  # another
    page_at("2")
    changed.write_text(before, encoding="utf-8")  # mended
    page_at("3")
    changed.write_text(before + "\n", encoding="utf-8")  # the third rebuild, the last
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert outcome[0].code == 0

    with i18n.speaking("sv"):
        script = reload_script()

    def waiting(error: str, opened: str, hint: str) -> str:
        return (
            "<!DOCTYPE html>\n"
            '<html lang="sv">\n'
            "<head>\n"
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            "<title>Webbplatsen kan inte visas ännu</title>\n"
            "<style>body{margin:1rem;font:1rem/1.5 system-ui,sans-serif;color:#1b1b1b;"
            "background:#fff}pre{white-space:pre-wrap;overflow-wrap:anywhere}</style>\n"
            "</head>\n"
            "<body>\n"
            "<main>\n"
            "<h1>Webbplatsen kan inte visas ännu</h1>\n"
            "<p>Det finns ett fel i filerna. Rätta felet och spara, så visas webbplatsen här "
            "automatiskt.</p>\n"
            f"<pre>processes/barn/utredning.yaml:3:7 PK002 fel: {error}\n"
            f"  3 | name: {opened}Utreda barns behov\n"
            "    |       ^\n"
            f"    = tips: {hint}</pre>\n"
            "</main>\n"
            f"{script}"
            "</body>\n"
            "</html>\n"
        )

    first = waiting(
        "värdet i `name` börjar med `[` men saknar ett avslutande `]`",
        "[",
        "Avsluta listan på samma rad och skilj punkterna åt med kommatecken: "
        "`name: [Utreda barns behov]`",
    )
    second = waiting(
        "värdet i `name` börjar med `{` men saknar ett avslutande `}`",
        "{",
        "En lista skrivs inom hakparenteser: `name: [Utreda barns behov]`; en text som "
        "börjar med `{` sätts inom citattecken.",
    )
    assert pages[0] == ("1", first, first, 404)
    assert pages[1] == ("2", second, second, 404)
    # the site, with the reload script and nothing else of serve's
    number, start, process, status = pages[2]
    assert (number, status) == ("3", 200)
    assert start.endswith(f"{script}</body>\n</html>\n")
    assert "<title>Utreda barns behov" in process
    assert "Webbplatsen kan inte visas ännu" not in start + process
    said = outcome[0].err.splitlines()
    assert said[:7] == [
        *LEFT_OPEN["sv"],
        "",
        "processkit: webbplatsen kan inte visas ännu: det finns 1 fel i arkivet (se ovan). "
        "Rätta felet och spara, så visas webbplatsen.",
        said[6],
    ]
    assert said[6].startswith("Visar ")
    folder = tmp_path / "waiting"
    folder.mkdir()
    (folder / "index.html").write_text(first, encoding="utf-8")
    assert checker_errors(folder, ["index.html"]) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_serve_stops_at_a_ctrl_c_while_it_waits_for_a_change(tmp_path: Path) -> None:
    """A Ctrl-C while ``serve`` waits for a change stops it at once: one line, exit status 0,
    no traceback."""
    root = write_files(tmp_path / "repo", RICH)
    port = _free_port()
    serving = subprocess.Popen(
        [sys.executable, "-m", "processkit", "serve", str(root), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PROCESSKIT_LANG": "en"},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
    )
    try:
        for _ in range(600):
            if _answer(port) == "1":
                break
            time.sleep(0.1)
        time.sleep(0.5)  # waiting for a change
        serving.send_signal(signal.SIGINT)
        _out, err = serving.communicate(timeout=20)
    finally:
        serving.kill()
    assert serving.returncode == 0
    assert err.splitlines()[1:] == ["Stopped."]
    assert err.splitlines()[0].startswith(f"Serving {root} at http://127.0.0.1:{port}/")
