"""How a reader proposes an improvement from a page, with no account anywhere: an e-mail to the
configured address (``proposals.email``) with the subject and a short template filled in, and/or
the configured web form (``proposals.form_url``) with the process id; and, for those who have an
account on the git host, ``site.feedback_url`` as before.

The texts of the e-mail are in the site's language: the page contexts are made while the site's
language is spoken (see :func:`processkit.site.build.build_site`). The e-mail gives the page's
address: with ``site.url`` the page's absolute address; without it the link has none, and the
site's script (assets/site.js) fills in the address the page was opened at, from the two halves
of the link around it (``data-mail-before``/``data-mail-after``).
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import quote

from processkit.codepoints import printable
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.model.config import Config
from processkit.site import links

#: The ways to send a proposal: e-mail, a web form, an issue on the git host.
Way = Literal["email", "form", "issue"]
#: The line break of an e-mail body in a ``mailto:`` link (RFC 6068).
CRLF = "\r\n"


@frozen
class Suggestion:
    """One way to propose an improvement: a link, and which way it is (for its text)."""

    way: Way
    href: str
    #: an e-mail whose page has no configured address: its link before and after the page's
    #: address (percent-encoded), which the page's script puts between them
    around: tuple[str, str] | None = None


@frozen
class About:
    """What a proposal sent from a page is about: a process (its id and name), an area (its
    name), or nothing in particular (both None); and the page it is sent from (its address in
    the site)."""

    process_id: str | None = None
    name: str | None = None
    page: str = ""


def suggestions(config: Config, about: About, *, issue: bool = False) -> list[Suggestion]:
    """The ways to propose an improvement on a page about ``about``, in the order shown:
    e-mail, the web form, then (with ``issue``, on a process page) the git host's issue."""
    found: list[Suggestion] = []
    email = config.proposals.email
    if email and email.strip():
        address = links.absolute(config.site.url, about.page)
        if address is not None:
            found.append(Suggestion("email", mail_link(email, about, address)))
        else:
            before, _here, after = mail_link(email, about, _HERE).partition(_HERE)
            found.append(Suggestion("email", mail_link(email, about), (before, after)))
    form = links.fill(config.proposals.form_url, id=about.process_id or "")
    if form:
        found.append(Suggestion("form", form))
    if issue and about.process_id:
        feedback = links.fill(config.site.feedback_url, id=about.process_id)
        if feedback:
            found.append(Suggestion("issue", feedback))
    return found


#: Where the page's address goes in a link the page's script completes: letters only, so that
#: percent-encoding leaves it as it is.
_HERE = "PROCESSKITPAGEADDRESS"


def mail_link(email: str, about: About, address: str | None = None) -> str:
    """A ``mailto:`` link to ``email`` with the subject and the template body filled in (the
    page's ``address`` in it, if given), every part percent-encoded (line breaks as ``%0D%0A``)."""
    subject, body = mail_text(about, address)
    return (
        links.mailto(email)
        + "?subject="
        + quote(printable(subject), safe="")
        + "&body="
        + quote(printable(body), safe="")
    )


def mail_text(about: About, address: str | None = None) -> tuple[str, str]:
    """The subject and the body of the e-mail: what it is about and the page's address, then
    two questions, each followed by room to answer."""
    lines: list[str] = []
    if about.process_id and about.name:
        subject = _("Improvement proposal: {name} ({id})", name=about.name, id=about.process_id)
        lines.append(_("Process: {name} ({id})", name=about.name, id=about.process_id))
    elif about.name:
        subject = _("Improvement proposal: {name}", name=about.name)
        lines.append(_("Delivery area: {name}", name=about.name))
    else:
        subject = _("Improvement proposal")
    if address:
        lines.append(_("Page: {address}", address=address))
    if lines:
        lines.append("")
    lines += [_("What does not work?"), "", "", _("What do you propose?"), "", ""]
    return subject, CRLF.join(lines)
