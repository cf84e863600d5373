"""Web addresses of commits on the git host, from the repository's ``origin`` remote."""

from __future__ import annotations

import re

_SCP_RE = re.compile(r"^(?:[^@/]+@)?(?P<host>[^:/]+):(?P<path>[^/].*)$")
_URL_RE = re.compile(r"^(?:https?|ssh|git)://(?:[^@/]+@)?(?P<host>[^/:]+)(?::\d+)?/(?P<path>.+)$")


def web_base(remote_url: str) -> str | None:
    """The web address of a repository from its clone address: ``git@host:group/repo.git`` and
    ``https://host/group/repo.git`` both give ``https://host/group/repo``."""
    text = remote_url.strip()
    match = _URL_RE.match(text) or _SCP_RE.match(text)
    if match is None:
        return None
    path = match.group("path").strip("/")
    if path.endswith(".git"):
        path = path[:-4]
    if not path:
        return None
    return f"https://{match.group('host')}/{path}"


def commit_url(base: str, sha: str) -> str:
    """A commit's page: GitHub and Gitea use ``/commit/<sha>``, GitLab ``/-/commit/<sha>``
    (assumed for every host not named github or gitea)."""
    host = base.split("/")[2].casefold()
    if "github" in host or "gitea" in host or "codeberg" in host:
        return f"{base}/commit/{sha}"
    return f"{base}/-/commit/{sha}"
