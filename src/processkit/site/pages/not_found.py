"""The page a web server shows for an address the site does not have (``404.html``); its
text is all in the message catalogue."""

from __future__ import annotations

from processkit.site.contexts import PlainPage


def not_found_page() -> PlainPage:
    return PlainPage([])
