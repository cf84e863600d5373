"""Issue 11, done when: on a repository made by ``processkit init``, every line ``validate``
prints and every report is Swedish; with ``--lang en``, English.

A new repository is made, committed, and given the mistakes people make (a misspelt field, an
unknown role, a YAML mistake, a review day passed, an id used twice, a date written `5/1 2026`,
...); then every command a process leader runs is run on it, and every line it prints (standard
output and error) is read for words of the other language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import KALMAR, CliResult
from tests.test_changelog_support import GitRepo

Cli = Callable[..., CliResult]

#: Words only an English sentence has (none of them is a Swedish word processkit uses).
_ENGLISH_WORDS = (
    "the is isn't not of and has have with no should must this that these those file files "
    "error errors warning warnings hint found missing wrote written write process's processes "
    "are was be been can cannot does doesn't don't only when which there here from would will "
    "could into on at or but than then its it's their they you your what where who how why "
    "about after before each every other same such any some mean did please run use see line "
    "lines column field fields value values overdue due days day weeks months since until "
    "today none nothing unknown empty owner owners leader leaders activity activities areas "
    "roles people proposal proposals handbook handbooks assessment assessments approved "
    "retired draft required reviewer reviewers changed changes change open closed count "
    "counts level levels score scores maturity name names title types option options argument "
    "arguments invalid expected choose "
)
ENGLISH = frozenset(_ENGLISH_WORDS.split())
#: Letters only Swedish words have.
SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")

#: The parts of a line that are no language: `backticked`, "quoted", URLs, paths, codes,
#: dates, numbers, options.
NOT_WORDS = [
    re.compile(r"^\s*\d*\s*\|.*$"),  # a line of the file shown under a diagnostic
    # `processkit rules`: a rule's name and severities, as processkit.yaml has them
    re.compile(r"^PK\d{3}\s+\S+\s+(?:error|warning|info|off)\s+(?:error|warning|info|off)( \*)?"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\"[^\"]*\"|“[^”]*”|”[^”]*”|«[^»]*»|(?<!\w)'[^']*'(?!\w)"),
    re.compile(r"https?://\S+"),
    re.compile(r"\S*[/\\]\S*"),  # paths (a/b.yaml), folders
    re.compile(r"\S+\.(?:ya?ml|md|csv|json|txt|xlsx)\b"),
    re.compile(r"\bPK\d{3}\b"),
    re.compile(r"--?[a-z][a-z-]*"),
    re.compile(r"::\S+"),  # GitHub workflow commands: ::error file=...
    re.compile(r"\b\w+=\S*"),
    # a commit's short hash: its letters may spell an English word ("36a21be")
    re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b"),
    # a version, with the hash of its commit ("0.0.1.dev626+gd58b340be")
    re.compile(r"\b\d+(?:\.\d+)+\S*"),
]

ORGANISATION = "Testkommunen"
TODAY = "2026-03-15"

#: The mistakes people make, as the files hold them after the second commit.
MISTAKES: dict[str, str | None] = {
    # a second process: a misspelt field, an unknown role, a date in the Swedish way, a
    # review date in the past
    "processes/barn-och-unga/bu-placering.yaml": """\
        kind: process
        id: bu-placering
        name: Placera barn utanför hemmet
        area: barn-och-unga
        type: core
        status: approved
        version: "1.0"
        owner: anna-andersson
        leaders: [anna-andersson]
        purpsoe: Att barnet får ett tryggt hem.
        activities:
          - id: placera
            name: Placera barnet
            role: socialsekreterre
        approved: {date: 5/1 2026, by: Socialnämnden}
        review_date: 2026-01-10
    """,
    # the same id twice: a proposal copied and its id left as it was
    "proposals/fp-2026-003.yaml": """\
        kind: proposal
        id: fp-2026-001
        process: bu-utredning
        title: Färre blanketter
        submitted: 2026-03-09
        submitted_by: Erik Åberg
        description: Samma uppgifter fylls i på tre blanketter.
        status: new
        """,
    # a YAML mistake: a colon left out
    "roles/handlaggare.yaml": """\
        kind: role
        id: handlaggare
        name Handläggare
        category: operational
    """,
    # a person nobody refers to, an owner who is not a person, a proposal about nothing
    "people/erik-aberg.yaml": """\
        kind: person
        id: erik-aberg
        name: Erik Åberg
        username: erik aberg
    """,
    "proposals/fp-2026-002.yaml": """\
        kind: proposal
        id: fp-2026-002
        process: bu-placring
        title: Snabbare placering
        submitted: 2026-03-09
        submitted_by: Erik Åberg
        description: Placeringen går fortare med en färdig lista.
        status: accepted
    """,
    "areas/vuxna.yaml": """\
        kind: area
        id: vuxna
        name: Vuxna
        owner: bertil
        name: Vuxna och äldre
    """,
    # two people in one file
    "people/lisa-berg.yaml": """\
        kind: person
        id: lisa-berg
        name: Lisa Berg
        ---
        kind: person
        id: ida-bjork
        name: Ida Björk
    """,
}


def _plain(line: str) -> str:
    for pattern in NOT_WORDS:
        line = pattern.sub(" ", line)
    return line


def _words(line: str) -> list[str]:
    return re.findall(r"[A-Za-zÅÄÖåäöÉé']+", _plain(line))


def english_words(line: str) -> list[str]:
    """The English words of ``line`` (outside backticks, quotes, paths and codes)."""
    return [word for word in _words(line) if word.lower().strip("'") in ENGLISH]


def swedish_words(line: str, content: frozenset[str]) -> list[str]:
    """The Swedish words of ``line`` that are not words of the repository's own ``content``
    (process names, titles, descriptions, people's names)."""
    return [
        word
        for word in _words(line)
        if SWEDISH_LETTERS.search(word) and word.lower() not in content
    ]


def content_words(root: Path) -> frozenset[str]:
    """Every word of the repository's YAML files but their comments: its names, titles and
    descriptions (and field names, which are English anyway)."""
    words: set[str] = {"åberg"}  # a committer's name
    for path in sorted(root.rglob("*.yaml")):
        if ".git" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            content = re.sub(r"(^|\s)#.*", "", line)
            words.update(word.lower() for word in re.findall(r"[A-Za-zÅÄÖåäöÉé']+", content))
    return frozenset(words)


def test_the_word_lists_catch_a_sentence_of_the_other_language() -> None:
    english = "processes/x.yaml:3:1: error PK030: the owner `anna` is not a person here"
    assert english_words(english) == ["error", "the", "owner", "is", "not", "here"]
    assert english_words("warning: no required reviewer, the file has no owner") != []
    swedish = "processes/x.yaml:3:1: fel PK030: ägaren `anna` är inte en person här"
    assert english_words(swedish) == []
    assert english_words("ok       processkit  0.0.1.dev626+gd58b340be") == []
    assert swedish_words(swedish, frozenset()) == ["ägaren", "är", "här"]
    assert swedish_words("name: “Förhandsbedömning” and `Överlämning`", frozenset()) == []
    assert swedish_words("Utreda barns behov: 2 aktiviteter", frozenset({"aktiviteter"})) == []


@pytest.fixture
def repository(tmp_path: Path, cli: Cli, swedish: None) -> Path:
    """A repository made by ``processkit init``, committed, then given the mistakes."""
    made = cli("init", tmp_path / "git", "--organisation", ORGANISATION, "--today", "2026-03-01")
    assert made.code == 0, made.err
    git = GitRepo(tmp_path / "git")
    git.commit("Nytt processarkiv", "2026-03-01")
    process = git.root / "processes" / "barn-och-unga" / "bu-utredning.yaml"
    # a review day in the past
    process.write_text(process.read_text(encoding="utf-8") + "review_date: 2026-03-10\n")
    git.write(MISTAKES)
    git.commit("Placering, en kopia och en ny roll", "2026-03-10", who="erik")
    return git.root


#: Every command a process leader runs on the repository, with the exit status it gives.
RUNS: list[tuple[tuple[str, ...], int | None]] = [
    (("validate", "--today", TODAY), 1),
    (("validate", "--today", TODAY, "--format", "github"), 1),
    (("validate", "--today", TODAY, "--strict"), 1),
    (("inventory", "--format", "text", "--today", TODAY), 0),
    (("inventory", "--format", "table", "--list", "--today", TODAY), 0),
    (("inventory", "--format", "text", "--by", "owner", "--today", TODAY), 0),
    (("inventory", "--format", "text", "--by", "role", "--today", TODAY), 0),
    (("inventory", "--format", "text", "--by", "status", "--today", TODAY), 0),
    (("inventory", "--format", "markdown", "--today", TODAY), 0),
    (("inventory", "--format", "markdown", "--list", "--today", TODAY), 0),
    (("inventory", "--format", "csv", "--list", "--today", TODAY), 0),
    (("review", "--today", TODAY), 0),
    (("review", "--today", TODAY, "--format", "markdown"), 0),
    (("review", "--today", TODAY, "--format", "csv"), 0),
    (("proposals", "list"), 0),
    (("maturity",), 0),
    (("maturity", "--format", "csv"), 0),
    (("changelog", "--since", "30d", "--today", TODAY), 0),
    (("changelog", "--since", "30d", "--today", TODAY, "--format", "markdown"), 0),
    (("codeowners",), 0),
    (("rules",), 0),
    (("doctor",), None),  # 1 where Graphviz is not installed
    # the mistakes people make on the command line
    (("validate", "--fromat", "github"), 2),
    (("validate", "--format", "gitub"), 2),
    (("inventory", "--by", "omrade"), 2),
    (("inventory", "--area", "vuxen"), 2),
    (("review", "--owner", "bertil", "--today", TODAY), 2),
    (("review", "--within", "ett år"), 2),
    (("changelog", "--since", "igår"), 2),
    (("new", "process"), 2),
    (("new", "process", "--name", "Placera", "--area", "barn-och-ung"), 2),
    (("validate", ".", "extra"), 2),
    (("new", "proces", "--name", "Placera"), 2),
    (("proposals", "new"), 2),
    (("validate", "--today", "5/1 2026"), 2),
    # last, as it writes a file
    (("new", "process", "--name", "Placera barn i familjehem", "--area", "barn-och-unga"), 0),
]


def _run_all(cli: Cli, root: Path, *lang: str) -> list[tuple[str, str]]:
    """(command, line) for every line every run prints."""
    lines: list[tuple[str, str]] = []
    for args, code in RUNS:
        result = cli(*args, *lang)
        command = " ".join(args)
        assert code is None or result.code == code, (command, result.out, result.err)
        for text in (result.out, result.err):
            lines.extend((command, line) for line in text.splitlines() if line.strip())
    return lines


@pytest.fixture
def in_repository(repository: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(repository)
    monkeypatch.setenv("COLUMNS", "80")
    return repository


def test_every_line_is_swedish(in_repository: Path, cli: Cli) -> None:
    lines = _run_all(cli, in_repository)
    english = [(command, line) for command, line in lines if english_words(line)]
    assert not english, "\n".join(f"{command}: {line}" for command, line in english)
    assert len(lines) > 200


def test_every_line_is_english_with_lang_en(in_repository: Path, cli: Cli) -> None:
    content = content_words(in_repository)
    lines = _run_all(cli, in_repository, "--lang", "en")
    swedish = [(command, line) for command, line in lines if swedish_words(line, content)]
    assert not swedish, "\n".join(f"{command}: {line}" for command, line in swedish)
    assert len(lines) > 200
    # the word list knows processkit's English: most of what it says in English is caught
    assert sum(bool(english_words(line)) for _, line in lines) > len(lines) // 3


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("view", [(), ("--by", "type"), ("--by", "status"), ("--list",)])
def test_the_inventory_table_keeps_every_word_whole_at_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, lang: str, view: tuple[str, ...]
) -> None:
    """On an 80-column terminal, the inventory table wraps at spaces or is split in parts,
    and never breaks a word: every word it shows is a whole word of the Markdown report."""
    from processkit import i18n
    from processkit.cli.inventory import CAPTIONS, LIST_NOTE

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    args = ("inventory", KALMAR, "--today", "2026-11-21", "--lang", lang, *view)
    table = cli(*args)
    markdown = cli(*args, "--format", "markdown")
    assert (table.code, markdown.code) == (0, 0)
    lines = table.out.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert "----" in table.out  # drawn as columns, not as a list
    said = " ".join(i18n.translate(lang, text) for text in (*CAPTIONS.values(), LIST_NOTE))
    said += " " + i18n.translate(
        lang, "Overdue: the next review is before {today}.", today="2026-11-21"
    )
    title, body = table.out.split("\n\n", 1)
    whole = set(markdown.out.replace("|", " ").replace("*", " ").split()) | set(said.split())
    whole |= set(title.split())  # the title: wrapped by textwrap, which keeps words whole
    broken = [word for word in body.split() if word.strip("-") and word not in whole]
    assert broken == []


#: Words of the YAML parser, which no message may use in either language (issue 11).
PARSER_TERMS = re.compile(
    r"\b(?:mappings?|scalars?|blocks?|sequences?|indicators?|while parsing)\b", re.IGNORECASE
)


def test_no_message_speaks_the_parsers_words() -> None:
    from babel.messages.pofile import read_po

    from processkit.i18n_build import sources

    found = []
    for path in sources(Path(__file__).resolve().parent.parent / "locale")["sv"]:
        with path.open("rb") as handle:
            for message in read_po(handle):
                texts = [
                    *(message.id if isinstance(message.id, tuple) else (message.id,)),
                    *(message.string if isinstance(message.string, tuple) else (message.string,)),
                ]
                found += [f"{path.name}: {text}" for text in texts if PARSER_TERMS.search(text)]
    assert found == []
    assert PARSER_TERMS.search("`id` appears twice in this mapping")
    assert not PARSER_TERMS.search("Consequence (1 to 4)")


@pytest.mark.parametrize(
    ("args", "in_swedish", "in_english"),
    [
        (
            ("validate", "--fromat", "github"),
            "processkit validate: okänt val `--fromat`; menade du `--format`?",
            "processkit validate: unknown option `--fromat`; did you mean `--format`?",
        ),
        (
            ("validate", "--xyz"),
            "processkit validate: okänt val `--xyz`; `processkit validate --help` visar vilka val "
            "som finns",
            "processkit validate: unknown option `--xyz`; `processkit validate --help` lists the "
            "options",
        ),
        (
            ("validate", "--format", "gitub"),
            "processkit validate: `gitub` är inget möjligt värde för `--format`; menade du "
            "`github`?",
            "processkit validate: `gitub` is not a value of `--format`; did you mean `github`?",
        ),
        (
            ("inventory", "--by", "omrade"),
            "processkit inventory: `omrade` är inget möjligt värde för `--by`; ange något av: "
            "`area`, `type`, `status`, `owner`, `role`",
            "processkit inventory: `omrade` is not a value of `--by`; give one of: `area`, "
            "`type`, `status`, `owner`, `role`",
        ),
        (
            ("new",),
            "processkit new: `kind` saknas; ange något av: `area`, `process`, `role`, `person`, "
            "`handbook`, `proposal`, `assessment`",
            "processkit new: `kind` is missing; give one of: `area`, `process`, `role`, "
            "`person`, `handbook`, `proposal`, `assessment`",
        ),
        (
            ("validate", ".", "extra"),
            "processkit validate: `extra` är mer än kommandot kan ta emot; "
            "`processkit validate --help` visar vad som kan anges",
            "processkit validate: `extra` is more than the command takes; "
            "`processkit validate --help` tells what it takes",
        ),
        (
            ("serve", "--port", "abc"),
            "processkit serve: `abc` är inget giltigt värde för `--port`",
            "processkit serve: `abc` is not a valid value of `--port`",
        ),
        (
            ("validate", "--today"),
            "processkit: `--today` ska följas av ett värde",
            "processkit: `--today` needs a value after it",
        ),
        (
            ("valdate", "."),
            "processkit: okänt kommando `valdate`; menade du `validate`?",
            "processkit: unknown command `valdate`; did you mean `validate`?",
        ),
        (
            ("publicera",),
            "processkit: okänt kommando `publicera`; menade du `publish`?",
            "processkit: unknown command `publicera`; did you mean `publish`?",
        ),
        (
            ("hjälp",),
            "processkit: okänt kommando `hjälp`; `processkit --help` visar vilka kommandon som "
            "finns",
            "processkit: unknown command `hjälp`; `processkit --help` lists the commands",
        ),
    ],
)
def test_a_usage_error_is_one_line_in_the_language_in_use(
    cli: Cli,
    swedish: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    in_swedish: str,
    in_english: str,
) -> None:
    """typer's own usage errors (an unknown command or option, a wrong or missing value, one
    argument too many) come from the catalogue, as one line, with the did-you-mean where
    there is one."""
    monkeypatch.chdir(tmp_path)
    for lang, line in ((), in_swedish), (("--lang", "en"), in_english):
        result = cli(*args, *lang)
        assert (result.code, result.out, result.err) == (2, "", line + "\n")


def test_help_stays_english(cli: Cli, swedish: None) -> None:
    result = cli("validate", "--help")
    assert result.code == 0
    assert result.out.startswith("Usage: processkit validate [OPTIONS] [path]\n")
    assert "  --help " in result.out and "Options" in result.out


def test_the_rules_are_summed_up_in_swedish(cli: Cli, swedish: None) -> None:
    result = cli("rules", "--format", "json")
    summaries = {rule["code"]: rule["summary"] for rule in result.json()["rules"]}
    assert summaries["PK101"] == "En process som är på remiss eller fastställd saknar processägare."
    assert summaries["PK190"] == "Ett `x-processkit-ignore` som inte undantar något."


@pytest.mark.parametrize(
    ("view", "note"),
    [
        (
            ("--by", "type"),
            "Processer: aktiva processer (inte upphörda). Upphörda processer räknas bara under "
            "Upphörda.",
        ),
        (("--by", "status"), "Alla processer, även de som har upphört."),
        (
            ("--by", "owner"),
            "Aktiva processer. (ingen): processer utan processägare och utan processledare.",
        ),
        (
            ("--by", "role"),
            "Aktiva processer där rollen utför en aktivitet (aktivitetens `role:`).",
        ),
        (
            ("--list",),
            "Försenad: nästa revision skulle ha gjorts före 2026-11-21. Fler kolumner (nivå, "
            "överordnad process, processledare, version, fastställd, kartlagd, beskriven, mått, "
            "risker, öppna förslag, mognad): --format markdown, csv, json eller xlsx.",
        ),
    ],
    ids=["type", "status", "owner", "role", "list"],
)
def test_the_inventory_notes_in_swedish(cli: Cli, view: tuple[str, ...], note: str) -> None:
    """The note under each inventory table, whole, as the last paragraph of the text output."""
    result = cli(
        "inventory", KALMAR, "--format", "text", "--today", "2026-11-21", "--lang", "sv", *view
    )
    assert (result.code, result.err) == (0, "")
    assert " ".join(result.out.rstrip("\n").rsplit("\n\n", 1)[1].split()) == note
