"""Loading a whole repository: every file, every diagnostic, never stopping at the first."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from processkit import i18n
from processkit.cache import usable_folder
from processkit.diagnostics import Diagnostic, Severity, did_you_mean
from processkit.errors import ConfigError
from processkit.i18n import _
from processkit.loading.discover import CONFIG_NAME, discover, find_root
from processkit.loading.model_errors import model_diagnostics
from processkit.loading.parse import (
    FileResult,
    NotInStore,
    ParseCache,
    Remembered,
    Signatures,
    fresh_limit,
    parse_files,
    reparsed,
)
from processkit.loading.partial import keep_readable, keep_unreadable
from processkit.loading.references import check_parent_loops, check_references, duplicate_ids
from processkit.loading.repository import Record, Repository
from processkit.loading.yamlfile import read_yaml
from processkit.model import KINDS, Config
from processkit.model.types import ID_RE


@dataclass(slots=True)
class LoadResult:
    """A loaded repository and everything found wrong while loading it."""

    repo: Repository
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load_config(root: Path) -> tuple[Config, str]:
    """The configuration at ``root``, or ConfigError with its diagnostics."""
    data = (root / CONFIG_NAME).read_bytes()
    parsed = read_yaml(CONFIG_NAME, data)
    _speak(parsed.value)
    if parsed.node is None or any(d.code != "PK011" for d in parsed.diagnostics):
        raise ConfigError(parsed.diagnostics, root, parsed.text)
    try:
        config = Config.model_validate(parsed.value)
    except ValidationError as error:
        found = model_diagnostics(error, Config, parsed.node, CONFIG_NAME)
        raise ConfigError(_beside_tags(parsed.diagnostics, found), root, parsed.text) from None
    if parsed.diagnostics:  # a tag processkit does not know
        raise ConfigError(parsed.diagnostics, root, parsed.text)
    return config, parsed.text or ""


def _speak(value: object) -> None:
    """Speak the repository's ``language:`` from here on, even when the rest of its
    configuration has errors (which are then said in that language); Swedish where it names
    none it may have, as in a run of its own (``serve`` reads the configuration again after
    an edit that may have taken the line out)."""
    language = value.get("language") if isinstance(value, dict) else None
    i18n.use_repository_language(language if language in i18n.LANGUAGES else i18n.DEFAULT)


def _beside_tags(read: list[Diagnostic], checked: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics of reading a file, then those of checking its values, less the ones at
    a value whose tag is already reported (PK011 from the reader): one problem, one message."""
    tagged = {(d.line, d.column) for d in read if d.code == "PK011"}
    return [*read, *(d for d in checked if (d.line, d.column) not in tagged)]


#: The parsed files' store, in the cache folder.
PARSED = ParseCache.FILE


def load_repository(
    start: Path,
    *,
    parallel: bool | None = None,
    cache_dir: Path | None = None,
    remembered: Remembered | None = None,
    keep: bool = True,
    few_fresh: bool = False,
    references: bool = True,
    signatures: bool = True,
) -> LoadResult:
    """Read the repository containing ``start``: configuration first, then every entity file.

    Files parsed before without a problem are taken from the cache folder ``cache_dir``
    (default: the repository's own, see ``processkit.cache``), and those parsed now are
    added to it, unless ``keep`` is False (a second load of the same files, as ``publish``
    makes beside its own, leaves the store to the first). With ``few_fresh`` it parses only
    a few files afresh (``parse.fresh_limit``), and raises NotInStore where more are not in the
    store. A file whose signature (times, size, inode) is as the last command kept it
    (``parse.Signatures``) is not read again; without ``signatures`` (a copy of the files made
    for this command: a past commit exported) none is looked up or kept. With ``remembered``
    (``serve``, which loads again and again) the store and the signatures are kept in memory
    (the first load begins with the signatures the last command kept), and the entity made of
    a file before is not made again. Without ``references`` the references are not checked:
    the caller checks them when it will (``reference_problems``)."""
    root = find_root(start)
    config, config_text = load_config(root)
    repo = Repository(root=root, config=config)
    repo.texts[CONFIG_NAME] = config_text
    found = discover(root, config.site.output, config.exclude)
    diagnostics = list(found.diagnostics)
    for path in found.not_read:  # what they hold is not known, but their ids are
        keep_unreadable(repo, path, None)
    first_path: dict[tuple[str, str], list[str]] = {}
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of small objects are made and kept; nothing to collect
    cache = _parse_cache(cache_dir, root, remembered)
    # the files' signatures: ``serve``'s, kept in memory, or those the last command kept
    kept = None
    if signatures and cache is not None and cache.path is not None:
        kept = cache.path.with_name(Signatures.FILE)
    signed: Signatures | None = None
    if remembered is not None:
        remembered.begin()
        signed = remembered.signatures
        if remembered.loads == 1 and kept is not None:
            # its first load: the signatures the last command kept (a preview begun after a
            # publish reads the files changed since, not thousands)
            signed.take_stored(kept)
    elif kept is not None:
        signed = Signatures(kept)
    try:
        files = parse_files(
            root,
            found.files,
            parallel=parallel,
            cache=cache,
            remembered=remembered,
            signatures=signed,
            fresh_at_most=fresh_limit(len(found.files)) if few_fresh else None,
        )

        def again(relative: str) -> FileResult:
            """The file parsed afresh, where its entry in the store cannot be read out (a
            load that may parse only a few files gives up: ``parse_files`` counts none)."""
            if few_fresh:
                raise NotInStore
            return reparsed(root, relative, cache)

        for result in files:
            diagnostics.extend(_add_entity(repo, result, first_path, remembered, again))
        # ``serve`` writes the store at its first load only: the files edited while it runs
        # (a few) are parsed again by the next command, not the whole store written per edit
        if keep and cache is not None and (remembered is None or remembered.loads == 1):
            cache.save()
        if keep and signed is not None:
            signed.save()
        if remembered is not None:
            remembered.end()
    finally:
        # What was loaded lives as long as the command; moving it out of the collector's sight
        # keeps later collections (rules, pages) from walking it again and again. Reference
        # counting still frees it.
        gc.freeze()
        if collecting:
            gc.enable()
    repo.files = len(found.files) + 1
    diagnostics.extend(duplicate_ids(repo, first_path))
    if references:
        diagnostics.extend(reference_problems(repo, diagnostics, remembered))
    diagnostics.extend(check_parent_loops(repo))
    return LoadResult(repo, diagnostics)


def reference_problems(
    repo: Repository, loaded: list[Diagnostic], remembered: Remembered | None = None
) -> list[Diagnostic]:
    """The references of ``repo`` that name nothing (``check_references``), less those at a
    value the load reported wrong already (``loaded``: a tag that does not fit the value):
    one problem, one message."""
    wrong = {(d.path, d.line, d.column) for d in loaded if d.code == "PK011"}
    referred = check_references(repo, remembered.references if remembered is not None else None)
    return [d for d in referred if (d.path, d.line, d.column) not in wrong]


def _parse_cache(
    folder: Path | None, root: Path, remembered: Remembered | None = None
) -> ParseCache | None:
    """The store of parsed files in the cache folder ``folder`` (None: the repository's own),
    or None where no cache folder can be made (a read-only repository is read all the same);
    the one ``remembered`` keeps, where it keeps one."""
    usable = usable_folder(folder, root)
    if usable is None:
        return None
    path = usable / PARSED
    return remembered.store(path) if remembered is not None else ParseCache(path)


def _add_entity(
    repo: Repository,
    parsed: FileResult,
    first_path: dict[tuple[str, str], list[str]],
    remembered: Remembered | None,
    again: Callable[[str], FileResult],
) -> list[Diagnostic]:
    relative = parsed.path
    if parsed.made is not None:  # made by an earlier load (``serve``)
        made_kind, made, extensions = parsed.made
        _add_record(repo, made_kind, Record(made, relative, extensions, _hex(parsed)), first_path)
        return []
    if parsed.json is not None and parsed.value is None:  # as the parse store gave it back
        stored_kind, text = parsed.json
        made_now = _from_json(stored_kind, text)
        if made_now is not None:
            if remembered is not None and parsed.digest is not None:
                remembered.make(parsed.digest, (stored_kind, made_now, parsed.extensions))
            record = Record(made_now, relative, parsed.extensions, _hex(parsed))
            _add_record(repo, stored_kind, record, first_path)
            return []
        # made from the value instead, whose problems are told in the usual words
        if parsed.values() is None:  # an entry of the store that cannot be read out
            parsed = again(relative)
    if parsed.text is not None:
        repo.texts[relative] = parsed.text
    diagnostics = parsed.diagnostics
    if parsed.value is None:
        keep_unreadable(repo, relative, parsed.text)
        return diagnostics
    kind = _kind_of(repo, parsed, diagnostics)
    if kind is None:
        keep_unreadable(repo, relative, parsed.text)
        return diagnostics
    model = KINDS[kind]
    entity_id = parsed.value.get("id")
    entity_id = str(entity_id) if entity_id is not None else None
    try:
        entity = model.model_validate(parsed.value)
    except ValidationError as error:
        node = repo.node(relative)
        assert node is not None
        checked = model_diagnostics(error, model, node, relative)
        diagnostics = _beside_tags(diagnostics, checked)
        if entity_id and ID_RE.match(entity_id):
            repo.known.setdefault(kind, set()).add(entity_id)
        kept = keep_readable(repo, relative, model, parsed.value, error)
        if kept is None:
            return diagnostics
        entity = kept
    else:
        if remembered is not None and parsed.digest is not None and not diagnostics:
            remembered.make(parsed.digest, (kind, entity, parsed.extensions))
    _add_record(repo, kind, Record(entity, relative, parsed.extensions, _hex(parsed)), first_path)
    return diagnostics


def _from_json(kind: str, text: bytes) -> Any:
    """The entity of ``kind`` made straight from its value's JSON text (``parse._as_json``),
    or None where it is not a kind processkit knows or the value does not fit its model
    (the value then tells why, as read from the file)."""
    model = KINDS.get(kind)
    if model is None:
        return None
    try:
        return model.model_validate_json(text)
    except ValidationError:
        return None


def _hex(parsed: FileResult) -> str:
    return parsed.digest.hex() if parsed.digest else ""


def _add_record(
    repo: Repository, kind: str, record: Record[Any], first_path: dict[tuple[str, str], list[str]]
) -> None:
    entity_id = record.entity.id
    holders = first_path.setdefault((kind, entity_id), [])
    holders.append(record.path)
    if len(holders) > 1:  # reported on every file that holds it (duplicate_ids)
        return
    repo.of_kind(kind)[entity_id] = record
    repo.known.setdefault(kind, set()).add(entity_id)


#: The kinds as a hint names them (made once, not for every file read).
_KINDS_NAMED = ", ".join(f"`{k}`" for k in KINDS)


def _kind_of(repo: Repository, parsed: FileResult, diagnostics: list[Diagnostic]) -> str | None:
    value: dict[str, Any] = parsed.value or {}
    if "kind" not in value:
        mark = repo.locate(parsed.path, ())
        diagnostics.append(
            Diagnostic(
                "PK005",
                Severity.ERROR,
                _("`kind` is missing: processkit cannot tell what this file is"),
                parsed.path,
                mark.line,
                mark.column,
                _("Add `kind:` as the first line, one of {kinds}.", kinds=_KINDS_NAMED),
            )
        )
        return None
    kind = value["kind"]
    if not isinstance(kind, str) or kind not in KINDS:
        mark = repo.locate(parsed.path, ("kind",))
        guess = did_you_mean(str(kind), KINDS) if kind is not None else None
        if guess:
            message = _(
                "`{kind}` is not a kind processkit knows; did you mean `{guess}`?",
                kind=kind,
                guess=guess,
            )
        else:
            message = _("`{kind}` is not a kind processkit knows", kind=kind)
        diagnostics.append(
            Diagnostic(
                "PK005",
                Severity.ERROR,
                message,
                parsed.path,
                mark.line,
                mark.column,
                _("`kind` is one of {kinds}.", kinds=_KINDS_NAMED),
            )
        )
        return None
    return kind
