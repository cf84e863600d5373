"""The search page (``search.html``): the search bundles of every page that is indexed."""

from __future__ import annotations

from collections.abc import Sequence

from processkit.frozen import frozen
from processkit.site.contexts import Link
from processkit.site.search import plan


@frozen
class SearchPage:
    """The search page: the Pagefind bundles to search, the first carrying the code."""

    bundles: list[str]
    breadcrumbs: list[Link]


def search_page(indexed: Sequence[str]) -> SearchPage:
    """The bundles to search, the first carrying the code; ``indexed`` are the addresses of
    the pages that search reads."""
    shards = plan(sorted(indexed))
    return SearchPage([shard.bundle for shard in shards], [])
