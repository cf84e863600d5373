"""The editor's saves in git: committed on a branch of their own, then sent for review.

No web code: the editor (``processkit edit``) calls these two functions.

``commit_saved`` commits the files one save wrote. The first save of an editing session makes
a branch (``processkit/<date>-<short hash of HEAD>``, or a name given) from the current HEAD
and checks it out; uncommitted changes go along with it, as ``git switch -c`` does. Only the
given files are staged and committed, each as it is on the disk: other changes in the work tree
or the index (staged or not) are left as they were and are not committed. A path outside the
repository (or inside ``.git``, or a link leading out) is refused. The author is the one given,
else git's configured identity; git is never left to guess one from the computer's name.

``submit_for_review`` pushes the branch and opens a pull request (GitHub) or merge request
(GitLab) through the forge's REST API, when ``origin`` is on one of them and a token is in the
environment (``GH_TOKEN`` or ``GITHUB_TOKEN``; ``GITLAB_TOKEN``). The token reaches git through
the environment (``GIT_CONFIG_*``, an ``http.extraHeader``), never on a command line, and is
never stored nor shown. Otherwise it returns the commands a person runs instead.

Git runs with argument lists, never through a shell.
"""

from __future__ import annotations

import base64
import http.client
import json
import os
import shlex
import subprocess
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from email.message import Message
from pathlib import Path
from typing import IO, Any, Literal

from processkit.errors import ProcesskitError
from processkit.frozen import frozen
from processkit.history.weblinks import web_base
from processkit.i18n import _
from processkit.loading.git import Commit, GitHistory, origin_remote, short_hash

Forge = Literal["github", "gitlab"]

#: The variables a token is read from, in order (as the forges' own command lines read them).
TOKEN_VARIABLES: dict[Forge, tuple[str, ...]] = {
    "github": ("GH_TOKEN", "GITHUB_TOKEN"),
    "gitlab": ("GITLAB_TOKEN",),
}
#: Names the kind of forge on the ``origin``'s host when its name does not tell (a GitHub
#: Enterprise server, a self-hosted GitLab not named ``gitlab.<domain>``): ``github`` or ``gitlab``.
FORGE_VARIABLE = "PROCESSKIT_FORGE"
#: The forge's API address, when it is not the usual one for the host.
API_VARIABLE = "PROCESSKIT_FORGE_API"
#: Seconds to wait for the forge's API, and for git (a push over a slow line).
API_TIMEOUT = 30.0
GIT_TIMEOUT = 300.0
_NAMES: dict[Forge, str] = {"github": "GitHub", "gitlab": "GitLab"}
#: The user names git sends with a token over https.
_PUSH_USER: dict[Forge, str] = {"github": "x-access-token", "gitlab": "oauth2"}
_LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: One save or push at a time in this process: git's index takes one writer.
_LOCK = threading.RLock()


@frozen
class SavedCommit:
    """What ``commit_saved`` did: the ``branch`` it committed on (``created`` by this call, from
    ``base``: the branch checked out before, None when HEAD was detached), the ``commit`` and the
    files it holds (relative to the git repository's top folder)."""

    branch: str
    commit: Commit
    created: bool
    base: str | None
    paths: tuple[str, ...]


@frozen
class ForgeRepository:
    """The repository ``origin`` names on a forge: its kind, host, path (``owner/repo``, or a
    GitLab project's ``group/subgroup/project``), web address and API address."""

    forge: Forge
    host: str
    path: str
    web: str
    api: str

    @property
    def name(self) -> str:
        return _NAMES[self.forge]


@frozen
class Submitted:
    """What ``submit_for_review`` did. ``opened``: the branch was pushed and the request opened
    at ``url``. Otherwise ``message`` says why not and what to do, ``commands`` are the git
    commands to run, and ``url`` (when known) is the page where the request is opened by hand.
    ``instructions`` is all of it as plain text."""

    branch: str
    opened: bool
    message: str
    commands: tuple[str, ...] = ()
    url: str | None = None
    forge: Forge | None = None
    after: str | None = None

    @property
    def instructions(self) -> str:
        lines = [self.message]
        if self.commands:
            lines += ["", *(f"    {command}" for command in self.commands)]
        if self.after:
            lines += ["", self.after]
        return "\n".join(lines)


# --- committing ----------------------------------------------------------------------------


def commit_saved(
    root: Path,
    paths: Iterable[str | Path],
    message: str,
    author: tuple[str, str] | None = None,
    *,
    branch: str | None = None,
    today: date | None = None,
) -> SavedCommit:
    """Commit ``paths`` (relative to ``root``, or absolute) on ``branch``, with ``message`` and
    ``author`` (name, e-mail; None: git's configured identity; an empty e-mail: the configured
    one, with the name given).

    ``branch`` None starts an editing session: a new branch ``processkit/<today>-<short hash of
    HEAD>`` (``-2``, ``-3``... when taken) is made from HEAD and checked out. A ``branch`` that
    is checked out is committed on; one that does not exist is made from HEAD; one that exists
    but is not checked out is refused (the work tree holds another branch's files)."""
    with _LOCK:
        return _commit_saved(root, paths, message, author, branch, today)


def _commit_saved(
    root: Path,
    paths: Iterable[str | Path],
    message: str,
    author: tuple[str, str] | None,
    branch: str | None,
    today: date | None,
) -> SavedCommit:
    top = _top(root)
    relative = _inside(root, top, paths)
    text = message.strip()
    if not text:
        raise ProcesskitError(_("a commit needs a message: write in a few words what you changed"))
    identity = _identity(top, author)
    changed = _git(top, "status", "--porcelain", "--untracked-files=all", "--", *relative)
    if not changed.strip():
        raise ProcesskitError(
            _(
                "there is nothing to commit: the files are as in the last commit ({paths})",
                paths=", ".join(relative),
            )
        )
    head = _head(top)
    current = _current_branch(top)
    created = False
    if branch is None:
        name = _free_name(
            top, f"processkit/{(today or date.today()).isoformat()}-{short_hash(head)}"
        )
    else:
        name = _branch_name(top, branch)
    if name != current:
        if _branch_exists(top, name):
            raise ProcesskitError(
                _(
                    "the branch `{branch}` exists but is not the one checked out (that is "
                    "`{current}`); switch to it first, or save on a new branch",
                    branch=name,
                    current=current or head[:7],
                )
            )
        _git(top, "checkout", "--quiet", "-b", name)
        created = True
    try:
        _git(top, "add", "--", *relative)
        _git(
            top,
            "-c",
            "user.useConfigOnly=true",
            "commit",
            "--quiet",
            "--only",
            "--cleanup=strip",
            "--file=-",
            "--",
            *relative,
            env=identity,
            stdin=text + "\n",
        )
    except ProcesskitError:
        if created:  # leave the repository as it was: on the old branch, without the new one
            _git(top, "checkout", "--quiet", current or head, check=False)
            _git(top, "branch", "--quiet", "-D", name, check=False)
        raise
    sha = _git(top, "rev-parse", "--verify", "HEAD^{commit}").strip()
    with GitHistory(root, "processkit edit") as history:
        commit = history.commit(sha)
    return SavedCommit(name, commit, created, current, tuple(relative))


def in_git(root: Path) -> bool:
    """Whether ``root`` is a folder inside a git work tree (saves there can be committed)."""
    if not root.is_dir():
        return False
    done = _run(root, ["rev-parse", "--is-inside-work-tree"])
    return done.returncode == 0 and done.stdout.strip() == "true"


def _top(root: Path) -> Path:
    """The top folder of the git repository holding ``root``."""
    if not root.is_dir():
        raise ProcesskitError(_("{folder} does not exist", folder=root))
    done = _run(root, ["rev-parse", "--show-toplevel"])
    if done.returncode != 0:
        raise ProcesskitError(
            _(
                "saving in git needs a git repository, and {folder} is not inside one",
                folder=root,
            )
        )
    return Path(done.stdout.strip()).resolve()


def _inside(root: Path, top: Path, paths: Iterable[str | Path]) -> list[str]:
    """``paths`` relative to git's top folder; each must be a file (or a file just removed)
    inside ``root``, not in ``.git``, and not reached through a link that leads out."""
    base = root.resolve()
    found: list[str] = []
    for given in paths:
        path = Path(given)
        full = (path if path.is_absolute() else base / path).resolve()
        inside = full.is_relative_to(base) and full.is_relative_to(top)
        if not inside or ".git" in full.relative_to(top).parts or full == base:
            raise ProcesskitError(
                _(
                    "{path} is not a file inside the repository; only files inside it are "
                    "committed",
                    path=given,
                )
            )
        if full.is_dir():
            raise ProcesskitError(_("{path} is a folder; name the files to commit", path=given))
        relative = full.relative_to(top).as_posix()
        if relative not in found:
            found.append(relative)
    if not found:
        raise ProcesskitError(_("no file to commit was named"))
    return found


def _identity(top: Path, author: tuple[str, str] | None) -> dict[str, str]:
    """The environment that makes git commit as ``author`` (or as the configured identity)."""
    configured = (
        os.environ.get("GIT_COMMITTER_NAME") or _config(top, "user.name"),
        os.environ.get("GIT_COMMITTER_EMAIL") or _config(top, "user.email"),
    )
    if author is None:
        name = os.environ.get("GIT_AUTHOR_NAME") or _config(top, "user.name")
        email = os.environ.get("GIT_AUTHOR_EMAIL") or _config(top, "user.email")
        if not name or not email:
            raise ProcesskitError(
                _(
                    "git does not know who is making the change: set it with "
                    '`git config --global user.name "First Last"` and '
                    "`git config --global user.email name@example.se`"
                )
            )
        return {}
    name, email = (part.strip() for part in author)
    # a single sign-on proxy gives a name alone: the configured address goes with it
    email = email or os.environ.get("GIT_AUTHOR_EMAIL") or _config(top, "user.email") or ""
    if not name or not email or any(c in name + email for c in "<>\n\r\0"):
        raise ProcesskitError(
            _(
                "`{name} <{email}>` cannot be a commit's author: give a name and an e-mail "
                "address, without < > or line breaks",
                name=name,
                email=email,
            )
        )
    identity = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email}
    if not configured[0] or not configured[1]:  # no committer of its own: the author commits
        identity |= {"GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email}
    return identity


def _config(top: Path, key: str) -> str | None:
    done = _run(top, ["config", "--get", key])
    return done.stdout.strip() or None if done.returncode == 0 else None


def _head(top: Path) -> str:
    done = _run(top, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
    if done.returncode != 0:
        raise ProcesskitError(
            _("the repository has no commits yet; make a first commit before saving in git")
        )
    return done.stdout.strip()


def _current_branch(top: Path) -> str | None:
    done = _run(top, ["symbolic-ref", "--quiet", "--short", "HEAD"])
    return done.stdout.strip() or None if done.returncode == 0 else None


def _branch_exists(top: Path, name: str) -> bool:
    done = _run(top, ["rev-parse", "--verify", "--quiet", f"refs/heads/{name}^{{commit}}"])
    return done.returncode == 0


def _branch_name(top: Path, name: str) -> str:
    done = _run(top, ["check-ref-format", "--branch", name])
    if done.returncode != 0 or name.startswith("-"):
        raise ProcesskitError(_("`{branch}` cannot be the name of a git branch", branch=name))
    return done.stdout.strip()


def _free_name(top: Path, name: str) -> str:
    candidate, number = name, 1
    while _branch_exists(top, candidate):
        number += 1
        candidate = f"{name}-{number}"
    return candidate


# --- sending for review --------------------------------------------------------------------


def submit_for_review(
    root: Path,
    branch: str,
    title: str,
    body: str,
    *,
    base: str | None = None,
    environ: Mapping[str, str] = os.environ,
    api_base: str | None = None,
    timeout: float = API_TIMEOUT,
) -> Submitted:
    """Push ``branch`` to ``origin`` and open a pull or merge request into ``base`` (None:
    ``origin``'s default branch) with ``title`` and ``body``, when ``origin`` is on GitHub or
    GitLab and ``environ`` holds a token; otherwise say how to do it by hand. ``api_base``
    (else ``PROCESSKIT_FORGE_API``) replaces the forge's API address."""
    top = _top(root)
    if not _branch_exists(top, branch):
        raise ProcesskitError(_("there is no branch `{branch}` in this repository", branch=branch))
    if not title.strip():
        raise ProcesskitError(_("a review request needs a title"))
    remote = origin_remote(top)
    if remote is None:
        return _no_remote(branch)
    target = forge_of(remote, environ)
    if target is None:
        return _other_host(branch, remote)
    token, variable = _token(target.forge, environ)
    if token is None:
        return _no_token(branch, target, base)
    secrets = (token, _basic(target.forge, token))
    try:
        with _LOCK:
            return _submit(
                top,
                branch,
                title.strip(),
                body,
                base,
                target,
                remote,
                token,
                variable,
                api_base or environ.get(API_VARIABLE) or target.api,
                timeout,
            )
    except ProcesskitError as problem:  # no message may carry the token
        raise ProcesskitError(_scrub(str(problem), secrets)) from None


def forge_of(remote: str, environ: Mapping[str, str] = os.environ) -> ForgeRepository | None:
    """The forge repository a clone address names (https, ``ssh://`` or ``git@host:path``):
    ``github.com`` is GitHub; ``gitlab.com`` and every host named ``gitlab.<domain>`` are
    GitLab; ``PROCESSKIT_FORGE`` (``github`` or ``gitlab``) names the kind of any other host.
    None: not a forge processkit knows."""
    web = web_base(remote)
    if web is None:
        return None
    host, _slash, path = web.removeprefix("https://").partition("/")
    host = host.casefold()
    forced = environ.get(FORGE_VARIABLE, "").strip().casefold()
    if forced and forced not in _NAMES:
        raise ProcesskitError(
            _(
                "{variable}: `{value}` is not a forge processkit knows; use `github` or `gitlab`",
                variable=FORGE_VARIABLE,
                value=environ.get(FORGE_VARIABLE, ""),
            )
        )
    forge: Forge | None
    if host == "github.com":
        forge = "github"
    elif host == "gitlab.com" or host.startswith("gitlab."):
        forge = "gitlab"
    else:
        forge = "github" if forced == "github" else "gitlab" if forced == "gitlab" else None
    if forge is None:
        return None
    if forge == "github":
        if path.count("/") != 1:
            return None
        api = "https://api.github.com" if host == "github.com" else f"https://{host}/api/v3"
    else:
        api = f"https://{host}/api/v4"
    return ForgeRepository(forge, host, path, web, api)


def _token(forge: Forge, environ: Mapping[str, str]) -> tuple[str | None, str]:
    for variable in TOKEN_VARIABLES[forge]:
        value = environ.get(variable, "").strip()
        if value:
            return value, variable
    return None, TOKEN_VARIABLES[forge][0]


def _submit(
    top: Path,
    branch: str,
    title: str,
    body: str,
    base: str | None,
    target: ForgeRepository,
    remote: str,
    token: str,
    variable: str,
    api: str,
    timeout: float,
) -> Submitted:
    api = _checked_api(api.rstrip("/"))
    forge = _Api(target, api, token, variable, timeout)
    into = base or _remote_default(top) or forge.default_branch()
    if into == branch:
        raise ProcesskitError(
            _("the branch `{branch}` cannot be sent for review into itself", branch=branch)
        )
    _push(top, branch, remote, target, token)
    url = forge.open_request(branch, into, title, body)
    return Submitted(
        branch,
        opened=True,
        message=_("The branch `{branch}` was sent for review: {url}", branch=branch, url=url),
        url=url,
        forge=target.forge,
    )


def _checked_api(api: str) -> str:
    """The API address, if it is https (or http to this computer, for a test)."""
    parts = urllib.parse.urlsplit(api)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOOPBACK)
    if not secure or not parts.hostname:
        raise ProcesskitError(
            _(
                "the forge's API address must start with https:// (http:// only on this "
                "computer), not `{address}`",
                address=_without_userinfo(api),
            )
        )
    return api


def _remote_default(top: Path) -> str | None:
    """``origin``'s default branch as git last heard it (``refs/remotes/origin/HEAD``)."""
    done = _run(top, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])
    name = done.stdout.strip() if done.returncode == 0 else ""
    return name.removeprefix("origin/") or None


def _basic(forge: Forge, token: str) -> str:
    pair = f"{_PUSH_USER[forge]}:{token}".encode()
    return base64.b64encode(pair).decode("ascii")


def _push(top: Path, branch: str, remote: str, target: ForgeRepository, token: str) -> None:
    """Push ``branch`` to the forge over https, the token in a header git reads from its
    environment (never a command-line argument, never stored)."""
    address = remote if remote.startswith(("https://", "http://")) else f"{target.web}.git"
    given = os.environ.get("GIT_CONFIG_COUNT", "").strip()
    count = int(given) if given.isdigit() else 0
    environment = {
        "GIT_CONFIG_COUNT": str(count + 1),
        f"GIT_CONFIG_KEY_{count}": "http.extraHeader",
        f"GIT_CONFIG_VALUE_{count}": f"Authorization: Basic {_basic(target.forge, token)}",
    }
    done = _run(
        top,
        ["push", "--quiet", address, f"refs/heads/{branch}:refs/heads/{branch}"],
        env=environment,
    )
    if done.returncode != 0:
        raise ProcesskitError(
            _(
                "git could not send the branch `{branch}` to {forge}: {problem}",
                branch=branch,
                forge=target.name,
                problem=_problem(done),
            )
        )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is not followed: it would carry the token to another address."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


class _Api:
    """The forge's REST API, with the token."""

    def __init__(
        self, target: ForgeRepository, api: str, token: str, variable: str, timeout: float
    ) -> None:
        self.target = target
        self.api = api
        self.token = token
        self.variable = variable
        self.timeout = timeout

    @property
    def _repository(self) -> str:
        if self.target.forge == "github":
            return f"/repos/{self.target.path}"
        return f"/projects/{urllib.parse.quote(self.target.path, safe='')}"

    def default_branch(self) -> str:
        status, data = self._call("GET", self._repository, None)
        name = data.get("default_branch") if isinstance(data, dict) else None
        if status != 200 or not isinstance(name, str) or not name:
            self._refused(status, data)
            raise ProcesskitError(
                _(
                    "{forge} did not say which branch is the main one ({status}): {message}",
                    forge=self.target.name,
                    status=status,
                    message=_forge_message(data),
                )
            )
        return name

    def open_request(self, branch: str, base: str, title: str, body: str) -> str:
        if self.target.forge == "github":
            path = f"{self._repository}/pulls"
            payload = {"title": title, "head": branch, "base": base, "body": body}
            field = "html_url"
        else:
            path = f"{self._repository}/merge_requests"
            payload = {
                "title": title,
                "source_branch": branch,
                "target_branch": base,
                "description": body,
            }
            field = "web_url"
        status, data = self._call("POST", path, payload)
        url = data.get(field) if isinstance(data, dict) else None
        if status in (200, 201) and isinstance(url, str) and url:
            return url
        self._refused(status, data)
        raise ProcesskitError(
            _(
                "the branch `{branch}` was sent to {forge}, but {forge} did not open the review "
                "request ({status}): {message}",
                branch=branch,
                forge=self.target.name,
                status=status,
                message=_forge_message(data),
            )
        )

    def _refused(self, status: int, data: Any) -> None:
        if status in (401, 403):
            raise ProcesskitError(
                _(
                    "{forge} did not accept the token in `{variable}` ({status}): {message}",
                    forge=self.target.name,
                    variable=self.variable,
                    status=status,
                    message=_forge_message(data),
                )
            )

    def _call(self, method: str, path: str, payload: dict[str, str] | None) -> tuple[int, Any]:
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Accept": "application/json",
            "User-Agent": "processkit",
        }
        if self.target.forge == "github":
            headers["Accept"] = "application/vnd.github+json"
            headers["X-GitHub-Api-Version"] = "2022-11-28"
        data = None
        if payload is not None:
            data = json.dumps(payload).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.api + path, data=data, headers=headers, method=method)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return response.status, _json(response.read())
        except urllib.error.HTTPError as answer:
            with answer:
                return answer.code, _json(answer.read()) or answer.reason
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as problem:
            reason = getattr(problem, "reason", problem)
            raise ProcesskitError(
                _(
                    "could not reach {forge} at {address}: {problem}",
                    forge=self.target.name,
                    address=_without_userinfo(self.api),
                    problem=str(reason) or type(reason).__name__,
                )
            ) from None


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("utf-8")) if raw else None
    except (UnicodeDecodeError, ValueError):
        return None


def _forge_message(data: Any) -> str:
    """The forge's own words of an error, on one line: GitHub's ``message`` and ``errors``,
    GitLab's ``message`` (a text, a list, or a table by field) or ``error_description``."""
    parts: list[str] = []

    def gather(value: Any, prefix: str = "") -> None:
        if isinstance(value, str):
            parts.append(prefix + value)
        elif isinstance(value, list):
            for item in value:
                gather(item, prefix)
        elif isinstance(value, dict):
            if "message" in value:
                gather(value["message"], prefix)
            elif "error_description" in value or "error" in value:
                gather(value.get("error_description") or value.get("error"), prefix)
            elif "code" in value and "field" in value:
                parts.append(f"{prefix}{value['field']}: {value['code']}")
            else:
                for key, item in value.items():
                    gather(item, f"{key} ")

    if isinstance(data, dict):
        gather(data.get("message") or data.get("error_description") or data.get("error"))
        gather(data.get("errors"))
    else:
        gather(data)
    text = "; ".join(dict.fromkeys(" ".join(part.split()) for part in parts if part.strip()))
    return text or "-"


# --- what to do by hand --------------------------------------------------------------------


def _push_command(branch: str) -> str:
    return f"git push --set-upstream origin {shlex.quote(branch)}"


def _no_remote(branch: str) -> Submitted:
    return Submitted(
        branch,
        opened=False,
        message=_(
            "The repository has no `origin` remote, so processkit cannot send the branch "
            "`{branch}` for review. Add the address of the repository on your git server and "
            "send the branch there:",
            branch=branch,
        ),
        commands=("git remote add origin " + _("ADDRESS"), _push_command(branch)),
        after=_(
            "Then open a request for review (a pull request or merge request) of the branch "
            "`{branch}` on the git server, and ask a colleague to review it.",
            branch=branch,
        ),
    )


def _other_host(branch: str, remote: str) -> Submitted:
    web = web_base(remote)
    host = web.split("/")[2] if web else None
    if host:
        reason = _(
            "processkit opens review requests on GitHub and GitLab only, and `origin` is on "
            "{host}. Send the branch `{branch}` there yourself:",
            host=host,
            branch=branch,
        )
    else:
        reason = _(
            "processkit opens review requests on GitHub and GitLab only, and `origin` is on "
            "neither. Send the branch `{branch}` there yourself:",
            branch=branch,
        )
    return Submitted(
        branch,
        opened=False,
        message=reason,
        commands=(_push_command(branch),),
        url=web,
        after=_(
            "Then open a request for review (a pull request or merge request) of the branch "
            "`{branch}` on the git server, and ask a colleague to review it.",
            branch=branch,
        ),
    )


def _no_token(branch: str, target: ForgeRepository, base: str | None) -> Submitted:
    quoted = urllib.parse.quote(branch, safe="/")
    if target.forge == "github":
        into = f"{urllib.parse.quote(base, safe='/')}..." if base else ""
        url = f"{target.web}/compare/{into}{quoted}?expand=1"
        message = _(
            "processkit sends the branch `{branch}` for review itself when it has a GitHub "
            "token in `GH_TOKEN` or `GITHUB_TOKEN`; there is none. Send the branch yourself:",
            branch=branch,
        )
        after = _("Then open the pull request on GitHub: {url}", url=url)
    else:
        query = {"merge_request[source_branch]": branch}
        if base:
            query["merge_request[target_branch]"] = base
        url = f"{target.web}/-/merge_requests/new?{urllib.parse.urlencode(query)}"
        message = _(
            "processkit sends the branch `{branch}` for review itself when it has a GitLab "
            "token in `GITLAB_TOKEN`; there is none. Send the branch yourself:",
            branch=branch,
        )
        after = _("Then open the merge request on GitLab: {url}", url=url)
    return Submitted(
        branch,
        opened=False,
        message=message,
        commands=(_push_command(branch),),
        url=url,
        forge=target.forge,
        after=after,
    )


# --- running git ---------------------------------------------------------------------------


def _run(
    top: Path,
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run git (an argument list, no shell) in ``top``; never prompts for a password."""
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})}
    try:
        return subprocess.run(
            ["git", *args],
            cwd=top,
            env=environment,
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise ProcesskitError(_("git is not installed")) from None
    except subprocess.TimeoutExpired:
        raise ProcesskitError(
            _("git did not finish within {seconds} seconds", seconds=int(GIT_TIMEOUT))
        ) from None


def _git(
    top: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    stdin: str | None = None,
    check: bool = True,
) -> str:
    done = _run(top, args, env=env, stdin=stdin)
    if check and done.returncode != 0:
        raise ProcesskitError(
            _(
                "git {command} failed: {problem}",
                command=args[0] if args[0] != "-c" else args[2],
                problem=_problem(done),
            )
        )
    return done.stdout


def _problem(done: subprocess.CompletedProcess[str]) -> str:
    """The first line of git's complaint that is not a hint."""
    for line in (done.stderr or done.stdout).splitlines():
        text = line.strip()
        if text and not text.startswith("hint:"):
            return text.removeprefix("fatal: ").removeprefix("error: ")
    return _("exit status {status}", status=done.returncode)


def _without_userinfo(address: str) -> str:
    parts = urllib.parse.urlsplit(address)
    if parts.username is None and parts.password is None:
        return address
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
