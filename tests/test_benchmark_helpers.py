"""The benchmarks' helpers that must stay right for their figures to mean anything: the git
history of a generated repository and its one change (``benchmarks/gitrepo.py``), and the
mkdocs project ``peers.py`` times processkit against (``benchmarks/mkdocs_project.py``).
Neither mkdocs nor the network is needed: the project is checked as files.
"""

from __future__ import annotations

import datetime
import importlib
import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest
import yaml

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def benchmark_module(name: str) -> ModuleType:
    """Import one of benchmarks/'s scripts (they import each other by bare name)."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.append(str(BENCHMARKS))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated repository of 30 processes with its git history."""
    generate = benchmark_module("generate")
    gitrepo = benchmark_module("gitrepo")
    folder = tmp_path_factory.mktemp("bench") / "repo"
    generate.generate(30, folder, 1)
    gitrepo.init(folder, generate.DEFAULT_AS_OF)
    return folder


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True
    ).stdout


def purpose(path: Path) -> str:
    return str(yaml.safe_load(path.read_text(encoding="utf-8"))["purpose"])


def test_history_starts_60_days_before_as_of_and_ends_with_one_change(repo: Path) -> None:
    gitrepo = benchmark_module("gitrepo")
    changed = gitrepo.changed_process(repo).relative_to(repo).as_posix()
    author = "Processgruppen Sjöstad <processer@sjostad.example.se>"
    log = git(repo, "log", "--format=%an <%ae>|%aI|%cI|%s")
    assert log.splitlines() == [
        f"{author}|2026-11-01T12:00:00+01:00|2026-11-01T12:00:00+01:00|"
        f"Tydligare syfte för {Path(changed).stem}",
        f"{author}|2026-09-02T09:00:00+01:00|2026-09-02T09:00:00+01:00|Processerna i Sjöstad",
    ]
    assert git(repo, "show", "--format=", "--name-only", "HEAD").split() == [changed]
    tracked = git(repo, "ls-files").split()
    assert "processkit.yaml" in tracked and len(tracked) == len(list(repo.rglob("*.yaml")))
    assert git(repo, "status", "--porcelain", "--ignored") == "!! .benchmark-repo.json\n"


def test_each_change_gives_a_new_purpose_and_is_committed(repo: Path) -> None:
    gitrepo = benchmark_module("gitrepo")
    generate = benchmark_module("generate")
    path = gitrepo.changed_process(repo)
    assert purpose(path) == gitrepo.numbered(1)  # the change init made
    assert gitrepo.numbered(1) == (
        "Att ansökningar om stöd tas om hand i rätt tid, enligt ändring 1 av rutinen."
    )
    before = int(git(repo, "rev-list", "--count", "HEAD"))
    assert gitrepo.change_one(repo, generate.DEFAULT_AS_OF) == path
    assert purpose(path) == gitrepo.numbered(2)
    gitrepo.change_one(repo, generate.DEFAULT_AS_OF)
    assert purpose(path) == gitrepo.numbered(3)
    assert int(git(repo, "rev-list", "--count", "HEAD")) == before + 2
    assert git(repo, "status", "--porcelain") == ""
    diff = git(repo, "diff", "HEAD~1", "--", path.relative_to(repo).as_posix())
    assert [line[0] for line in diff.splitlines() if line[:1] in "+-" and line[1:2] != line[0]] == [
        "-",
        "+",
    ]


def test_a_kept_repository_starts_each_run_where_init_left_it(tmp_path: Path) -> None:
    """The commits and edits of a run are gone when the next run takes the kept repository
    (the change log of each run holds the commits that run made); what git does not see,
    processkit's cache among it, stays. A repository kept from before the start was marked
    is given the mark."""
    run = benchmark_module("run")
    gitrepo = benchmark_module("gitrepo")
    keep, scratch = tmp_path / "keep", tmp_path / "scratch"
    repo = run.prepare_repo(30, 1, keep, scratch)
    start = git(repo, "rev-parse", "HEAD")
    assert git(repo, "rev-parse", gitrepo.START) == start
    changed = gitrepo.changed_process(repo)
    cached = repo / ".processkit-cache" / "parsed.bin"
    cached.parent.mkdir()
    cached.write_bytes(b"kept")
    for marked in (True, False):
        if not marked:  # as a repository kept from before the mark
            git(repo, "update-ref", "-d", gitrepo.START)
        gitrepo.change_one(repo, run.DEFAULT_AS_OF)
        gitrepo.change_one(repo, run.DEFAULT_AS_OF)
        gitrepo.edit_one(repo)  # and an edit not committed
        assert purpose(changed) == gitrepo.numbered(4)
        assert run.prepare_repo(30, 1, keep, scratch) == repo
        assert git(repo, "rev-parse", "HEAD") == start
        assert git(repo, "status", "--porcelain") == ""
        assert purpose(changed) == gitrepo.numbered(1)
        assert cached.read_bytes() == b"kept"
    assert git(repo, "rev-parse", gitrepo.START) == start


@pytest.fixture(scope="module")
def project(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mkdocs")
    benchmark_module("mkdocs_project").write_project(repo, folder)
    return folder


def test_mkdocs_project_has_a_page_per_entity_all_in_the_navigation(
    repo: Path, project: Path
) -> None:
    entities = [yaml.safe_load(p.read_bytes()) for p in repo.glob("*/**/*.yaml")]
    kinds = [e["kind"] for e in entities]
    pages = sorted(p.relative_to(project / "docs").as_posix() for p in project.rglob("*.md"))
    assert len(pages) == 1 + sum(kinds.count(k) for k in ("area", "process", "role", "handbook"))
    assert len(pages) == 30 + kinds.count("area") + 36 + kinds.count("handbook") + 1
    config: dict[str, Any] = yaml.safe_load((project / "mkdocs.yml").read_bytes())
    assert config["theme"] == {
        "name": "material",
        "language": "sv",
        "features": ["navigation.prune"],
    }
    assert config["plugins"] == []

    def targets(entries: list[Any]) -> list[str]:
        found = []
        for entry in entries:
            for value in entry.values():
                found += targets(value) if isinstance(value, list) else [value]
        return found

    assert sorted(targets(config["nav"])) == pages


def test_mkdocs_project_links_all_lead_to_its_pages(project: Path) -> None:
    docs = project / "docs"
    links = 0
    for page in docs.rglob("*.md"):
        for target in re.findall(r"\]\(([^)]+)\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), (page, target)
            links += 1
    assert links > 500


def test_mkdocs_project_is_the_same_bytes_every_time(
    repo: Path, project: Path, tmp_path: Path
) -> None:
    benchmark_module("mkdocs_project").write_project(repo, tmp_path)
    ours = {p.relative_to(project): p.read_bytes() for p in project.rglob("*") if p.is_file()}
    again = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert ours == again


def test_the_changed_page_is_the_changed_process_and_its_purpose_alternates(
    repo: Path, project: Path
) -> None:
    gitrepo = benchmark_module("gitrepo")
    mkdocs_project = benchmark_module("mkdocs_project")
    page = mkdocs_project.page_of(repo, gitrepo.changed_process(repo))
    path = project / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert f"\n## Syfte\n\n{purpose(gitrepo.changed_process(repo))}\n" in text
    assert mkdocs_project.change_page(project, page) == path
    changed = path.read_text(encoding="utf-8")
    other = gitrepo.other_purpose(purpose(gitrepo.changed_process(repo)))
    assert changed == text.replace(
        f"\n## Syfte\n\n{purpose(gitrepo.changed_process(repo))}\n", f"\n## Syfte\n\n{other}\n"
    )
    assert changed != text
    mkdocs_project.change_page(project, page)
    again = gitrepo.other_purpose(other)
    assert again != other
    assert path.read_text(encoding="utf-8") == changed.replace(other, again)


def test_a_longer_history_has_its_commits_before_the_change_logs_days(tmp_path: Path) -> None:
    generate = benchmark_module("generate")
    gitrepo = benchmark_module("gitrepo")
    folder = tmp_path / "repo"
    generate.generate(30, folder, 1)
    gitrepo.init(folder, generate.DEFAULT_AS_OF, history=40)
    dates = git(folder, "log", "--format=%cs %s").splitlines()
    assert len(dates) == 42
    assert dates[0] == f"{generate.DEFAULT_AS_OF} Tydligare syfte för " + (
        gitrepo.changed_process(folder).stem
    )
    assert dates[-1].endswith(" Processerna i Sjöstad")
    # the 40 between: dated after the first, before the change log's 30 days, newest first
    last_day = str(generate.DEFAULT_AS_OF - datetime.timedelta(days=gitrepo.LOG_DAYS + 1))
    assert dates[-1][:10] <= dates[-2][:10] and dates[1][:10] <= last_day
    assert [line[:10] for line in dates[1:-1]] == sorted(
        (line[:10] for line in dates[1:-1]), reverse=True
    )
    assert [line.split(" ", 2)[1] for line in dates[1:-1]] == ["Genomgång"] * 40
    assert git(folder, "status", "--porcelain") == ""
    changed = git(folder, "show", "--format=", "--name-only", "HEAD~1").split()
    assert len(changed) == 1 and purpose(folder / changed[0]) == gitrepo.REVIEWED.format(n=40)


def test_first_search_counts_the_bundles_and_stops_on_a_folder_with_no_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first_search = benchmark_module("first_search")
    site = tmp_path / "site"
    site.mkdir()
    (site / "search.html").write_text(
        '<p id="search-status" data-bundles="pagefind/main/ pagefind/l00/ pagefind/p00/"></p>',
        encoding="utf-8",
    )
    assert first_search.bundles(site) == 3
    (site / "search.html").write_text("<p>Sök</p>", encoding="utf-8")
    assert first_search.bundles(site) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert first_search.main([str(site), str(empty)]) == 2
    assert capsys.readouterr().out == (
        f"first_search.py: {empty} holds no published site (no search.html)\n"
    )


def test_a_run_starts_without_the_output_before_which_is_deleted_once_all_are_timed(
    tmp_path: Path,
) -> None:
    run = benchmark_module("run")
    workdir = tmp_path / "runs"
    (workdir / "out" / "site").mkdir(parents=True)
    (workdir / "out" / "site" / "index.html").write_text("<p>förra</p>", encoding="utf-8")
    out = workdir / "out"
    looks = f"import os, sys; sys.exit(3 if os.path.exists({str(out)!r}) else 0)"
    assert run.run_once([sys.executable, "-c", looks], workdir).exit == 0
    # the earlier output is not deleted before the run, only moved out of its way
    aside = workdir / "out.set-aside-0"
    assert (aside / "site" / "index.html").read_text(encoding="utf-8") == "<p>förra</p>"
    run.delete_set_aside()
    assert sorted(path.name for path in workdir.iterdir()) == ["stderr", "stdout"]


def test_the_figures_name_the_commit_of_the_source_measured(tmp_path: Path) -> None:
    """An editable environment runs the tree's code whatever version it was installed as:
    the line above the figures names the commit checked out, and says where files differ."""
    run = benchmark_module("run")
    tree = tmp_path / "tree"
    tree.mkdir()
    assert run.source_commit(tree) is None  # outside git
    git(tree, "init", "--quiet")
    (tree / "a.txt").write_text("ett\n", encoding="utf-8")
    git(tree, "add", "a.txt")
    git(tree, "-c", "user.name=A", "-c", "user.email=a@example.se", "commit", "-qm", "Ett")
    head = git(tree, "rev-parse", "--short", "HEAD").strip()
    assert run.source_commit(tree) == head
    (tree / "b.txt").write_text("ny\n", encoding="utf-8")  # a file git does not track
    assert run.source_commit(tree) == head
    (tree / "a.txt").write_text("två\n", encoding="utf-8")
    assert run.source_commit(tree) == f"{head} with changes"
    line = run.environment(Path(sys.executable))  # any program: Python prints its version
    assert f"; source {run.source_commit()}; Python " in line


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("tar", "zstd")), reason="needs GNU tar and zstd"
)
def test_a_run_that_restores_the_cache_unpacks_it_first_from_an_archive(tmp_path: Path) -> None:
    """``publish-ci-restore``: the cache folder is packed and moved away before the run,
    and the timed run unpacks it (its files and their hard links as they were) before the
    command reads it."""
    run = benchmark_module("run")
    workdir, repo = tmp_path / "runs", tmp_path / "repo"
    workdir.mkdir()
    kept = repo / run.CACHE_FOLDER / "site" / "pages"
    kept.mkdir(parents=True)
    (kept / "a").write_text("sidan", encoding="utf-8")
    (kept / "b").hardlink_to(kept / "a")
    reads = (
        "import os, sys; a, b = sys.argv[1:]; "
        "print(open(a, encoding='utf-8').read(), os.path.samefile(a, b))"
    )
    argv = [sys.executable, "-c", reads, str(kept / "a"), str(kept / "b")]
    restoring = run.restoring(repo, workdir, argv)
    assert not (repo / run.CACHE_FOLDER).exists()  # moved out of the way, not deleted
    aside = workdir / f"{run.CACHE_FOLDER}.set-aside-0"
    assert (aside / "site" / "pages" / "a").is_file()
    done = run.run_once(restoring, workdir)
    assert (done.exit, done.output) == (0, "sidan True\n")
    run.delete_set_aside()
    assert not aside.exists()
    command = {command.name: command for command in run.COMMANDS}["publish-ci-restore"]
    assert command.restore and command.warmup and command.before is run.change_one


def test_a_run_counts_the_cpu_time_of_the_processes_it_started(tmp_path: Path) -> None:
    """The figures tell the CPU time of a run, in user space and in the system, besides the
    wall time: that of the command and of the processes it started and waited for (a
    publish's workers, Graphviz, Pagefind). The table gives their medians."""
    run = benchmark_module("run")
    workdir = tmp_path / "runs"
    workdir.mkdir()
    # a child that counts for a while in user space, started and waited for by the command
    counts = "import os\nwhile os.times().user < 0.3: sum(range(10**6))"
    starts = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {counts!r}])"
    done = run.run_once([sys.executable, "-c", starts], workdir)
    assert done.exit == 0
    assert done.user_seconds >= 0.25  # the child's, counted with the command's own
    assert 0 <= done.system_seconds < done.user_seconds
    measured = run.Measurement("publish", 1000, 1314)
    for seconds, user, system in ((5.0, 9.0, 2.0), (7.0, 11.0, 6.0), (6.0, 10.0, 3.0)):
        measured.add(run.Run(seconds, 102400, 0, "", user, system))
    assert run.markdown_table([measured]).splitlines() == [
        "| command | processes | files | median s | min s | ms / process | user s | system s "
        "| peak RSS MiB | exit |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        "| publish | 1,000 | 1,314 | 6.00 | 5.00 | 6.00 | 10.00 | 3.00 | 100 | 0 |",
    ]


def test_the_runs_time_processkit_compiled_to_bytecode_as_an_installation_leaves_it(
    tmp_path: Path,
) -> None:
    """The scripts compile processkit's modules first: with PYTHONDONTWRITEBYTECODE set, an
    editable install would otherwise compile every module again in every timed run."""
    run = benchmark_module("run")
    package = tmp_path / "package"
    (package / "inner").mkdir(parents=True)
    modules = [package / "__init__.py", package / "inner" / "work.py"]
    for module in modules:
        module.write_text("VALUE = 1\n", encoding="utf-8")
    run.byte_compile(package)
    for module in modules:
        assert Path(importlib.util.cache_from_source(str(module))).is_file()
    import processkit

    compiled = Path(importlib.util.cache_from_source(processkit.__file__))
    compiled.unlink(missing_ok=True)
    run.byte_compile()
    assert compiled.is_file()


def test_a_failed_run_that_wrote_nothing_tells_the_room_left_on_its_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that filled the disk could not write what it said: its failure shows how much
    room was left there instead of nothing; a run that said something shows that."""
    run = benchmark_module("run")
    workdir = tmp_path / "runs"
    workdir.mkdir()
    monkeypatch.setattr(run.shutil, "disk_usage", lambda path: SimpleNamespace(free=3 * 2**20))
    silent = run.run_once([sys.executable, "-c", "raise SystemExit(2)"], workdir)
    assert (silent.exit, silent.output) == (2, "")
    assert run.failure(silent, workdir) == f"(nothing written; 3 MiB free on the disk of {workdir})"
    said = run.run_once([sys.executable, "-c", "import sys; sys.exit('the disk is full')"], workdir)
    assert (said.exit, run.failure(said, workdir)) == (1, "the disk is full")
    printed = run.run_once([sys.executable, "-c", "print('written'); raise SystemExit(2)"], workdir)
    assert run.failure(printed, workdir) == "written\n"


def test_two_trees_are_compiled_first_and_each_runs_on_a_copy_of_its_own(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``ab.py`` compiles both trees before it times them (a tree left uncompiled pays for
    compiling its modules at every run where Python writes no bytecode). Each tree runs every
    command with its own source, on a copy of its own made without the cache folder, once
    untimed and then as often as asked; before each timed publish after a change, a change
    is committed to that tree's copy. The repository given is not written to."""
    ab = benchmark_module("ab")
    src = BENCHMARKS.parent / "src"
    before = tmp_path / "before"
    before.symlink_to(src)  # the same code, as another tree
    given = tmp_path / "given"
    shutil.copytree(repo, given, symlinks=True)
    (given / ".processkit-cache").mkdir(exist_ok=True)
    (given / ".processkit-cache" / "given-only").write_text("", encoding="utf-8")
    compiled: list[Path] = []
    monkeypatch.setattr(ab, "byte_compile", compiled.append)
    seen: dict[str, list[str]] = {"before": [], "after": []}
    starts: list[str] = []  # the trees, in the order they ran ``--version``
    timed = ab._timed

    def watched(argv: list[str], tree_src: Path, workdir: Path) -> Any:
        tree = workdir.parent.name  # the tree whose folder the run keeps what it says in
        assert tree_src == {"before": before, "after": src}[tree]
        command = " ".join(argv[1:2] + argv[3:])
        if len(argv) > 2:  # a command given the repository: the tree's own copy
            copy = Path(argv[2])
            assert copy.parent.name == tree
            assert not (copy / ".processkit-cache" / "given-only").exists()
            if "--cache-dir" not in argv and argv[1] == "publish":
                command += f" after {git(copy, 'rev-list', '--count', 'HEAD').strip()} commits"
        seen[tree].append(command)
        starts.extend([tree] * (command == "--version"))
        return timed(argv, tree_src, workdir)

    monkeypatch.setattr(ab, "_timed", watched)
    commits = int(git(given, "rev-list", "--count", "HEAD"))
    files = {path: path.read_bytes() for path in given.rglob("*") if path.is_file()}
    assert ab.main([str(before), str(given), "--publish", "--cold", "--repeat", "2"]) == 0
    assert compiled == [before / "processkit", src / "processkit"]
    # untimed, tree by tree; then each round, the other tree first
    assert starts == ["before", "after", "before", "after", "after", "before"]
    assert {path: path.read_bytes() for path in given.rglob("*") if path.is_file()} == files
    for tree, runs in seen.items():
        said = runs
        site = next(part for part in said[2].split() if part.endswith("site"))
        assert said == [
            "--version",
            "validate --format json",
            f"publish --output {site} --quiet after {commits} commits",
            said[3],
            *["--version", "validate --format json"],
            f"publish --output {site} --quiet after {commits + 1} commits",
            said[3],
            *["--version", "validate --format json"],
            f"publish --output {site} --quiet after {commits + 2} commits",
            said[3],
        ], tree
        assert said[3].startswith("publish --output ") and "--cache-dir" in said[3]
    table = capsys.readouterr().out.splitlines()
    assert table[0] == (
        "| command | before s | after s | change | processor s before / after | after quicker |"
    )
    assert [line.split(" | ")[0] for line in table[2:]] == [
        "| startup",
        "| validate",
        "| publish-change",
        "| publish",
    ]
    assert all(line.endswith(" of 2 |") for line in table[2:])
    with pytest.raises(SystemExit) as stopped:
        ab.main([str(src), str(tmp_path), "--publish"])
    assert stopped.value.code == 2
    assert capsys.readouterr().err.endswith(
        f"error: {tmp_path} is no git repository: --publish commits a change to it\n"
    )
