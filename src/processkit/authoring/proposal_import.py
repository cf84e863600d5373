"""``proposals import``: improvement proposals from received e-mails (``.eml``) and from the
exports of a web form (``.csv``, ``.xlsx``), written by ``new``'s proposal writer.

Each message or form row becomes one proposal with the next free id. Its source is kept in the
file as ``x-imported-from`` (the Message-ID, or the form's answer id), so a message or row
imported once is known and skipped the next time. Every input is read and checked before
anything is written: a bad one stops the whole import unless it is asked to be skipped.
"""

from __future__ import annotations

import csv
import email
import email.policy
import hashlib
import io
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.message import EmailMessage
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import Any

from processkit.authoring import new
from processkit.authoring.proposal_new import next_proposal_id
from processkit.diagnostics import fold_swedish
from processkit.domain.lookup import unknown_id
from processkit.errors import ProcesskitError, reason
from processkit.frozen import frozen
from processkit.i18n import _
from processkit.loading.repository import Repository
from processkit.model.kinds import KIND_INFO

#: The largest input read: a received mail with its attachments, and a form export.
MAX_MAIL_BYTES = 30_000_000
MAX_SHEET_BYTES = 20_000_000
#: The most rows read from one form export.
MAX_ROWS = 10_000
#: A title made from the start of the text is cut near this many characters.
TITLE_LENGTH = 80
#: The extension field that names where a proposal came from.
IMPORTED_FROM = "x-imported-from"

#: form column -> the header words that name it (compared lower-case, spaces collapsed)
FORM_COLUMNS: dict[str, tuple[str, ...]] = {
    "process": (
        "process",
        "process-id",
        "process id",
        "processid",
        "processens namn",
        "processens id",
        "processnamn",
    ),
    "title": ("rubrik", "title", "titel", "ämne", "subject"),
    "description": (
        "förslag",
        "förslaget",
        "ditt förslag",
        "beskrivning",
        "description",
        "proposal",
    ),
    "name": ("namn", "name", "ditt namn", "your name", "förslagsställare"),
    "email": ("e-post", "epost", "e-postadress", "email", "e-mail", "email address"),
    "date": (
        "datum",
        "tidsstämpel",
        "timestamp",
        "date",
        "inkommet",
        "submitted",
        "sluttid",
        "completion time",
        "starttid",
        "start time",
    ),
    "id": ("id", "svars-id", "svarsid", "svar-id", "response id", "svarsnummer"),
}

#: What a reply or forward puts before a subject (Re:, SV:, VB:, Fwd: ...).
_REPLY_PREFIX = re.compile(r"^\s*(?:(?:re|sv|vs|aw|vb|fw|fwd)\s*:\s*)+", re.IGNORECASE)
#: Words that say only that this is a proposal, before the real subject.
_GENERIC = re.compile(
    r"^\s*(?:förbättringsförslag|idéförslag|förslag|improvement proposal|proposal)\b"
    r"\s*[:\-\u2013]?\s*",
    re.IGNORECASE,
)
#: A line of a filled-in template (``Process: Utreda (bu-utredning)``, ``Sida: https://...``).
_LABEL_LINE = re.compile(r"^\s*[\w åäöÅÄÖ-]{1,30}:\s*(\S.*)?$")
#: What is cut from the ends of a title.
_SEPARATORS = " ,;:-\u2013"
_ID_TOKEN = re.compile(r"[a-z0-9][a-z0-9._-]*")
_ISO_START = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@frozen
class Received:
    """One proposal read from a message or a row, not yet written."""

    source: str  # the file, or the file and row, in the language in use
    key: str  # what x-imported-from holds
    process: str
    title: str
    description: str | None
    by: str | None
    submitted: date


@frozen
class Problem:
    """An input that cannot become a proposal: where (file, or file and row) and why."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(slots=True)
class ImportPlan:
    """What ``proposals import`` would do: the files to write, the inputs already imported
    (with the id of their proposal) and the bad ones."""

    drafts: list[tuple[Received, new.Draft]] = field(default_factory=list)
    skipped: list[tuple[Received, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def plan_import(paths: Iterable[Path], repo: Repository, today: date) -> ImportPlan:
    """Read every input and draft its proposal; nothing is written here. ``today`` is the
    submission date of a message or row that has none."""
    plan = ImportPlan()
    done = imported_keys(repo)
    drafted: list[str] = []
    for path in paths:
        for item in _read_input(path, repo, today):
            if isinstance(item, Problem):
                plan.problems.append(item)
                continue
            if item.key in done:
                plan.skipped.append((item, done[item.key]))
                continue
            answers = {
                "id": next_proposal_id(repo, item.submitted.year, also=drafted),
                "process": item.process,
                "title": item.title,
                "by": item.by,
                "description": item.description,
                "imported_from": item.key,
            }
            try:
                draft = new.draft("proposal", answers, repo, item.submitted)
            except ProcesskitError as error:
                plan.problems.append(Problem(item.source, str(error)))
                continue
            drafted.append(draft.id)
            done[item.key] = draft.id
            plan.drafts.append((item, draft))
    return plan


def write_import(root: Path, plan: ImportPlan) -> None:
    """Write the drafted proposals, each atomically."""
    for _item, draft in plan.drafts:
        new.write(root, draft)


def imported_keys(repo: Repository) -> dict[str, str]:
    """x-imported-from -> the id of the proposal that holds it: from the proposals that load,
    and from the files of the proposals folder that do not (read line by line)."""
    keys: dict[str, str] = {}
    paths: set[str] = set()
    for proposal_id, record in repo.of_kind("proposal").items():
        paths.add(record.path)
        value = record.extensions.get(IMPORTED_FROM)
        if isinstance(value, str):
            keys[value] = proposal_id
    folder = repo.root / KIND_INFO["proposal"].folder
    if folder.is_dir():
        line = re.compile(rf"^{IMPORTED_FROM}:\s*(.+?)\s*(?:#.*)?$", re.MULTILINE)
        for path in sorted(folder.iterdir()):
            relative = f"{KIND_INFO['proposal'].folder}/{path.name}"
            if path.suffix not in (".yaml", ".yml") or relative in paths:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for match in line.finditer(text):
                keys.setdefault(match.group(1).strip("\"'"), path.stem)
    return keys


def _read_input(path: Path, repo: Repository, today: date) -> Iterator[Received | Problem]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".eml", ".csv", ".txt", ".xlsx"):
        yield Problem(
            name,
            _(
                "not a received e-mail (.eml) or a form export (.csv, .xlsx); save the mail "
                "as .eml or export the form's answers"
            ),
        )
        return
    limit = MAX_MAIL_BYTES if suffix == ".eml" else MAX_SHEET_BYTES
    try:
        size = path.stat().st_size
        if size > limit:
            yield Problem(
                name,
                _(
                    "the file is larger than {size} MB, more than a proposal needs; "
                    "leave out its attachments or split it",
                    size=limit // 1_000_000,
                ),
            )
            return
        data = path.read_bytes()
    except FileNotFoundError:
        yield Problem(name, _("there is no such file"))
        return
    except OSError as error:
        yield Problem(name, _("cannot be read ({problem})", problem=reason(error)))
        return
    if suffix == ".eml":
        yield _from_mail(name, data, repo, today)
    else:
        yield from _from_form(name, path, data, repo, today)


# --- e-mail ------------------------------------------------------------------------------


def _from_mail(name: str, data: bytes, repo: Repository, today: date) -> Received | Problem:
    message = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(message, EmailMessage) or not (
        message.keys() and (message.get("from") or message.get("subject"))
    ):
        return Problem(name, _("is not a received e-mail: it has no sender and no subject"))
    subject = _clean_line(_header(message, "subject"))
    body = _body(message)
    process = _process_in(subject, body, repo)
    if process is None:
        return Problem(
            name,
            _(
                "names no process of this repository; write the process id (e.g. `{example}`) "
                "in the subject",
                example=min(repo.processes) if repo.processes else "bu-utredning",
            ),
        )
    title = _title(subject, body, repo, process)
    if not title:
        return Problem(name, _("holds no text: both subject and message are empty"))
    return Received(
        source=name,
        key=_header(message, "message-id").strip() or _digest("mail", data),
        process=process,
        title=title,
        description=body or None,
        by=_sender(message),
        submitted=_mail_date(message) or today,
    )


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header the parser cannot decode is as good as none
        return ""
    return str(value) if value is not None else ""


def _sender(message: EmailMessage) -> str | None:
    try:
        header: Any = message.get("from")
        addresses = getattr(header, "addresses", ()) if header is not None else ()
    except Exception:
        return None
    for address in addresses:
        found = _clean_line(address.display_name or address.addr_spec or "")
        if found:
            return found
    return None


def _mail_date(message: EmailMessage) -> date | None:
    try:
        header: Any = message.get("date")
        moment = getattr(header, "datetime", None)
    except Exception:
        return None
    return moment.date() if isinstance(moment, datetime) else None


def _body(message: EmailMessage) -> str:
    """The message's text: its plain-text part, else its HTML part as text; attachments are
    left out."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None or not isinstance(part, EmailMessage):
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, KeyError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        content = html_text(content)
    return _clean_text(content)


class _TextOfHtml(HTMLParser):
    """The text of an HTML mail: paragraphs, line breaks and list items kept as lines."""

    PARAGRAPHS = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"))
    LINES = frozenset(("br", "tr", "li", "blockquote", "pre", "hr", "section", "article"))
    HIDDEN = frozenset(("script", "style", "head", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.PARAGRAPHS:
            self.parts.append("\n\n")
        elif tag in self.LINES:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.PARAGRAPHS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(markup: str) -> str:
    """The text of an HTML document, one line per paragraph, line break or list item."""
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clean_text(text: str) -> str:
    """A message's text without its signature, trailing spaces and runs of empty lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    text = _CONTROL.sub("", text).replace("\u00a0", " ")
    signature = text.find("\n-- \n")
    if signature >= 0:
        text = text[:signature]
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n").strip()


def _clean_line(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", text).split())


# --- the process and the title --------------------------------------------------------------


def _process_in(subject: str, body: str, repo: Repository) -> str | None:
    """The process a message is about: an id in the subject, else in the text, else a
    ``Process:`` line's id or name, else a process's name in the subject or the text."""
    ids = repo.processes
    for text in (subject, body):
        for match in _ID_TOKEN.finditer(text.lower()):
            token = match.group().rstrip("._-")
            if token in ids:
                return token
    for line in body.split("\n"):
        label, colon, value = line.partition(":")
        if colon and fold_swedish(label.strip()) in ("process", "processen", "processens namn"):
            found = _named(value.strip(), repo)
            if found is not None:
                return found
    for text in (subject, body):
        found = _name_in(text, repo)
        if found is not None:
            return found
    return None


def _named(written: str, repo: Repository) -> str | None:
    """The process ``written`` names, by id or by name (as ``new`` matches names)."""
    written = written.strip()
    return written if written in repo.processes else new.named(repo, "process", written)


def _name_in(text: str, repo: Repository) -> str | None:
    """The process whose name stands first in ``text`` (the longest name where two start at
    the same place)."""
    folded = fold_swedish(text)
    best: tuple[int, int, str] | None = None
    for process_id, record in repo.processes.items():
        name = fold_swedish(record.entity.name).strip()
        if not name:
            continue
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded)
        if match:
            candidate = (match.start(), -len(name), process_id)
            best = candidate if best is None or candidate < best else best
    return best[2] if best else None


def _title(subject: str, body: str, repo: Repository, process: str) -> str:
    """The subject without Re:/Fwd:, a leading "Förbättringsförslag:" and the process's id; when
    nothing but the process is left, the first line of the text that is not a template's
    ``Label: value`` line."""
    title = _REPLY_PREFIX.sub("", subject)
    title = _GENERIC.sub("", title)
    title = re.sub(rf"\(?\b{re.escape(process)}\b\)?", "", title, flags=re.IGNORECASE)
    title = _clean_line(title).strip(_SEPARATORS)
    name = fold_swedish(repo.processes[process].entity.name)
    if title and fold_swedish(title) != name:
        return _shortened(title)
    for line in body.split("\n"):
        line = _clean_line(line)
        if line and not _LABEL_LINE.match(line):
            return _shortened(line)
    return _shortened(title)


def _shortened(text: str) -> str:
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(_SEPARATORS) + "…"


def _digest(what: str, data: bytes) -> str:
    return f"{what}:sha256:{hashlib.sha256(data).hexdigest()[:16]}"


# --- a web form's export --------------------------------------------------------------------


def _from_form(
    name: str, path: Path, data: bytes, repo: Repository, today: date
) -> Iterator[Received | Problem]:
    try:
        table = _xlsx(data) if path.suffix.lower() == ".xlsx" else _csv(data)
    except ProcesskitError as error:
        yield Problem(name, str(error))
        return
    numbered = [(number, cells) for number, cells in enumerate(table, start=1) if any(cells)]
    if not numbered:
        yield Problem(name, _("is empty; the first row must name the columns"))
        return
    columns = form_columns(numbered[0][1])
    if "process" not in columns or not ({"title", "description"} & columns.keys()):
        yield Problem(
            name,
            _(
                "no column for the process and the proposal; the first row must name them, "
                "e.g. process, rubrik, förslag, namn, datum"
            ),
        )
        return
    if len(numbered) - 1 > MAX_ROWS:
        yield Problem(name, _("more than {count} rows; split the export", count=MAX_ROWS))
        return
    for number, cells in numbered[1:]:
        values = {
            column: _clean_line(cells[index]) if column != "description" else cells[index]
            for column, index in columns.items()
            if index < len(cells)
        }
        source = _("{file}, row {row}", file=name, row=number)
        yield _from_row(source, values, repo, today)


def form_columns(header: list[str]) -> dict[str, int]:
    """column -> its place: a header that is one of a column's words, else one holding one of
    them as a word (``Vilken process gäller det?``); the first header of each column counts."""
    found: dict[str, int] = {}
    normal = [re.sub(r"\s+", " ", title.strip().lower()).rstrip(":?* ") for title in header]
    for index, title in enumerate(normal):
        for column, words in FORM_COLUMNS.items():
            if title in words and column not in found:
                found[column] = index
                break
    taken = set(found.values())
    for index, title in enumerate(normal):
        if index in taken:
            continue
        words_here = set(re.findall(r"[\w-]+", title))
        for column, words in FORM_COLUMNS.items():
            if column not in found and column != "id" and words_here & set(words):
                found[column] = index
                taken.add(index)
                break
    return found


def _from_row(
    source: str, values: Mapping[str, str], repo: Repository, today: date
) -> Received | Problem:
    written = values.get("process", "")
    if not written:
        return Problem(source, _("the process is empty"))
    process = _named(written, repo)
    if process is None:
        # an id or a name written into a longer answer ("Utreda (bu-utredning)")
        process = _process_in(written, "", repo)
    if process is None:
        return Problem(source, str(unknown_id("process", written, repo.processes)))
    description = _clean_text(values.get("description", "")) or None
    title = _shortened(values.get("title", ""))
    if not title and description:
        title = _shortened(_clean_line(description.split("\n", 1)[0]))
    if not title:
        return Problem(source, _("holds no text: both title and proposal are empty"))
    submitted = today
    if values.get("date"):
        found = _form_date(values["date"])
        if found is None:
            return Problem(
                source,
                _(
                    "`{value}` is not a date; write it as YYYY-MM-DD",
                    value=values["date"],
                ),
            )
        submitted = found
    if values.get("id"):
        key = f"form:{values['id']}"
    else:
        fields = ("date", "name", "email", "process", "title", "description")
        key = _digest("form", "\x1f".join(values.get(f, "") for f in fields).encode("utf-8"))
    return Received(
        source=source,
        key=key,
        process=process,
        title=title,
        description=description,
        by=values.get("name") or values.get("email") or None,
        submitted=submitted,
    )


def _form_date(text: str) -> date | None:
    match = _ISO_START.match(text)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _csv(data: bytes) -> list[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", "replace")  # Excel's CSV on a Swedish Windows
    first = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[cell.strip() for cell in row] for row in islice(reader, MAX_ROWS + 2)]
    except csv.Error as error:
        raise ProcesskitError(_("cannot be read as CSV ({problem})", problem=error)) from None


def _xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise ProcesskitError(
            _("cannot be read as an Excel file ({problem})", problem=error)
        ) from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        return [[_cell(value) for value in row] for row in islice(rows, MAX_ROWS + 2)]
    finally:
        book.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
