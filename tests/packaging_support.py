"""processkit built as a release and installed the ways a user installs it, for the tests marked
``wheel``: a tagged copy of this source tree, its sdist and wheel (``python -m build``), and
fresh virtual environments that run the installed ``processkit`` from outside the source tree.

Nothing here imports the source tree into those environments: every command runs without
``PYTHONPATH``, with the environment's ``bin`` first on the ``PATH``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

#: Variables of this process that must not reach a fresh environment: they would import the
#: source tree, or another environment's packages, or change processkit's output.
DROPPED = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "GITHUB_ACTIONS")
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Testare",
    "GIT_AUTHOR_EMAIL": "testare@example.se",
    "GIT_COMMITTER_NAME": "Testare",
    "GIT_COMMITTER_EMAIL": "testare@example.se",
}
#: The time one command may take: pip may build and download
TIMEOUT = 600


def clean_environment(**extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in DROPPED}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1", LANG="C.UTF-8")
    env.update(GIT_IDENTITY)
    env.update(extra)
    return env


def run(
    argv: list[str] | str,
    cwd: Path,
    env: dict[str, str] | None = None,
    *,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run a program (a list) or a shell command (a string); on failure, show its output."""
    done = subprocess.run(
        argv,
        cwd=cwd,
        env=env if env is not None else clean_environment(),
        shell=isinstance(argv, str),
        capture_output=True,
        text=True,
        check=False,
        timeout=TIMEOUT,
    )
    if check and done.returncode != 0:
        raise AssertionError(
            f"`{argv}` in {cwd} exited {done.returncode}\n"
            f"--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
        )
    return done


@dataclass(frozen=True)
class Venv:
    """A fresh virtual environment."""

    path: Path

    @property
    def bin(self) -> Path:
        return self.path / ("Scripts" if os.name == "nt" else "bin")

    @property
    def python(self) -> Path:
        return self.bin / ("python.exe" if os.name == "nt" else "python")

    def env(self, *more_bins: Path, **extra: str) -> dict[str, str]:
        """This environment's programs first on the PATH (then ``more_bins``, then the rest)."""
        path = os.pathsep.join(
            [str(self.bin), *map(str, more_bins), os.environ.get("PATH", os.defpath)]
        )
        return clean_environment(PATH=path, VIRTUAL_ENV=str(self.path), **extra)

    def run(
        self, argv: list[str] | str, cwd: Path, *, check: bool = True, **extra: str
    ) -> subprocess.CompletedProcess[str]:
        return run(argv, cwd, self.env(**extra), check=check)

    def site_packages(self) -> Path:
        done = self.run(
            [str(self.python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            self.path,
        )
        return Path(done.stdout.strip())


def make_venv(path: Path) -> Venv:
    run([sys.executable, "-m", "venv", str(path)], path.parent)
    return Venv(path)


def source_files(root: Path = ROOT) -> list[str]:
    """The files of this source tree as a commit would hold them: tracked, and new ones git does
    not ignore; regular files only."""
    listed = run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], root
    ).stdout.split("\0")
    return sorted(
        name
        for name in set(listed)
        if name and (root / name).is_file() and not (root / name).is_symlink()
    )


def tagged_copy(target: Path, version: str) -> Path:
    """A git repository holding this source tree in one commit, tagged ``v<version>``: the
    release as the organisation's git server would hold it."""
    for name in source_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    git = ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"]
    run([*git, "init", "-q"], target)
    run([*git, "symbolic-ref", "HEAD", "refs/heads/main"], target)
    run([*git, "add", "-A"], target)
    run([*git, "commit", "-q", "-m", f"processkit {version}"], target)
    run([*git, "tag", f"v{version}"], target)
    return target


# --- the README -------------------------------------------------------------------------------


def markdown_section(text: str, heading: str) -> str:
    """The text under ``heading`` (a whole heading line) up to the next heading of its level."""
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    ends = [m.start() for m in re.finditer(rf"\n{level} ", text[start:])]
    return text[start : start + ends[0]] if ends else text[start:]


@dataclass(frozen=True)
class CodeBlock:
    info: str
    body: str
    #: the text between the previous block (or the section's start) and this one
    before: str


def code_blocks(section: str) -> list[CodeBlock]:
    """The fenced code blocks of a Markdown text (fences may be indented, as in a list)."""
    blocks = []
    fence = re.compile(r"^( *)```(\w*)\n(.*?)^\1```\n", re.MULTILINE | re.DOTALL)
    previous = 0
    for found in fence.finditer(section):
        indent = len(found.group(1))
        body = "".join(line[indent:] for line in found.group(3).splitlines(keepends=True))
        blocks.append(CodeBlock(found.group(2), body, section[previous : found.start()]))
        previous = found.end()
    return blocks


def readme_install_commands() -> list[str]:
    """The commands of the README's "Install" section, in order."""
    section = markdown_section(README.read_text(encoding="utf-8"), "## Install")
    return [block.body.strip() for block in code_blocks(section) if block.info == "sh"]


def readme_version() -> str:
    """The version the README's install examples name (``processkit-1.2.0-py3-none-any.whl``):
    the tests release the source tree under it, so the README's commands run as written."""
    [wheel_command] = [c for c in readme_install_commands() if c.endswith(".whl")]
    found = re.fullmatch(r"pip install processkit-(\d+\.\d+\.\d+)-py3-none-any\.whl", wheel_command)
    assert found, wheel_command
    return found.group(1)
