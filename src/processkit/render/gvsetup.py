"""How Graphviz is set up here: what a ``dot`` program says it is, and the plugins an SVG is
drawn with.

Graphviz measures a map's text with the text layout plugin it finds (Pango, which loads the
fonts of the machine in every run). An SVG is drawn instead with Graphviz's own renderers and
layouts alone (``SVG_PLUGINS``): Graphviz then sizes text by the widths of the letters it
carries itself, which for the maps' font (``style.FONT``) are Helvetica's (Arial's), as a
reader's browser mostly shows it. The map is then drawn the same on every machine, and a run
loads no fonts, which took most of its time (see benchmarks/README.md). Graphviz is given
those plugins by a configuration file of its own (``GVBINDIR``), made from the one ``dot -v``
says it loaded, and checked once to load, to hold no text layout and to size the maps' font
as Helvetica (a Graphviz that does not know the font by that name sizes it as Times, 7 %
narrower). ``dot -v`` is asked once in a process (4 ms); the check's verdict is remembered
in the cache folder. Where any of that fails, an SVG is drawn as Graphviz is installed, and
the key of every map (``Graphviz.key``) says which. PNG and PDF are always drawn as installed
(Cairo draws them)."""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from processkit.errors import reason
from processkit.frozen import frozen
from processkit.fsutil import write_atomic
from processkit.i18n import _
from processkit.render.graphviz import RenderError
from processkit.render.style import FONT

#: Where what each ``dot`` said of itself is remembered, in a cache folder (``describe``).
VERSION_FILE = "graphviz.json"
#: The packages of Graphviz's plugins an SVG is drawn with: its own renderers and layouts.
SVG_PLUGINS = frozenset({"core", "dot_layout", "neato_layout"})


@frozen
class Graphviz:
    """What a ``dot`` program says of itself (``dot -v``): its version; the plugin
    configuration it reads (its path, or empty); and the one an SVG is drawn with
    (``SVG_PLUGINS``), as its file's name and text, or empty where none passed the check or
    could be made (drawn as installed)."""

    version: str
    config: str = ""
    svg_name: str = ""
    svg_text: str = ""

    @property
    def key(self) -> str:
        """The version and the plugins an SVG is drawn with: part of every map's key."""
        if not self.svg_text:
            return self.version
        return f"{self.version}; SVG by {', '.join(sorted(SVG_PLUGINS))} alone"


#: What each ``dot`` was found to be in this process (``describe``), by its path, time and
#: size: fixed for the process, so that every map it keys is drawn as its key says.
_VERSIONS: dict[str, Graphviz] = {}
#: The same, by the path of each ``dot`` as given.
_BY_PATH: dict[str, Graphviz] = {}
#: The check's verdict on the plugins of each ``dot`` in ``_VERSIONS``, by what it was made
#: of (``_ask``): remembered in every cache folder this process is given.
_VERDICTS: dict[str, tuple[str, bool]] = {}


def graphviz_version(dot: str, cache_dir: Path | None = None) -> str:
    """Graphviz's version as ``dot -v`` says it (e.g. ``dot - graphviz version 2.43.0 (0)``),
    and whether an SVG is drawn by ``SVG_PLUGINS`` alone (``Graphviz.key``)."""
    return describe(dot, cache_dir).key


def describe(dot: str, cache_dir: Path | None = None) -> Graphviz:
    """What ``dot`` says of itself (``Graphviz``), asked once in a process (``dot -v``),
    less the plugins of an SVG where this process cannot make their folder. Only the check's
    verdict on those plugins is remembered, in ``cache_dir``: by the binary, the
    configuration and the plugins it was made of. Nothing read from a cache names a file or
    a library: anyone may have written it (a repository's cache folder comes with the
    repository's files)."""
    info = os.stat(dot)
    key = f"{os.path.realpath(dot)}|{info.st_mtime_ns}|{info.st_size}"
    found = _VERSIONS.get(key)
    if found is None:
        asked, verdict = _ask(dot, key, cache_dir)
        found = _VERSIONS[key] = _usable(asked)
        if verdict is not None:
            _VERDICTS[key] = verdict
    verdict = _VERDICTS.get(key)
    if verdict is not None and cache_dir is not None:
        _remember(cache_dir / VERSION_FILE, *verdict)
    _BY_PATH[dot] = found
    return found


#: How long Graphviz may take to tell what it is, in seconds.
_VERSION_TIMEOUT = 30
#: Changes to the check (``_check``): a new value makes the verdicts remembered stale.
_CHECK = "sample-1"


def _ask(dot: str, key: str, cache_dir: Path | None) -> tuple[Graphviz, tuple[str, bool] | None]:
    """What ``dot`` (``key``) says of itself, and the check's verdict on the plugins of an
    SVG, by what it was made of (None where there was nothing to check, or the check could
    not run): taken from ``cache_dir`` where it is remembered there."""
    said = _said(dot)
    version = said[0]
    config = _config_file(said)
    if config is None:
        return Graphviz(version), None
    try:
        text = Path(config).read_text(encoding="utf-8")
        info = os.stat(config)
    except (OSError, UnicodeDecodeError):
        return Graphviz(version, config), None
    svg_text = _plugins(text, os.path.dirname(config), SVG_PLUGINS)
    if not svg_text:
        return Graphviz(version, config), None
    found = Graphviz(version, config, os.path.basename(config), svg_text)
    made_of = f"{_CHECK}\0{key}\0{config}\0{info.st_mtime_ns}\0{info.st_size}\0{svg_text}"
    verdict = hashlib.sha256(made_of.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    memo = cache_dir / VERSION_FILE if cache_dir is not None else None
    passed = _read_memo(memo).get(verdict)
    if passed is None:
        passed = _check(dot, found)
        if passed is None:  # could not run: held for this process only
            return Graphviz(version, config), None
    return (found if passed else Graphviz(version, config)), (verdict, passed)


def _remember(memo: Path, verdict: str, passed: bool) -> None:
    """``passed`` kept in ``memo`` under ``verdict``, unless it is there already."""
    remembered = _read_memo(memo)
    if remembered.get(verdict) is passed:
        return
    remembered[verdict] = passed
    with contextlib.suppress(OSError):  # only a shortcut: never fail over it
        memo.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(memo, json.dumps(remembered, indent=1, sort_keys=True) + "\n")


def _read_memo(memo: Path | None) -> dict[str, bool]:
    """The check's verdicts remembered in ``memo``, by what they were made of."""
    if memo is None:
        return {}
    try:
        loaded = json.loads(memo.read_text(encoding="utf-8"))
        return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, bool)}
    except (OSError, ValueError, AttributeError):
        return {}


def _said(dot: str) -> list[str]:
    """The lines ``dot -v`` writes, given no graph."""
    try:
        done = subprocess.run(
            [dot, "-v"],
            capture_output=True,
            timeout=_VERSION_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except OSError as problem:
        raise RenderError(
            _("could not run Graphviz ({dot} -v): {problem}", dot=dot, problem=reason(problem))
        ) from None
    except subprocess.TimeoutExpired:
        raise RenderError(
            _(
                "Graphviz ({dot} -v) did not answer within {seconds} seconds",
                dot=dot,
                seconds=_VERSION_TIMEOUT,
            )
        ) from None
    said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
    if done.returncode != 0 or not said:
        raise RenderError(
            _("could not run Graphviz ({dot} -v exited {code})", dot=dot, code=done.returncode)
        )
    return said.splitlines()


def _config_file(said: Sequence[str]) -> str | None:
    """The plugin configuration ``dot -v`` says it loaded (the line after "The plugin
    configuration file:", where the next says it "was successfully loaded")."""
    for number, line in enumerate(said[:-2]):
        loaded = said[number + 2].strip() == "was successfully loaded."
        if line.strip() == "The plugin configuration file:" and loaded:
            path = said[number + 1].strip()
            return path if os.path.isabs(path) else None
    return None


def _plugins(config: str, folder: str, packages: frozenset[str]) -> str:
    """The part of Graphviz's plugin configuration ``config`` (the file in ``folder``) that
    installs ``packages``, each library named by its whole path; empty where that is not
    all of them, or a path holds a space (which the file cannot say)."""
    kept: list[str] = []
    found: set[str] = set()
    keep = False
    for line in config.splitlines():
        if line.lstrip().startswith("#"):  # a comment, even inside a package ("#FAILS …")
            continue
        if line.rstrip() == "}":  # a package ends
            kept += [line] if keep else []
            keep = False
            continue
        if line[:1] not in ("", " ", "\t"):  # a package begins: "library name {"
            words = line.split()
            keep = len(words) == 3 and words[1] in packages and words[2] == "{"
            if keep:
                path = os.path.join(folder, words[0])
                if any(character.isspace() for character in path):
                    return ""
                found.add(words[1])
                line = f"{path} {words[1]} {{"
        if keep:
            kept.append(line)
    return "\n".join(kept) + "\n" if found == packages else ""


#: What the check draws: ten m's in the maps' font at 100 points (placed, as neato -n2
#: draws a flow map), and a graph laid out by dot (as a landscape is).
SAMPLE = (
    f'digraph {{ a [pos="0,0", shape=plaintext, margin=0, fontname="{FONT}", '
    'fontsize=100, label="mmmmmmmmmm"] }\ndigraph { layout=dot; b }\n'
)
#: The width of ``SAMPLE``'s ten m's in Helvetica (833/1000 of an em each), in points.
SAMPLE_WIDTH = 833.0
#: A text drawn in the xdot format: "T x y justification width count -text".
_TEXT = re.compile(rb"T \S+ \S+ \S+ ([0-9]+(?:\.[0-9]+)?) 10 -mmmmmmmmmm")


def _check(dot: str, found: Graphviz) -> bool | None:
    """Whether ``dot`` given the plugins of ``found.svg_text`` loads them, has no text layout
    and sizes ``SAMPLE`` as Helvetica; None where that could not be found out (no folder
    for them, Graphviz did not answer or was stopped by a signal)."""
    try:
        folder = _svg_folder(found)
        done = subprocess.run(
            [dot, "-v", "-Kneato", "-n2", "-Txdot"],
            input=SAMPLE.encode("utf-8"),
            capture_output=True,
            timeout=_VERSION_TIMEOUT,
            check=False,
            env=_environment(folder),
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode < 0:  # stopped by a signal (killed, out of memory)
        return None
    said = done.stderr.decode("utf-8", "replace").splitlines()
    layouts = [line.partition(":")[2].split() for line in said if line.strip()[:10] == "textlayout"]
    # Graphviz breaks a long quoted string with a backslash and a new line
    width = _TEXT.search(done.stdout.replace(b"\\\n", b""))
    return (
        done.returncode == 0
        and _config_file(said) == os.path.join(folder, found.svg_name)
        and layouts == [[]]
        and done.stdout.count(b"digraph") == 2
        and width is not None
        and abs(float(width[1]) - SAMPLE_WIDTH) < SAMPLE_WIDTH / 100
    )


#: The folders holding a plugin configuration an SVG is drawn with, by its text: made once
#: in a process (before its workers fork), removed when the process that made it ends.
_FOLDERS: dict[str, str] = {}
_MAKING = threading.Lock()


def _svg_folder(found: Graphviz) -> str:
    """The folder of the plugins of ``found.svg_text`` (made again where it went: a long
    ``serve``'s temporary files may be cleared); OSError where it cannot be made."""
    with _MAKING:  # the threads that draw maps ask at once
        folder = _FOLDERS.get(found.svg_text)
        if folder is None or not os.path.isfile(os.path.join(folder, found.svg_name)):
            folder = tempfile.mkdtemp(prefix="processkit-graphviz-")
            atexit.register(_remove, folder, os.getpid())
            write_atomic(Path(folder) / found.svg_name, found.svg_text, folder_made=True)
            _FOLDERS[found.svg_text] = folder
        return folder


def _remove(folder: str, owner: int) -> None:
    if os.getpid() == owner:  # not by a forked process ending
        shutil.rmtree(folder, ignore_errors=True)


def _usable(found: Graphviz) -> Graphviz:
    """``found``, less the plugins of an SVG where this process cannot make their folder."""
    if found.svg_text:
        try:
            _svg_folder(found)  # made before any worker forks, which then use it
            return found
        except OSError:
            pass
    return dataclasses.replace(found, svg_name="", svg_text="")


def _environment(folder: str) -> dict[str, str]:
    """This process's environment, Graphviz's plugins taken from ``folder``."""
    return {**os.environ, "GVBINDIR": folder}


def drawing_environment(dot: str, fmt: str) -> Mapping[str, str] | None:
    """The environment ``dot`` draws ``fmt`` in (None: this process's own); RenderError
    where the folder of its plugins went and cannot be made again."""
    if fmt != "svg":
        return None
    found = _BY_PATH.get(dot) or describe(dot)
    if not found.svg_text:
        return None
    try:
        return _environment(_svg_folder(found))
    except OSError as problem:
        raise RenderError(
            _("could not run Graphviz ({dot}): {problem}", dot=dot, problem=reason(problem))
        ) from None
