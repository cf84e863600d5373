"""Running Graphviz: finding ``dot``, asking its version, and drawing many graphs in one run.

One ``dot`` process draws every graph of its input, one after another, and writes the results
one after another (for SVG a whole document per graph; likewise PNG and PDF files), so a batch
of maps costs one process start-up instead of one each. The output is split back into maps
here.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from processkit.errors import ProcesskitError, reason
from processkit.fsutil import write_atomic
from processkit.i18n import N_, _

FORMATS = ("svg", "png", "pdf")
INSTALL_HINT = N_(
    "Graphviz is not installed (the `dot` program was not found); install it with "
    "`sudo apt-get install graphviz` (see the README's set-up), or use --format dot"
)


class GraphvizMissing(ProcesskitError):
    """The Graphviz programs are not on the PATH."""

    def __init__(self) -> None:
        super().__init__(_(INSTALL_HINT))

    def __reduce__(self) -> tuple[type[GraphvizMissing], tuple[()]]:
        # made again, not from its message, when a worker process hands it back
        return (GraphvizMissing, ())


class RenderError(ProcesskitError):
    """Graphviz failed (or took too long) on a map."""


def find_dot() -> str:
    """The path of Graphviz's ``dot`` on the PATH, or GraphvizMissing."""
    found = shutil.which("dot")
    if found is None:
        raise GraphvizMissing()
    return found


_VERSIONS: dict[str, Graphviz] = {}
#: What each ``dot`` run here was found to be (``describe``), by its path as given.
_BY_PATH: dict[str, Graphviz] = {}
VERSION_FILE = "graphviz.json"
#: The packages of Graphviz's plugins an SVG is drawn with: its own renderers and layouts.
#: Without a text layout plugin (Pango, or gd with FreeType) Graphviz sizes text by the
#: widths of the letters it carries itself (of Arial, which it takes for Helvetica, Times
#: and Courier): the same on every machine, instead of those of a font found on the machine
#: that draws (often DejaVu Sans, wider than the Arial or Helvetica a reader's browser
#: shows); and a run loads no fonts, which took most of its time (see benchmarks/README.md).
SVG_PLUGINS = frozenset({"core", "dot_layout", "neato_layout"})
#: Said after the version where an SVG is drawn with ``SVG_PLUGINS`` (``Graphviz.key``).
_OWN_SIZES = "; SVG with Graphviz's own letter widths"


@dataclass(frozen=True, slots=True)
class Graphviz:
    """What a ``dot`` program says of itself (``dot -v``): its version; the plugin
    configuration it reads (its path, modification time and size, as ``path|ns|size``); and
    the one an SVG is drawn with (``SVG_PLUGINS``), as its file's name and text, or empty
    where none could be made (drawn with Graphviz's own)."""

    version: str
    config: str = ""
    svg_name: str = ""
    svg_text: str = ""

    @property
    def key(self) -> str:
        """The version and the plugins an SVG is drawn with: part of every map's key."""
        return self.version + (_OWN_SIZES if self.svg_text else "")


def graphviz_version(dot: str, cache_dir: Path | None = None) -> str:
    """Graphviz's version as ``dot -v`` says it (e.g. ``dot - graphviz version 2.43.0 (0)``),
    and whether an SVG is drawn with Graphviz's own letter widths (``Graphviz.key``)."""
    return describe(dot, cache_dir).key


def describe(dot: str, cache_dir: Path | None = None) -> Graphviz:
    """What ``dot`` says of itself (``Graphviz``): asked once per binary and plugin
    configuration, and remembered in ``cache_dir`` so that a run drawing nothing starts no
    process."""
    info = os.stat(dot)
    key = f"{os.path.realpath(dot)}|{info.st_mtime_ns}|{info.st_size}"
    memo = cache_dir / VERSION_FILE if cache_dir is not None else None
    remembered = _read_memo(memo)
    found = remembered.get(key)
    if found is None or not _same_config(found.config):
        known = _VERSIONS.get(key)
        found = known if known is not None and _same_config(known.config) else _ask(dot)
        if memo is not None:
            remembered[key] = found
            with contextlib.suppress(OSError):  # only a shortcut: never fail over it
                memo.parent.mkdir(parents=True, exist_ok=True)
                text = {k: dataclasses.asdict(v) for k, v in remembered.items()}
                write_atomic(memo, json.dumps(text, indent=1, sort_keys=True) + "\n")
    _VERSIONS[key] = _BY_PATH[dot] = found
    if found.svg_text:
        _svg_folder(found)  # made before any worker forks, which then use it
    return found


def _read_memo(memo: Path | None) -> dict[str, Graphviz]:
    if memo is None:
        return {}
    try:
        loaded = json.loads(memo.read_text(encoding="utf-8"))
        return {
            key: Graphviz(**{name: str(value[name]) for name in _FIELDS})
            for key, value in loaded.items()
            if isinstance(value, dict) and all(isinstance(value.get(n), str) for n in _FIELDS)
        }
    except (OSError, ValueError, AttributeError):
        return {}


_FIELDS = tuple(field.name for field in dataclasses.fields(Graphviz))


def _same_config(config: str) -> bool:
    """Whether the plugin configuration ``config`` (``Graphviz.config``) is as it was."""
    if not config:
        return True
    path, _, stamp = config.partition("|")
    return _stamp(path) == stamp


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return ""
    return f"{info.st_mtime_ns}|{info.st_size}"


#: How long Graphviz may take to tell what it is, in seconds.
_VERSION_TIMEOUT = 30


def _ask(dot: str) -> Graphviz:
    said = _said(dot, None)
    version = said[0]
    config = _config_file(said)
    if config is None:
        return Graphviz(version)
    stamp = _stamp(config)
    try:
        text = Path(config).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return Graphviz(version)
    svg_text = _plugins(text, os.path.dirname(config), SVG_PLUGINS)
    found = Graphviz(version, f"{config}|{stamp}", os.path.basename(config), svg_text)
    if svg_text and not _draws_svg_alone(dot, found):
        return Graphviz(version, found.config)
    return found


def _said(dot: str, environment: Mapping[str, str] | None) -> list[str]:
    """The lines ``dot -v`` writes, given no graph."""
    try:
        done = subprocess.run(
            [dot, "-v"],
            capture_output=True,
            timeout=_VERSION_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
            env=environment,
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


def _draws_svg_alone(dot: str, found: Graphviz) -> bool:
    """Whether ``dot``, given the configuration of ``found.svg_text``, loads it, draws SVG
    and has no text layout plugin."""
    try:
        said = _said(dot, _environment(found))
    except (RenderError, OSError):
        return False
    plugins = {}
    for line in said:
        name, colon, value = line.partition(":")
        if colon and line[:1].isspace():
            plugins[name.strip()] = value.split()
    return (
        _config_file(said) is not None
        and "svg" in plugins.get("device", ())
        and plugins.get("textlayout") == []
    )


#: The folder holding the plugin configuration an SVG is drawn with, by its text: made once
#: in a process (before its workers fork), removed when the process that made it ends.
_FOLDERS: dict[str, str] = {}


def _svg_folder(found: Graphviz) -> str:
    folder = _FOLDERS.get(found.svg_text)
    config = os.path.join(folder, found.svg_name) if folder is not None else ""
    if folder is None or not os.path.isfile(config):  # or removed meanwhile (a long serve)
        folder = _FOLDERS[found.svg_text] = tempfile.mkdtemp(prefix="processkit-graphviz-")
        atexit.register(_remove, folder, os.getpid())
        config = os.path.join(folder, found.svg_name)
        with open(config, "w", encoding="utf-8") as stream:
            stream.write(found.svg_text)
    return folder


def _remove(folder: str, owner: int) -> None:
    if os.getpid() == owner:  # not by a forked process ending
        shutil.rmtree(folder, ignore_errors=True)


def _environment(found: Graphviz) -> dict[str, str]:
    """The environment Graphviz draws an SVG in: its plugins those of ``found.svg_text``."""
    return {**os.environ, "GVBINDIR": _svg_folder(found)}


def _drawing_environment(dot: str, fmt: str) -> dict[str, str] | None:
    """The environment ``dot`` draws ``fmt`` in (None: this process's own)."""
    if fmt != "svg":
        return None
    found = _BY_PATH.get(dot) or describe(dot)
    return _environment(found) if found.svg_text else None


def run_dot(
    dot: str, graphs: Sequence[str], fmt: str, layout: Sequence[str] = (), timeout: float = 120.0
) -> list[bytes]:
    """Draw ``graphs`` (DOT texts) in one Graphviz run; one output per graph, in order."""
    command = [dot, *layout, f"-T{fmt}"]
    text = "\n".join(graphs).encode("utf-8")
    environment = _drawing_environment(dot, fmt)
    try:
        done = subprocess.run(
            command,
            input=text,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=environment,
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            _(
                "Graphviz took longer than {seconds} s to draw {count} map(s)",
                seconds=round(timeout),
                count=len(graphs),
            )
        ) from None
    except OSError as problem:
        raise RenderError(
            _("could not run Graphviz ({dot}): {problem}", dot=dot, problem=reason(problem))
        ) from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RenderError(
            _("Graphviz failed: {problem}", problem=said[0])
            if said
            else _("Graphviz failed: exit {code}", code=done.returncode)
        )
    parts = split_output(done.stdout, fmt)
    if len(parts) != len(graphs):
        raise RenderError(
            _(
                "Graphviz drew {pictures} pictures for {maps} maps; cannot tell them apart",
                pictures=len(parts),
                maps=len(graphs),
            )
        )
    return parts


def split_output(data: bytes, fmt: str) -> list[bytes]:
    """One Graphviz output holding several pictures, as one per picture."""
    if fmt == "svg":
        return _split_at(data, b"<?xml ")
    if fmt == "png":
        return _split_png(data)
    if fmt == "pdf":
        return _split_at(data, b"%PDF-")
    raise ValueError(f"cannot split {fmt} output")


def _split_at(data: bytes, marker: bytes) -> list[bytes]:
    """Split before each ``marker`` that starts the data or a line."""
    starts = [0] if data.startswith(marker) else []
    position = data.find(b"\n" + marker)
    while position != -1:
        starts.append(position + 1)
        position = data.find(b"\n" + marker, position + 1)
    return [data[a:b] for a, b in zip(starts, [*starts[1:], len(data)], strict=True)]


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _split_png(data: bytes) -> list[bytes]:
    """Walk the chunks of concatenated PNG files: each file ends with its IEND chunk."""
    parts: list[bytes] = []
    start = 0
    while start < len(data):
        if not data.startswith(PNG_SIGNATURE, start):
            raise RenderError(_("Graphviz wrote something that is not a PNG picture"))
        position = start + len(PNG_SIGNATURE)
        while True:
            length = int.from_bytes(data[position : position + 4], "big")
            kind = data[position + 4 : position + 8]
            position += 12 + length
            if kind == b"IEND" or position >= len(data):
                break
        parts.append(data[start:position])
        start = position
    return parts
