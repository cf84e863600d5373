"""How a reader proposes an improvement from a page, with no account anywhere: an e-mail to the
configured address (``proposals.email``) with the subject and a short template filled in, and/or
the configured web form (``proposals.form_url``) with the process id; and, for those who have an
account on the git host, ``site.feedback_url`` as before.

The texts of the e-mail are in the site's language: the page contexts are made while the site's
language is spoken (see :func:`processkit.site.build.build_site`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote

from processkit.codepoints import printable
from processkit.i18n import _
from processkit.model.config import Config
from processkit.site import links

#: The ways to send a proposal: e-mail, a web form, an issue on the git host.
Way = Literal["email", "form", "issue"]
#: The line break of an e-mail body in a ``mailto:`` link (RFC 6068).
CRLF = "\r\n"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One way to propose an improvement: a link, and which way it is (for its text)."""

    way: Way
    href: str


@dataclass(frozen=True, slots=True)
class About:
    """What a proposal sent from a page is about: a process (its id and name), an area (its
    name), or nothing in particular (both None). The e-mail does not give the page's address:
    the configuration does not say where the site is published."""

    process_id: str | None = None
    name: str | None = None


def suggestions(config: Config, about: About, *, issue: bool = False) -> list[Suggestion]:
    """The ways to propose an improvement on a page about ``about``, in the order shown:
    e-mail, the web form, then (with ``issue``, on a process page) the git host's issue."""
    found: list[Suggestion] = []
    email = config.proposals.email
    if email and email.strip():
        found.append(Suggestion("email", mail_link(email, about)))
    form = links.fill(config.proposals.form_url, id=about.process_id or "")
    if form:
        found.append(Suggestion("form", form))
    if issue and about.process_id:
        feedback = links.fill(config.site.feedback_url, id=about.process_id)
        if feedback:
            found.append(Suggestion("issue", feedback))
    return found


def mail_link(email: str, about: About) -> str:
    """A ``mailto:`` link to ``email`` with the subject and the template body filled in,
    every part percent-encoded (line breaks as ``%0D%0A``)."""
    subject, body = mail_text(about)
    return (
        links.mailto(email)
        + "?subject="
        + quote(printable(subject), safe="")
        + "&body="
        + quote(printable(body), safe="")
    )


def mail_text(about: About) -> tuple[str, str]:
    """The subject and the body of the e-mail: what it is about, then two questions, each
    followed by room to answer."""
    lines: list[str] = []
    if about.process_id and about.name:
        subject = _("Improvement proposal: {name} ({id})", name=about.name, id=about.process_id)
        lines.append(_("Process: {name} ({id})", name=about.name, id=about.process_id))
    elif about.name:
        subject = _("Improvement proposal: {name}", name=about.name)
        lines.append(_("Delivery area: {name}", name=about.name))
    else:
        subject = _("Improvement proposal")
    if lines:
        lines.append("")
    lines += [_("What does not work?"), "", "", _("What do you propose?"), "", ""]
    return subject, CRLF.join(lines)
