"""What the command line itself says, in Swedish (processkit's default language): summaries,
prompts, closing lines, the exit-2 line of each command family, the internal-error line, and
the title of a GitHub annotation. Each test asserts whole lines as a user reads them."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult

import processkit
from processkit import i18n
from processkit.cli import new as new_cli
from processkit.cli.reporters import Findings, github_text, text_report
from processkit.diagnostics import Diagnostic, Report, Severity
from processkit.doctor import Check

MakeRepo = Callable[[dict[str, str | bytes]], Path]
Cli = Callable[..., CliResult]

pytestmark = pytest.mark.usefixtures("swedish")

AREAS: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\n",
    "areas/eb.yaml": "kind: area\nid: eb\nname: Ekonomiskt bistånd\n",
}


def _report(*diagnostics: Diagnostic, files: int = 3, entities: int = 2) -> str:
    report = Report.build(list(diagnostics), files=files, entities=entities)
    return text_report(Findings(report, lambda path, line: None, Path(".")))


def _diagnostic(code: str, severity: Severity, hint: str | None = None) -> Diagnostic:
    return Diagnostic(code, severity, "ett meddelande", "areas/bu.yaml", 4, 1, hint)


# --- validate: the text report's words and its summary ----------------------------------------


def test_a_clean_repository_is_summed_up_in_swedish(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"areas/bu.yaml": AREAS["areas/bu.yaml"]})
    result = cli("validate", root)
    assert (result.code, result.out, result.err) == (
        0,
        "Inga problem hittades i 2 filer (1 beskrivning).\n",
        "",
    )


def test_the_summary_counts_in_swedish_singular_and_plural() -> None:
    one_of_each = _report(
        _diagnostic("PK012", Severity.ERROR),
        _diagnostic("PK101", Severity.WARNING),
        _diagnostic("PK103", Severity.INFO),
        files=1,
        entities=1,
    )
    assert one_of_each.splitlines()[-1] == (
        "1 fel, 1 varning, 1 upplysning i 1 fil (1 beskrivning)."
    )
    several = _report(
        _diagnostic("PK012", Severity.ERROR),
        _diagnostic("PK010", Severity.ERROR),
        _diagnostic("PK101", Severity.WARNING),
        _diagnostic("PK105", Severity.WARNING),
    )
    assert several.splitlines()[-1] == "2 fel, 2 varningar i 3 filer (2 beskrivningar)."


def test_the_severity_and_the_hint_are_named_in_swedish() -> None:
    text = _report(_diagnostic("PK101", Severity.WARNING, hint="Ange en processägare."))
    assert text.splitlines()[:2] == [
        "areas/bu.yaml:4:1 PK101 varning: ett meddelande",
        "    = tips: Ange en processägare.",
    ]


def test_a_diagnostic_of_the_repository_is_reported_with_swedish_words(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo({"areas/unga.yaml": "kind: area\nid: unga\nname: Unga\nower: anna\n"})
    result = cli("validate", root)
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("areas/unga.yaml:4:1 PK012 fel: ")
    assert lines[3].startswith("    = tips: ")
    assert lines[-1] == "1 fel, 0 varningar i 2 filer (1 beskrivning)."


# --- GitHub annotations: the code and the rule's short title in Swedish ------------------------


def test_a_github_annotation_has_a_swedish_title() -> None:
    diagnostic = Diagnostic(
        "PK012", Severity.ERROR, "`ower` är inget fält", "areas/unga.yaml", 4, 1, "Byt namn."
    )
    assert github_text([diagnostic], "repo/") == (
        "::error file=repo/areas/unga.yaml,line=4,col=1,title=PK012 Okänt fält::"
        "`ower` är inget fält%0AByt namn.\n"
    )
    review = Diagnostic("PK102", Severity.WARNING, "sen", "processes/p.yaml", 9, 1)
    assert github_text([review], "") == (
        "::warning file=processes/p.yaml,line=9,col=1,title=PK102 Revision försenad::sen\n"
    )


def test_validate_for_github_titles_each_annotation_in_swedish(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({"areas/unga.yaml": "kind: area\nid: unga\nname: Unga\nower: anna\n"})
    monkeypatch.setenv("GITHUB_WORKSPACE", str(root.parent))
    result = cli("validate", root, "--format", "github")
    assert result.code == 1
    assert result.out.startswith(
        "::error file=repo/areas/unga.yaml,line=4,col=1,title=PK012 Okänt fält::"
    )


def test_every_code_has_a_short_title_in_both_languages() -> None:
    from processkit.report_formats import FORMAT_CODES, SHORT_TITLES, annotation_title
    from processkit.rules.registry import RULES

    codes = set(FORMAT_CODES) | {rule.CODE for rule in RULES}
    assert set(SHORT_TITLES) == codes
    with i18n.speaking("sv"):
        swedish = {annotation_title(code) for code in codes}
    with i18n.speaking("en"):
        english = {annotation_title(code) for code in codes}
    assert "PK012 Unknown field" in english
    assert swedish.isdisjoint(english)
    assert annotation_title("PK999") == "PK999"


# --- exit 2: one line per command family ----------------------------------------------------


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["validate", "--today", "2026-13-01"],
            "--today: ange ett datum skrivet ÅÅÅÅ-MM-DD, inte `2026-13-01`",
        ),
        (
            ["new", "process", "--name", "X", "--area", "ebb"],
            "--area: `ebb` är inte ett leveransområde i det här arkivet; menade du `eb`?",
        ),
        (
            ["new", "process", "--name", "X", "--area", "xyz"],
            "--area: `xyz` är inte ett leveransområde i det här arkivet; de som finns är: "
            "`bu` och `eb`",
        ),
        (
            ["new", "role", "--name", "Handläggare", "--category", "oper"],
            "--category: `oper` är inte ett av de värden som går att välja; välj ett av "
            "`operational`, `governance`",
        ),
        (
            ["new", "area", "--name", "Barn", "--id", "Barn och unga"],
            "--id: `Barn och unga` är inte ett giltigt id: använd 1-64 tecken bland a-z, 0-9, "
            "- _ . och börja med en bokstav eller siffra, till exempel `barn-och-unga`",
        ),
        (
            ["proposals", "new"],
            "--process saknas: ange processen som förslaget gäller, till exempel --process "
            "bu-utredning",
        ),
        (["map", "interfaces", "--area", "bu", "--around", "x"], None),
        (
            ["review", "--within", "3q"],
            "--within: ange en period som 30d (dagar), 8w (veckor) eller 3m (månader), inte `3q`",
        ),
        (
            ["inventory", "--by", "area", "--list"],
            "--by och --list visar olika vyer; ange en av dem",
        ),
        (
            ["publish", "--as-of", "2026-01-01", "--at", "HEAD"],
            "ange antingen --as-of eller --at, inte båda",
        ),
        (
            ["publish", "--as-of", "igår"],
            "--as-of: ange ett datum skrivet ÅÅÅÅ-MM-DD, inte `igår`",
        ),
    ],
)
def test_each_command_family_says_its_exit_2_line_in_swedish(
    make_repo: MakeRepo,
    cli: Cli,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    line: str | None,
) -> None:
    root = make_repo(
        {
            **AREAS,
            "processes/bu/bu-utredning.yaml": (
                "kind: process\nid: bu-utredning\nname: Utreda\narea: bu\ntype: core\n"
                "status: draft\n"
            ),
        }
    )
    monkeypatch.chdir(root)
    result = cli(*args)
    expected = line or "använd antingen --area eller --around, inte båda"
    assert (result.code, result.out, result.err) == (2, "", f"processkit: {expected}\n")


def test_new_without_an_area_says_how_to_make_the_first(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({})
    result = cli("new", "process", "--name", "X", "-C", root)
    assert (result.code, result.err) == (
        2,
        "processkit: det finns inget leveransområde här än; skapa först ett med "
        "`processkit new area`\n",
    )


def test_an_unknown_id_where_there_is_none_of_its_kind_yet(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(AREAS)
    monkeypatch.chdir(root)
    result = cli("proposals", "new", "--process", "bu-utredning", "--title", "Kortare väntetid")
    assert (result.code, result.err) == (
        2,
        "processkit: --process: `bu-utredning` är inte en process i det här arkivet, och det "
        "finns inga ännu; börja med `processkit new process`\n",
    )


def test_english_is_spoken_when_asked_for(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo(AREAS)
    result = cli("--lang", "en", "new", "process", "--name", "X", "--area", "ebb", "-C", root)
    assert result.err == (
        "processkit: --area: `ebb` is not a delivery area in this repository; did you mean `eb`?\n"
    )
    result = cli("new", "process", "--name", "X", "--area", "xyz", "-C", root, "--lang", "en")
    assert result.err == (
        "processkit: --area: `xyz` is not a delivery area in this repository; there are: `bu` "
        "and `eb`\n"
    )


# --- init, new, fmt, doctor, publish: their lines -------------------------------------------


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(processkit, "_installed_version", lambda: "1.2.0")


@pytest.mark.usefixtures("no_locale")
def test_init_speaks_swedish_from_start_to_end(tmp_path: Path, cli: Cli) -> None:
    target = tmp_path / "processer"
    result = cli(
        "init", target, "--organisation", "Exempel kommun", "--today", "2026-03-01",
        "--install", "processkit==1.2.0",
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines() == [
        f"Skapade ett processarkiv i {target}: 26 filer.",
        "Det är ett nytt git-arkiv (första grenen main), där inget har sparats än.",
        "CI och pre-commit installerar processkit enligt .processkit/requirements.txt: "
        "processkit==1.2.0",
        "",
        "Nästa steg:",
        f"  cd {target}",
        "  processkit validate",
        '  processkit new process --name "Processens namn"',
        "Öppna mappen i Visual Studio Code och installera det rekommenderade YAML-tillägget",
        "så får du förslag och förklaringar till varje fält. Resten står i README.md.",
    ]
    assert "language: sv" in (target / "processkit.yaml").read_text(encoding="utf-8")


@pytest.mark.usefixtures("no_locale")
def test_init_refuses_an_existing_repository_in_swedish(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "processkit.yaml").write_text("organisation: X\n", encoding="utf-8")
    result = cli("init", tmp_path, "--organisation", "X")
    assert (result.code, result.err) == (
        2,
        f"processkit: {tmp_path} innehåller redan ett processarkiv (processkit.yaml); "
        "processkit init skriver inte över det\n",
    )


@pytest.mark.usefixtures("no_locale")
def test_init_says_a_bad_install_line_in_swedish(tmp_path: Path, cli: Cli) -> None:
    result = cli("init", tmp_path / "r", "--organisation", "X", "--install", "a\nb")
    assert (result.code, result.err) == (
        2,
        "processkit: --install: ange en enda rad (till exempel processkit==1.2.0), inte 2 rader\n",
    )


@pytest.mark.usefixtures("no_locale")
def test_init_from_an_inventory_with_a_wrong_row(tmp_path: Path, cli: Cli) -> None:
    sheet = tmp_path / "processer.csv"
    sheet.write_text(
        "namn;leveransområde;typ;färg\nUtreda;Barn och unga;huvudprocess;röd\n"
        "Bevilja;Barn och unga;ingen aning;blå\n",
        encoding="utf-8",
    )
    result = cli("init", tmp_path / "r", "--organisation", "X", "--from-inventory", sheet)
    assert (result.code, result.out) == (1, "")
    assert result.err.splitlines() == [
        "processer.csv: kolumnen `färg` används inte",
        "processer.csv rad 3: `type` ska vara management, core eller support "
        "(ledningsprocess, huvudprocess, stödprocess), men här står `ingen aning`",
        "Inget skrevs: rätta raden ovan, eller kör igen med --skip-bad för att hoppa över den.",
    ]


def test_new_asks_and_answers_in_swedish(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(AREAS)
    monkeypatch.setattr(new_cli, "is_terminal", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("Matcha familjehem\nbu\n\n"))
    result = cli("new", "process", "-C", root)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Processens namn: "
        "Leveransområde (id) (bu, eb): "
        "Typ (core, management, support) [core]: "
        "Skapade processes/bu/matcha-familjehem.yaml (id `matcha-familjehem`).\n"
    )


def test_new_without_a_terminal_names_the_missing_option_in_swedish(
    make_repo: MakeRepo, cli: Cli
) -> None:
    root = make_repo(AREAS)
    result = cli("new", "role", "-C", root)
    assert (result.code, result.err) == (
        2,
        "processkit: processkit new role behöver --name (rollens namn)\n",
    )


def test_fmt_sums_up_in_swedish(make_repo: MakeRepo, cli: Cli) -> None:
    root = make_repo({"areas/bu.yaml": "name: Barn och unga\nid: bu\nkind: area\n"})
    result = cli("fmt", "--check", root)
    assert result.code == 1
    assert result.out.splitlines()[-1] == ("1 fil skulle formateras om, 1 fil redan formaterad.")
    result = cli("fmt", root)
    assert (result.code, result.out) == (
        0,
        "formaterade areas/bu.yaml\n1 fil formaterad, 1 fil redan formaterad.\n",
    )


def test_doctor_speaks_swedish(tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from processkit import doctor

    def checks() -> list[Check]:
        return [
            Check("Python", "3.11.7", "x", "y"),
            Check("Graphviz", None, "processkartorna i `publish`", "installera Graphviz"),
        ]

    monkeypatch.setattr(doctor, "run_checks", checks)
    monkeypatch.chdir(tmp_path)
    result = cli("doctor")
    assert result.code == 1
    assert result.out.splitlines() == [
        "ok       Python    3.11.7",
        "saknas   Graphviz  behövs för processkartorna i `publish`; så rättar du: "
        "installera Graphviz",
        "",
        "1 saknas: Graphviz.",
    ]


def test_the_tools_doctor_checks_are_described_in_swedish() -> None:
    from processkit.doctor import check_git

    git = check_git(which=lambda name: None)
    assert (git.needed_for, git.remedy) == (
        "historik, `--changed-since` och datum på webbplatsen",
        "installera git: `sudo apt-get install git` eller https://git-scm.com/downloads",
    )


def test_publish_says_what_it_published_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from processkit.cli.site_report import report_published
    from processkit.site.build import BuildResult, Made

    output = tmp_path / "site"
    listed = (("stor", 250),)
    result = BuildResult(output, 1, 12, False, listed, made=Made(1, 12, 0, 0))
    report_published(result)
    captured = capsys.readouterr()
    assert captured.out == (
        f"Publicerade 1 sida och 12 kartor, utan sökning, till {output / 'index.html'}\n"
        "Allt byggdes från grunden eftersom inget kunde återanvändas från tidigare.\n"
    )
    assert captured.err == (
        "processkit: obs: processen `stor` har 250 aktiviteter, fler än de 200 som en "
        "flödeskarta kan rita, så processens sida listar dem i flödesordning i stället. Dela "
        "upp den i delprocesser (`parent: stor`); se `processkit rules PK124`.\n"
    )
    made = [Made(0, 0, 0, 14), Made(1, 3, 1, 14), Made(4, 1, 0, 14), Made(0, 2, 0, 14)]
    for each in made:
        report_published(BuildResult(output, 1121, 1026, True, made=each))
    assert capsys.readouterr().out.splitlines()[1::2] == [
        "Inget hade ändrats sedan förra gången, så allt återanvändes.",
        "Det här byggdes på nytt: 1 sida, 3 kartor och 1 av sökfunktionens 14 delar. Allt "
        "annat var oförändrat och återanvändes.",
        "Det här byggdes på nytt: 4 sidor och 1 karta. Allt annat var oförändrat och återanvändes.",
        "Det här byggdes på nytt: 2 kartor. Allt annat var oförändrat och återanvändes.",
    ]


# --- the command line's own lines: interrupted, internal error ------------------------------


def _failing(problem: BaseException) -> Callable[[], list[Check]]:
    def fail() -> list[Check]:
        raise problem

    return fail


def test_an_interruption_is_said_in_swedish(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from processkit import doctor

    monkeypatch.setattr(doctor, "run_checks", _failing(KeyboardInterrupt()))
    result = cli("doctor")
    assert (result.code, result.out, result.err) == (130, "", "processkit: avbruten\n")


def test_ctrl_c_at_a_question_is_said_in_swedish(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo(AREAS)
    monkeypatch.setattr(new_cli, "is_terminal", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # end of input, as Ctrl-D gives
    result = cli("new", "area", "-C", root)
    assert (result.code, result.err.splitlines()[-1]) == (130, "processkit: avbruten")
    assert result.out == "Leveransområdets namn: "


def test_an_internal_error_is_said_in_swedish(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from processkit import doctor

    monkeypatch.setattr(doctor, "run_checks", _failing(RuntimeError("trasig")))
    result = cli("doctor")
    assert (result.code, result.out, result.err) == (
        3,
        "",
        "processkit: internt fel (RuntimeError: trasig). Det här är ett fel i processkit; "
        "rapportera det till den som sköter processkit i din organisation, tillsammans med "
        "kommandot du körde (kör igen med --debug för att se detaljerna)\n",
    )


def test_a_full_disk_is_said_in_swedish(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from processkit import doctor

    full = OSError(errno.ENOSPC, "No space left on device", "/srv/webb/index.html")
    monkeypatch.setattr(doctor, "run_checks", _failing(full))
    result = cli("doctor")
    assert (result.code, result.out, result.err) == (
        2,
        "",
        "processkit: kan inte skriva till /srv/webb/index.html: disken är full\n",
    )
    denied = OSError(errno.EACCES, "Permission denied", "/srv/delad/plan.yaml")
    monkeypatch.setattr(doctor, "run_checks", _failing(denied))
    assert (
        cli("doctor").err == "processkit: kan inte öppna /srv/delad/plan.yaml: behörighet saknas\n"
    )
    monkeypatch.setattr(doctor, "run_checks", _failing(OSError(errno.ENOSPC, "No space")))
    assert cli("doctor").err == "processkit: arbetet avbröts: disken är full\n"


def test_rules_speak_swedish_around_the_rules_own_words(
    make_repo: MakeRepo, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_repo({})
    monkeypatch.chdir(root)
    table = cli("rules")
    assert table.code == 0
    lines = table.out.splitlines()
    assert lines[0].split() == ["Kod", "Namn", "Standard", "Här", "Vad", "den", "hittar"]
    assert lines[-1] == (
        "`Här` är allvarlighetsgraden som är inställd i processkit.yaml (* där den skiljer sig "
        "från standard). `processkit rules KOD` förklarar en regel."
    )
    one = cli("rules", "PK101")
    assert one.out.splitlines()[-1] == "Allvarlighetsgrad: warning (standard warning)."


def test_a_blocked_publish_is_said_in_swedish(
    make_repo: MakeRepo, cli: Cli, tmp_path: Path
) -> None:
    root = make_repo({"areas/unga.yaml": "kind: area\nid: unga\nname: Unga\nower: anna\n"})
    result = cli("publish", root, "--output", tmp_path / "site", "--quiet")
    assert result.code == 1
    assert result.err.splitlines()[-1] == (
        "processkit: webbplatsen publicerades inte: arkivet har 1 fel (se ovan); rätta det och "
        "publicera igen. Den tidigare webbplatsen är orörd."
    )
