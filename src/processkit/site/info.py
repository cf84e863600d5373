"""What a build is of, apart from the site's own modules: ``publish`` says it before it
imports them, so that the process that loads beside the build is forked first
(``cli.publishing._build``)."""

from __future__ import annotations

from datetime import date

from processkit.frozen import frozen


@frozen
class BuildInfo:
    """What the build is of: the day it describes (for "published" and overdue reviews),
    and for a site of the past (``--as-of``/``--at``) that day and the commit."""

    today: date | None = None
    as_of: date | None = None
    commit: str | None = None
