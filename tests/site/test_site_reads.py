"""A page that stands alone and says what it reads (``SitePage.reads``) reads nothing else.

Such a page is taken as it was while what it says it reads is unchanged (``site.depends``), so
a read it does not declare would leave it out of date. Here each one is built from a
repository in which every field it does not declare, every kind and fact it does not name,
and every other source (history, maps, git, file texts) is poisoned: any use of one fails the
test, naming it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import KALMAR, write_files
from tests.site.repos import RICH

from processkit.domain.facts import gather
from processkit.loading.repository import Repository
from processkit.loading.session import open_repository
from processkit.model import KINDS
from processkit.site import depends
from processkit.site.collect import sources_of
from processkit.site.counts import area_counts
from processkit.site.history import History
from processkit.site.sitemap import SITE_PAGES, WHOLE, PageReads, SitePage, Sources

DAY = date(2026, 6, 1)
DECLARING = [page for page in SITE_PAGES if page.reads is not None]


class Poison:
    """A value that must not be used: any use fails, saying which it is."""

    def __init__(self, name: str) -> None:
        object.__setattr__(self, "_name", name)

    def _used(self, *_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError(f"the page read {object.__getattribute__(self, '_name')}")

    def __getattr__(self, name: str) -> Any:
        self._used()

    __bool__ = __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _used
    __hash__ = __str__ = __repr__ = __format__ = __iter__ = __len__ = _used
    __contains__ = __getitem__ = __call__ = __add__ = __radd__ = _used


def _poisoned_entity(kind: str, entity: Any, declared: tuple[str, ...] | None) -> Any:
    """``entity`` with every field not ``declared`` poisoned (its id kept: the page's record
    holds the ids of the kinds it names)."""
    if declared == WHOLE:
        return entity
    keep = {"id", *(declared or ())}
    names = [name for name in type(entity).model_fields if name not in keep]
    return entity.model_copy(update={name: Poison(f"{kind}.{name}") for name in names})


def _poisoned(repo: Repository, reads: PageReads) -> Repository:
    records = {
        kind: {
            entity_id: replace(
                record,
                entity=_poisoned_entity(kind, record.entity, reads.fields.get(kind)),
                path=Poison(f"the file of {kind} {entity_id}"),
                extensions=Poison(f"the x- keys of {kind} {entity_id}"),
                digest=Poison(f"the hash of the file of {kind} {entity_id}"),
            )
            for entity_id, record in repo.records.get(kind, {}).items()
        }
        for kind in KINDS
    }
    return replace(repo, records=records)


def _sources(repo: Repository) -> Sources:
    return sources_of(repo, gather(repo, DAY), History(), {}, area_counts(repo))


def _read(page: SitePage, repo: Repository) -> tuple[object, set[depends.Token]]:
    """The page's context built from ``repo`` poisoned as the module's text says, and the
    tokens of what it read through the tracked views."""
    assert page.reads is not None
    facts = gather(repo, DAY)  # from the whole repository: a fact read is its own token
    sources = sources_of(_poisoned(repo, page.reads), facts, History(), {}, [])
    view = depends.tracked(sources)
    view.repo.texts = Poison("the files' texts")  # type: ignore[assignment]
    view = replace(
        view,
        facts=replace(view.facts, today=Poison("the day")),
        history=Poison("the history"),  # type: ignore[arg-type]
        maps=Poison("the maps"),  # type: ignore[arg-type]
        counts=Poison("the areas' counts"),  # type: ignore[arg-type]
        git=Poison("git"),  # type: ignore[arg-type]
        indexed=Poison("the pages search reads"),  # type: ignore[arg-type]
    )
    with depends.reading() as recording:
        context = page.context(view)
    return context, recording.tokens


def _allowed(token: depends.Token, reads: PageReads) -> bool:
    """Whether ``reads`` covers what ``token`` read: an entity of a kind it names (not
    whether an id is known: that holds the ids of files with errors too, which no token of
    the page covers), or a fact it names."""
    if token[0] == "record":
        return token[1] in reads.fields
    if token[0] == "fact":
        return token[1] in reads.facts
    return False


@pytest.fixture(scope="module", params=["kalmar", "rich"])
def repository(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = (
        KALMAR if request.param == "kalmar" else write_files(tmp_path_factory.mktemp("rich"), RICH)
    )
    return open_repository(Path(root)).repo


@pytest.mark.parametrize("page", DECLARING, ids=[page.path for page in DECLARING])
def test_a_page_that_says_what_it_reads_reads_nothing_else(
    page: SitePage, repository: Repository
) -> None:
    context, tokens = _read(page, repository)
    assert page.reads is not None
    assert sorted(t for t in tokens if not _allowed(t, page.reads)) == []
    # and it is the page the whole repository makes
    assert repr(context) == repr(page.context(_sources(repository)))


def test_the_pages_that_say_what_they_read() -> None:
    assert [page.path for page in DECLARING] == ["owners.html", "maturity.html"]


def test_the_poison_finds_a_field_read_that_is_not_declared(repository: Repository) -> None:
    """The test above can fail: a page that declares less than it reads is caught."""
    owners = next(page for page in DECLARING if page.path == "owners.html")
    assert owners.reads is not None
    fields = dict(owners.reads.fields)
    fields["process"] = tuple(name for name in fields["process"] if name != "owner")
    less = replace(owners, reads=replace(owners.reads, fields=fields))
    with pytest.raises(AssertionError, match=r"the page read process\.owner"):
        _read(less, repository)
    without_facts = replace(owners, reads=replace(owners.reads, facts=()))
    _, tokens = _read(without_facts, repository)
    assert without_facts.reads is not None
    assert {t[:2] for t in tokens if not _allowed(t, without_facts.reads)} == {
        ("fact", "owns"),
        ("fact", "leads"),
    }
