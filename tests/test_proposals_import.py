"""``processkit proposals import``: proposals from received e-mails and web-form exports, with
the next free ids, skipping what was imported before, writing nothing when an input is bad."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from tests.conftest import CliResult

from processkit.authoring.proposal_import import form_columns, html_text

FILES: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\n",
    "processes/bu-utredning.yaml": (
        "kind: process\nid: bu-utredning\nname: Utredning av barn och unga\narea: bu\n"
        "type: core\nstatus: draft\n"
    ),
    "processes/bu-uppfoljning.yaml": (
        "kind: process\nid: bu-uppfoljning\nname: Uppföljning av insats\narea: bu\n"
        "type: core\nstatus: draft\n"
    ),
    "proposals/fp-2026-004.yaml": (
        "kind: proposal\nid: fp-2026-004\nprocess: bu-utredning\ntitle: T\nsubmitted: 2026-01-10\n"
    ),
}

#: Encoded Swedish headers (RFC 2047, Q and B, UTF-8 and Latin-1) and a quoted-printable body.
QUOTED = (
    b"Return-Path: <asa.oberg@example.se>\r\n"
    b"Received: from mail.example.se by mx.example.se; Mon, 2 Mar 2026 09:14:03 +0100\r\n"
    b"Message-ID: <20260302091403.4711@example.se>\r\n"
    b"Date: Mon, 2 Mar 2026 09:14:03 +0100\r\n"
    b"From: =?iso-8859-1?b?xXNhINZiZXJn?= <asa.oberg@example.se>\r\n"
    b"To: forslag@example.se\r\n"
    b"Subject: =?utf-8?q?F=C3=B6rslag=3A_Kortare_v=C3=A4ntetid_till_f=C3=B6rsta_?=\r\n"
    b" =?utf-8?q?samtalet_=28bu-utredning=29?=\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"Hej!\r\n"
    b"\r\n"
    b"I dag v=C3=A4ntar familjerna tre veckor p=C3=A5 f=C3=B6rsta samtalet. Vi f=\r\n"
    b"=C3=B6resl=C3=A5r att f=C3=B6rsta samtalet bokas inom en vecka.\r\n"
    b"\r\n"
    b"Mvh =C3=85sa\r\n"
    b"-- \r\n"
    b"=C3=85sa =C3=96berg, socialsekreterare\r\n"
)

#: An HTML-only mail in Latin-1 naming its process by name in the text.
HTML_ONLY = (
    b"Message-ID: <CAF=html.1@mail.example.com>\r\n"
    b"Date: Wed, 4 Mar 2026 16:40:00 +0100\r\n"
    b'From: "Lind, Per" <per.lind@example.se>\r\n'
    b"Subject: =?utf-8?q?Id=C3=A9_om_uppf=C3=B6ljning?=\r\n"
    b"MIME-Version: 1.0\r\n"
    b"Content-Type: text/html; charset=iso-8859-1\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n"
    b"\r\n"
    b"<html><head><style>p {color: red}</style><title>x</title></head><body>"
    b"<p>G=E4ller processen <b>Uppf=F6ljning av insats</b>.</p>\r\n"
    b"<p>Vi borde ringa familjen<br>efter tre m=E5nader &amp; fr=E5ga:</p>"
    b"<ul><li>hur det g=E5r</li><li>vad som saknas</li></ul></body></html>\r\n"
)

#: A reply with a PDF attachment that is left out, the process on a template's line.
WITH_ATTACHMENT = (
    b"Message-ID: <reply-77@example.se>\r\n"
    b"Date: Thu, 5 Mar 2026 08:00:00 +0100\r\n"
    b"From: kalle.berg@example.se\r\n"
    b"Subject: SV: Blankett\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="XYZ"\r\n'
    b"\r\n"
    b"--XYZ\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"Content-Transfer-Encoding: 8bit\r\n"
    b"\r\n"
    b"Process: Utredning av barn och unga\r\n"
    b"\r\n" + "Blanketten borde gå att fylla i på webben.\r\n".encode() + b"--XYZ\r\n"
    b"Content-Type: application/pdf; name=blankett.pdf\r\n"
    b"Content-Disposition: attachment; filename=blankett.pdf\r\n"
    b"Content-Transfer-Encoding: base64\r\n"
    b"\r\n"
    b"JVBERi0xLjQKJcfsj6IKYnUtdXBwZm9samluZwo=\r\n"
    b"--XYZ--\r\n"
)

#: Names no process at all.
NO_PROCESS = (
    b"Message-ID: <nothing@example.se>\r\n"
    b"Date: Fri, 6 Mar 2026 10:00:00 +0100\r\n"
    b"From: Eva <eva@example.se>\r\n"
    b"Subject: Hej\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\n"
    b"\r\n"
    b"Kaffet i fikarummet borde bli b\xc3\xa4ttre.\r\n"
)

#: A web form's export as Excel saves it on a Swedish Windows: UTF-8 with BOM, semicolons.
SEMICOLON_CSV = (
    "\ufeffSvars-ID;Tidsstämpel;Namn;E-post;Vilken process gäller det?;Rubrik;Förslag\r\n"
    "17;2026-03-03 10:15;Maria Ek;maria.ek@example.se;bu-uppfoljning;Sms-påminnelse;"
    '"Skicka ett sms dagen före mötet.\r\nDå glöms färre möten bort."\r\n'
    ";;;;;;\r\n"
    "18;2026-03-04 11:00;;jan@example.se;Utredning av barn och unga;;Färre blanketter\r\n"
).encode("utf-8")

#: A form export with commas (as a form service writes it), without an answer id.
COMMA_CSV = (
    "\ufeffTimestamp,Name,Email,Process,Title,Description\r\n"
    '2026/03/05 9:15:00 AM CET,Nils Holm,nils@example.se,bu-utredning,"Tolk, snabbare",'
    '"Boka tolk direkt, inte efter samtalet."\r\n'
).encode("utf-8")

STATUS = (
    "status: new  # new (nytt), assessing (bereds), accepted (beviljat), rejected (avslaget) "
    "eller done (genomfört)\n"
)
FROM = "  # meddelandet eller formulärsvaret som förslaget kom från\n"


@pytest.fixture
def repo(
    make_repo: Callable[[dict[str, str | bytes]], Path], monkeypatch: pytest.MonkeyPatch
) -> Path:
    root = make_repo(FILES)
    monkeypatch.chdir(root)
    return root


def _inbox(root: Path, files: dict[str, bytes]) -> list[str]:
    (root / "inkorg").mkdir(exist_ok=True)
    for name, data in files.items():
        (root / "inkorg" / name).write_bytes(data)
    return [f"inkorg/{name}" for name in files]


def _proposals(root: Path) -> list[str]:
    return sorted(path.name for path in (root / "proposals").iterdir())


def test_mails_become_proposals(repo: Path, cli: Callable[..., CliResult]) -> None:
    names = _inbox(
        repo,
        {"forslag.eml": QUOTED, "html.eml": HTML_ONLY, "bilaga.eml": WITH_ATTACHMENT},
    )
    result = cli("proposals", "import", *names, "--today", "2026-03-09")
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Created proposals/fp-2026-005.yaml (id `fp-2026-005`) from inkorg/forslag.eml.\n"
        "Created proposals/fp-2026-006.yaml (id `fp-2026-006`) from inkorg/html.eml.\n"
        "Created proposals/fp-2026-007.yaml (id `fp-2026-007`) from inkorg/bilaga.eml.\n"
        "3 proposals created.\n"
    )
    assert (repo / "proposals/fp-2026-005.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-005\n"
        "process: bu-utredning\n"
        "title: Kortare väntetid till första samtalet\n"
        "submitted: 2026-03-02\n"
        "submitted_by: Åsa Öberg  # vem som lämnade förslaget\n"
        "description: |\n"
        "  Hej!\n"
        "\n"
        "  I dag väntar familjerna tre veckor på första samtalet. Vi föreslår att första "
        "samtalet bokas inom en vecka.\n"
        "\n"
        "  Mvh Åsa\n" + STATUS + "x-imported-from: <20260302091403.4711@example.se>" + FROM
    )
    assert (repo / "proposals/fp-2026-006.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-006\n"
        "process: bu-uppfoljning\n"
        "title: Idé om uppföljning\n"
        "submitted: 2026-03-04\n"
        "submitted_by: Lind, Per  # vem som lämnade förslaget\n"
        "description: |\n"
        "  Gäller processen Uppföljning av insats.\n"
        "\n"
        "  Vi borde ringa familjen\n"
        "  efter tre månader & fråga:\n"
        "\n"
        "  - hur det går\n"
        "  - vad som saknas\n" + STATUS + "x-imported-from: <CAF=html.1@mail.example.com>" + FROM
    )
    assert (repo / "proposals/fp-2026-007.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-007\n"
        "process: bu-utredning\n"
        "title: Blankett\n"
        "submitted: 2026-03-05\n"
        "submitted_by: kalle.berg@example.se  # vem som lämnade förslaget\n"
        "description: |\n"
        "  Process: Utredning av barn och unga\n"
        "\n"
        "  Blanketten borde gå att fylla i på webben.\n"
        + STATUS
        + "x-imported-from: <reply-77@example.se>"
        + FROM
    )
    assert cli("validate", repo).code == 0


def test_the_same_mail_twice_writes_nothing_the_second_time(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    names = _inbox(repo, {"forslag.eml": QUOTED})
    first = cli("proposals", "import", *names)
    assert first.code == 0
    written = (repo / "proposals/fp-2026-005.yaml").read_bytes()
    # saved again under another name, and given twice in one run
    names += _inbox(repo, {"samma.eml": QUOTED})
    again = cli("proposals", "import", *names)
    assert (again.code, again.err) == (0, "")
    assert again.out == (
        "Skipped inkorg/forslag.eml: already imported as `fp-2026-005`.\n"
        "Skipped inkorg/samma.eml: already imported as `fp-2026-005`.\n"
        "0 proposals created, 2 already imported.\n"
    )
    assert _proposals(repo) == ["fp-2026-004.yaml", "fp-2026-005.yaml"]
    assert (repo / "proposals/fp-2026-005.yaml").read_bytes() == written


def test_a_bad_input_writes_nothing_without_skip_bad(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    names = _inbox(repo, {"forslag.eml": QUOTED, "hej.eml": NO_PROCESS, "tom.eml": b""})
    names += ["inkorg/saknas.eml", "inkorg/anteckning.docx"]
    result = cli("proposals", "import", *names)
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "inkorg/hej.eml: names no process of this repository; write the process id (e.g. "
        "`bu-uppfoljning`) in the subject\n"
        "inkorg/tom.eml: is not a received e-mail: it has no sender and no subject\n"
        "inkorg/saknas.eml: there is no such file\n"
        "inkorg/anteckning.docx: not a received e-mail (.eml) or a form export (.csv, .xlsx); "
        "save the mail as .eml or export the form's answers\n"
        "Nothing was written: correct the 4 inputs above, or run again with --skip-bad to "
        "import the others.\n"
    )
    assert _proposals(repo) == ["fp-2026-004.yaml"]
    result = cli("proposals", "import", *names, "--skip-bad")
    assert result.code == 0
    assert result.out == (
        "Created proposals/fp-2026-005.yaml (id `fp-2026-005`) from inkorg/forslag.eml.\n"
        "1 proposal created, 4 with problems skipped.\n"
    )
    assert result.err.count("\n") == 4
    assert _proposals(repo) == ["fp-2026-004.yaml", "fp-2026-005.yaml"]


def test_a_form_export_with_semicolons_and_one_with_commas(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    names = _inbox(repo, {"svar.csv": SEMICOLON_CSV, "google.csv": COMMA_CSV})
    result = cli("proposals", "import", *names)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Created proposals/fp-2026-005.yaml (id `fp-2026-005`) from inkorg/svar.csv, row 2.\n"
        "Created proposals/fp-2026-006.yaml (id `fp-2026-006`) from inkorg/svar.csv, row 4.\n"
        "Created proposals/fp-2026-007.yaml (id `fp-2026-007`) from inkorg/google.csv, row 2.\n"
        "3 proposals created.\n"
    )
    assert (repo / "proposals/fp-2026-005.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-005\n"
        "process: bu-uppfoljning\n"
        "title: Sms-påminnelse\n"
        "submitted: 2026-03-03\n"
        "submitted_by: Maria Ek  # vem som lämnade förslaget\n"
        "description: |\n"
        "  Skicka ett sms dagen före mötet.\n"
        "  Då glöms färre möten bort.\n" + STATUS + "x-imported-from: form:17" + FROM
    )
    assert (repo / "proposals/fp-2026-006.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-006\n"
        "process: bu-utredning\n"
        "title: Färre blanketter\n"
        "submitted: 2026-03-04\n"
        "submitted_by: jan@example.se  # vem som lämnade förslaget\n"
        "description: Färre blanketter\n" + STATUS + "x-imported-from: form:18" + FROM
    )
    assert (repo / "proposals/fp-2026-007.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-007\n"
        "process: bu-utredning\n"
        "title: Tolk, snabbare\n"
        "submitted: 2026-03-05\n"
        "submitted_by: Nils Holm  # vem som lämnade förslaget\n"
        "description: Boka tolk direkt, inte efter samtalet.\n"
        + STATUS
        + "x-imported-from: form:sha256:c01c93ff7a5ecb74"  # no answer id: a digest of the answer
        + FROM
    )
    again = cli("proposals", "import", *names)
    assert again.out.endswith("0 proposals created, 3 already imported.\n")
    assert cli("validate", repo).code == 0


def test_an_xlsx_export(repo: Path, cli: Callable[..., CliResult]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["ID", "Starttid", "Namn", "Processens namn", "Förslag"])
    sheet.append(
        [3, datetime(2026, 2, 27, 14, 3), "Lena Ås", "uppföljning av insats", "Färre möten"]
    )
    sheet.append([4, datetime(2026, 2, 28, 9, 0), "Okänd", "Ekonomi", "Mer pengar"])
    (repo / "inkorg").mkdir()
    book.save(repo / "inkorg/forms.xlsx")
    result = cli("proposals", "import", "inkorg/forms.xlsx")
    assert result.code == 1
    assert result.err == (
        "inkorg/forms.xlsx, row 3: `Ekonomi` is not a process in this repository; there are: "
        "`bu-uppfoljning` and `bu-utredning`\n"
        "Nothing was written: correct the input above, or run again with --skip-bad to import "
        "the others.\n"
    )
    result = cli("proposals", "import", "inkorg/forms.xlsx", "--skip-bad")
    assert result.out == (
        "Created proposals/fp-2026-005.yaml (id `fp-2026-005`) from inkorg/forms.xlsx, row 2.\n"
        "1 proposal created, 1 with problems skipped.\n"
    )
    assert (repo / "proposals/fp-2026-005.yaml").read_text(encoding="utf-8") == (
        "kind: proposal\n"
        "id: fp-2026-005\n"
        "process: bu-uppfoljning\n"
        "title: Färre möten\n"
        "submitted: 2026-02-27\n"
        "submitted_by: Lena Ås  # vem som lämnade förslaget\n"
        "description: Färre möten\n" + STATUS + "x-imported-from: form:3" + FROM
    )


@pytest.mark.usefixtures("swedish")
def test_swedish(repo: Path, cli: Callable[..., CliResult]) -> None:
    names = _inbox(repo, {"forslag.eml": QUOTED, "hej.eml": NO_PROCESS, "svar.csv": SEMICOLON_CSV})
    result = cli("proposals", "import", *names)
    assert result.code == 1
    assert result.err == (
        "inkorg/hej.eml: nämner ingen process i det här arkivet; skriv processens id (t.ex. "
        "`bu-uppfoljning`) i ämnesraden\n"
        "Inget skrevs: rätta felet ovan, eller kör igen med --skip-bad för att importera "
        "resten.\n"
    )
    result = cli("proposals", "import", *names, "--skip-bad")
    assert result.out == (
        "Skapade proposals/fp-2026-005.yaml (id `fp-2026-005`) från inkorg/forslag.eml.\n"
        "Skapade proposals/fp-2026-006.yaml (id `fp-2026-006`) från inkorg/svar.csv, rad 2.\n"
        "Skapade proposals/fp-2026-007.yaml (id `fp-2026-007`) från inkorg/svar.csv, rad 4.\n"
        "3 förslag skapades, 1 med fel hoppades över.\n"
    )
    result = cli("proposals", "import", names[0])
    assert result.out == (
        "Hoppade över inkorg/forslag.eml: redan importerat som `fp-2026-005`.\n"
        "0 förslag skapades, 1 fanns redan.\n"
    )


def test_form_columns_by_their_header_words() -> None:
    header = ["Tidsstämpel", "Processens namn", "Ditt namn", "E-post", "Beskriv ditt förslag"]
    assert form_columns(header) == {
        "date": 0,
        "process": 1,
        "name": 2,
        "email": 3,
        "description": 4,
    }
    assert form_columns(["Title", "Process-ID", "Response ID"]) == {
        "title": 0,
        "process": 1,
        "id": 2,
    }


def test_html_text_keeps_paragraphs_and_drops_scripts() -> None:
    assert html_text(
        "<div>Hej<script>alert(1)</script></div><p>A&nbsp;och&#160;B</p><p>C<br/>D</p>"
    ) == ("Hej\n\nA och B\n\nC\nD")


def test_a_proposal_file_with_errors_still_counts_as_imported(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    (repo / "proposals/fp-2026-005.yaml").write_text(
        "kind: proposal\nid: fp-2026-005\nprocess: bu-utredning\ntitle: [trasig\n"
        'x-imported-from: "<20260302091403.4711@example.se>"\n',
        encoding="utf-8",
    )
    names = _inbox(repo, {"forslag.eml": QUOTED})
    result = cli("proposals", "import", *names)
    assert (result.code, result.out) == (
        0,
        "Skipped inkorg/forslag.eml: already imported as `fp-2026-005`.\n"
        "0 proposals created, 1 already imported.\n",
    )


def test_bad_rows_and_files_never_give_a_traceback(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    names = _inbox(
        repo,
        {
            "datum.csv": "Process;Förslag;Datum\nbu-utredning;Text;3/4/2026\n;Text;\n".encode(
                "cp1252"
            ),
            "trasig.xlsx": b"PK\x03\x04 not a workbook",
            "kolumner.csv": b"a,b\n1,2\n",
            "binar.eml": bytes(range(256)) * 4,
        },
    )
    result = cli("proposals", "import", *names)
    assert result.code == 1
    assert result.err == (
        "inkorg/datum.csv, row 2: `3/4/2026` is not a date; write it as YYYY-MM-DD\n"
        "inkorg/datum.csv, row 3: the process is empty\n"
        "inkorg/trasig.xlsx: cannot be read as an Excel file (File is not a zip file)\n"
        "inkorg/kolumner.csv: no column for the process and the proposal; the first row must "
        "name them, e.g. process, rubrik, förslag, namn, datum\n"
        "inkorg/binar.eml: is not a received e-mail: it has no sender and no subject\n"
        "Nothing was written: correct the 5 inputs above, or run again with --skip-bad to "
        "import the others.\n"
    )
    assert _proposals(repo) == ["fp-2026-004.yaml"]


def test_the_repository_is_given_with_C(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    tmp_path: Path,
    cli: Callable[..., CliResult],
) -> None:
    root = make_repo(FILES)
    mail = tmp_path / "forslag.eml"
    mail.write_bytes(QUOTED)
    result = cli("proposals", "import", mail, "-C", root)
    assert result.out == (
        f"Created proposals/fp-2026-005.yaml (id `fp-2026-005`) from {mail}.\n1 proposal created.\n"
    )
    assert (root / "proposals/fp-2026-005.yaml").is_file()


def test_a_subject_naming_only_the_process_takes_the_title_from_the_text(
    repo: Path, cli: Callable[..., CliResult]
) -> None:
    mail = (
        b"Message-ID: <mall@example.se>\r\n"
        b"Date: Tue, 10 Mar 2026 13:00:00 +0100\r\n"
        b"From: =?utf-8?q?G=C3=B6ran_Str=C3=B6m?= <goran.strom@example.se>\r\n"
        b"Subject: =?utf-8?q?F=C3=B6rb=C3=A4ttringsf=C3=B6rslag=3A_Utredning_av_barn_och_unga?=\r\n"
        b" (bu-utredning)\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"\r\n"
        b"Process: Utredning av barn och unga (bu-utredning)\r\n"
        b"Sida: https://fyren.example.se/processes/bu-utredning/\r\n"
        b"\r\n" + "Det här fungerar inte:\r\nVi skriver samma uppgifter två gånger.\r\n".encode()
    )
    names = _inbox(repo, {"mall.eml": mail})
    assert cli("proposals", "import", *names).code == 0
    text = (repo / "proposals/fp-2026-005.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "kind: proposal\n"
        "id: fp-2026-005\n"
        "process: bu-utredning\n"
        "title: Vi skriver samma uppgifter två gånger.\n"
        "submitted: 2026-03-10\n"
        "submitted_by: Göran Ström  # vem som lämnade förslaget\n"
    )
