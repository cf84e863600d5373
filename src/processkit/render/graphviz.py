"""Running Graphviz: finding ``dot``, and drawing many graphs in one run (how it is set up to
draw them: ``gvsetup``).

One ``dot`` process draws every graph of its input, one after another, and writes the results
one after another (for SVG a whole document per graph; likewise PNG and PDF files), so a batch
of maps costs one process start-up instead of one each. The output is split back into maps
here.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping, Sequence

from processkit.errors import ProcesskitError, reason
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


def run_dot(
    dot: str,
    graphs: Sequence[str],
    fmt: str,
    layout: Sequence[str] = (),
    timeout: float = 120.0,
    environment: Mapping[str, str] | None = None,
) -> list[bytes]:
    """Draw ``graphs`` (DOT texts) in one Graphviz run, in ``environment`` (None: this
    process's; see ``gvsetup.drawing_environment``); one output per graph, in order."""
    command = [dot, *layout, f"-T{fmt}"]
    text = "\n".join(graphs).encode("utf-8")
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
