"""The page a web server shows for an address the site does not have (``404.html``); its
text is all in the message catalogue."""

from __future__ import annotations

from processkit.frozen import frozen
from processkit.site.contexts import Link


@frozen
class PlainPage:
    """A page whose text is all in the message catalogue (the 404 page)."""

    breadcrumbs: list[Link]


def not_found_page() -> PlainPage:
    return PlainPage([])
