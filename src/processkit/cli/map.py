"""``processkit map``: process maps drawn with Graphviz.

    processkit map landscape [PATH] [--area ID]
    processkit map process ID [PATH]
    processkit map interfaces [PATH] [--area ID | --around ID --depth N]
    processkit map all [PATH] --output DIR

Each writes SVG (or PNG, PDF, or the DOT text) to a file named after the map, or to standard
output with ``--output -``.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from processkit.loading.repository import Repository
    from processkit.render import Links, MapJob


class MapFormat(StrEnum):
    svg = "svg"
    png = "png"
    pdf = "pdf"
    dot = "dot"


PATH_ARGUMENT = typer.Argument(
    Path("."), metavar="PATH", help="A folder in the repository (default: here)."
)
FORMAT_OPTION = typer.Option(
    MapFormat.svg, "--format", "-f", help="svg (default), png, pdf or dot."
)
LINK_PREFIX_OPTION = typer.Option(
    "",
    "--link-prefix",
    metavar="PREFIX",
    help="Put before the links of the map's processes and roles (processes/<id>.html, "
    "roles/<id>.html), e.g. ../ or https://fyren.example.se/.",
)
NO_LINKS_OPTION = typer.Option(False, "--no-links", help="Draw the map without links.")
NO_LEGEND_OPTION = typer.Option(False, "--no-legend", help="Draw the map without its legend.")
CACHE_DIR_OPTION = typer.Option(
    None,
    "--cache-dir",
    metavar="DIR",
    help="Keep drawn maps here (default: .processkit-cache/maps/ in the repository).",
)
NO_CACHE_OPTION = typer.Option(False, "--no-cache", help="Draw every map anew; keep nothing.")


def register(app: typer.Typer) -> None:
    maps = typer.Typer(
        name="map",
        help="Draw process maps with Graphviz: the landscape, a process flow, the interfaces.",
        no_args_is_help=True,
        rich_markup_mode=None,
    )
    maps.command("landscape")(landscape_command)
    maps.command("process")(process_command)
    maps.command("interfaces")(interfaces_command)
    maps.command("all")(all_command)
    app.add_typer(maps)


def landscape_command(
    path: Path = PATH_ARGUMENT,
    area: str | None = typer.Option(
        None, "--area", metavar="ID", help="Only this delivery area, with its sub-processes."
    ),
    format: MapFormat = FORMAT_OPTION,
    output: str | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Default landscape.svg; - for stdout."
    ),
    link_prefix: str = LINK_PREFIX_OPTION,
    no_links: bool = NO_LINKS_OPTION,
    no_legend: bool = NO_LEGEND_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
) -> int:
    """The landscape: management processes on top, core processes by delivery area from need
    to need met, support processes below."""
    from processkit.render import landscape_dot

    _require_graphviz(format)
    repo = _load(path)
    job = landscape_dot(repo, area=area, link=_links(link_prefix, no_links), legend=not no_legend)
    return _write_one(repo, job, format, output, _cache(repo, cache_dir, no_cache))


def process_command(
    process_id: str = typer.Argument(..., metavar="ID", help="The process's id."),
    path: Path = PATH_ARGUMENT,
    format: MapFormat = FORMAT_OPTION,
    output: str | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Default process-<ID>.svg; - for stdout."
    ),
    link_prefix: str = LINK_PREFIX_OPTION,
    no_links: bool = NO_LINKS_OPTION,
    no_legend: bool = NO_LEGEND_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
) -> int:
    """A process flow: its activities in swimlanes by role, from the need to the need met."""
    from processkit.render import process_dot

    _require_graphviz(format)
    repo = _load(path)
    job = process_dot(repo, process_id, link=_links(link_prefix, no_links), legend=not no_legend)
    code = _write_one(repo, job, format, output, _cache(repo, cache_dir, no_cache))
    _note_listed(repo, [process_id])
    return code


def interfaces_command(
    path: Path = PATH_ARGUMENT,
    area: str | None = typer.Option(
        None, "--area", metavar="ID", help="Only this area's processes and their partners."
    ),
    around: str | None = typer.Option(
        None, "--around", metavar="ID", help="Only the processes around this one."
    ),
    depth: int = typer.Option(
        1, "--depth", min=0, metavar="N", help="With --around: how many hand-overs away (1)."
    ),
    format: MapFormat = FORMAT_OPTION,
    output: str | None = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Default interfaces.svg; - for stdout."
    ),
    link_prefix: str = LINK_PREFIX_OPTION,
    no_links: bool = NO_LINKS_OPTION,
    no_legend: bool = NO_LEGEND_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
) -> int:
    """The interface graph: processes and the hand-overs between them."""
    from processkit.errors import ProcesskitError
    from processkit.render import interfaces_dot

    if area is not None and around is not None:
        from processkit.i18n import _

        raise ProcesskitError(_("use either --area or --around, not both"))
    _require_graphviz(format)
    repo = _load(path)
    job = interfaces_dot(
        repo,
        area=area,
        around=around,
        depth=depth,
        link=_links(link_prefix, no_links),
        legend=not no_legend,
    )
    return _write_one(repo, job, format, output, _cache(repo, cache_dir, no_cache))


def all_command(
    path: Path = PATH_ARGUMENT,
    output: Path = typer.Option(
        Path("maps"), "--output", "-o", metavar="DIR", help="The folder to write into (maps)."
    ),
    format: MapFormat = FORMAT_OPTION,
    link_prefix: str = LINK_PREFIX_OPTION,
    no_links: bool = NO_LINKS_OPTION,
    no_legend: bool = NO_LEGEND_OPTION,
    cache_dir: Path | None = CACHE_DIR_OPTION,
    no_cache: bool = NO_CACHE_OPTION,
) -> int:
    """Every map: the landscape and each area's, each active process's flow, the interfaces
    and each area's."""
    from processkit.domain.structure import is_active
    from processkit.render import RenderStats, render_maps
    from processkit.render.catalogue import all_maps

    _require_graphviz(format)
    repo = _load(path)
    jobs = all_maps(repo, link=_links(link_prefix, no_links), legend=not no_legend)
    stats = RenderStats()
    if format is MapFormat.dot:
        pictures = [job.dot.encode("utf-8") for job in jobs]
    else:
        pictures = render_maps(jobs, _cache(repo, cache_dir, no_cache), format.value, stats=stats)
    for job, picture in zip(jobs, pictures, strict=True):
        _write_file(output / f"{job.name}.{format.value}", picture)
    from processkit.i18n import _, n_

    wrote = n_(
        "wrote {count} map to {output}", "wrote {count} maps to {output}", len(jobs), output=output
    )
    if stats.maps:
        wrote += " " + _(
            "({drawn} drawn, {cached} from the cache)", drawn=stats.drawn, cached=stats.cached
        )
    typer.echo(wrote)
    _note_listed(
        repo, [pid for pid, rec in sorted(repo.processes.items()) if is_active(rec.entity)]
    )
    return 0


def _require_graphviz(fmt: MapFormat) -> None:
    if fmt is not MapFormat.dot:
        from processkit.render.graphviz import find_dot

        find_dot()


def _load(path: Path) -> Repository:
    from processkit.loading.session import open_repository

    loaded = open_repository(path)
    if loaded.note:
        typer.echo(loaded.note, err=True)
    return loaded.repo


def _links(prefix: str, no_links: bool) -> Links:
    from processkit.render import NO_LINKS, Links

    return NO_LINKS if no_links else Links(prefix=prefix)


def _cache(repo: Repository, cache_dir: Path | None, no_cache: bool) -> Path | None:
    from processkit.render import default_cache_dir

    if no_cache:
        return None
    return cache_dir if cache_dir is not None else default_cache_dir(repo.root)


def _note_listed(repo: Repository, process_ids: list[str]) -> None:
    """Say which of the flows drawn were too large to draw, and listed instead."""
    from processkit.cli.flow_notes import ITS_MAP, note_listed
    from processkit.domain.flow import flow_map_drawn

    processes = [repo.processes[process_id].entity for process_id in process_ids]
    listed = [(p.id, len(p.activities)) for p in processes if not flow_map_drawn(p)]
    note_listed(listed, ITS_MAP)


def _write_one(
    repo: Repository, job: MapJob, fmt: MapFormat, output: str | None, cache_dir: Path | None
) -> int:
    from processkit.render import render_maps

    if fmt is MapFormat.dot:
        picture = job.dot.encode("utf-8")
    else:
        picture = render_maps([job], cache_dir, fmt.value)[0]
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(picture)
        sys.stdout.buffer.flush()
        return 0
    target = Path(output) if output else Path(f"{job.name}.{fmt.value}")
    _write_file(target, picture)
    typer.echo(str(target))
    return 0


def _write_file(target: Path, data: bytes) -> None:
    """Write ``data`` beside ``target`` first, then move it into place."""
    from processkit.errors import ProcesskitError, reason
    from processkit.fsutil import write_atomic_bytes
    from processkit.i18n import _

    try:
        write_atomic_bytes(target, data)
    except OSError as problem:
        raise ProcesskitError(
            _(
                "cannot write {target}: {problem}",
                target=target,
                problem=reason(problem),
            )
        ) from None
