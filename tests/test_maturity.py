"""``processkit maturity``: the latest level per process, each dimension's score and its
change, never-assessed processes and the distribution per area."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.conftest import CliResult


def _process(pid: str, name: str, area: str, extra: str = "") -> str:
    return (
        f"kind: process\nid: {pid}\nname: {name}\narea: {area}\ntype: core\nstatus: approved\n"
        + extra
    )


def _assessment(pid: str, process: str, day: str, scores: str) -> str:
    return f"kind: assessment\nid: {pid}\nprocess: {process}\ndate: {day}\nscores: {scores}\n"


FILES: dict[str, str | bytes] = {
    "areas/bu.yaml": "kind: area\nid: bu\nname: Barn och unga\norder: 1\n",
    "areas/vu.yaml": "kind: area\nid: vu\nname: Vuxna\norder: 2\n",
    "processes/bu-utredning.yaml": _process("bu-utredning", "Utreda barns behov", "bu"),
    "processes/bu-del.yaml": _process("bu-del", "Samtala", "bu", "parent: bu-utredning\n"),
    "processes/bu-placering.yaml": _process("bu-placering", "Placera", "bu"),
    "processes/vu-missbruk.yaml": _process("vu-missbruk", "Stöd vid missbruk", "vu"),
    "processes/vu-gammal.yaml": _process("vu-gammal", "Gammal", "vu").replace(
        "approved", "retired"
    ),
    "assessments/a1.yaml": _assessment(
        "mm-2025-bu-utredning",
        "bu-utredning",
        "2025-03-01",
        "{design: 2, performers: 1, owner: 2, infrastructure: 2, metrics: 1}",
    ),
    "assessments/a2.yaml": _assessment(
        "mm-2026-bu-utredning",
        "bu-utredning",
        "2026-03-01",
        "{design: 3, performers: 2, owner: 3, infrastructure: 2, metrics: 2}",
    ),
    "assessments/a3.yaml": _assessment(
        "mm-2026-bu-del",
        "bu-del",
        "2026-02-01",
        "{design: 1, performers: 1, owner: 0, infrastructure: 1}",
    ),
    "assessments/a4.yaml": _assessment(
        "mm-2025-vu-missbruk",
        "vu-missbruk",
        "2025-06-01",
        "{design: 3, performers: 3, owner: 3, infrastructure: 3, metrics: 3}",
    ),
    "assessments/a5.yaml": _assessment(
        "mm-2026-vu-missbruk",
        "vu-missbruk",
        "2026-01-15",
        "{design: 3, performers: 2, owner: 3, infrastructure: 3, metrics: 4}",
    ),
    "assessments/a6.yaml": _assessment(
        "mm-2026-vu-gammal",
        "vu-gammal",
        "2026-01-15",
        "{design: 0, performers: 0, owner: 0, infrastructure: 0, metrics: 0}",
    ),
}


@pytest.fixture
def repo(make_repo: Callable[[dict[str, str | bytes]], Path]) -> Path:
    return make_repo(FILES)


def test_table_per_area_with_changes(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("maturity", repo)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Maturity on levels 0\u20134; a process's level is its lowest dimension score. 3 of 4 "
        "processes assessed; (+1) marks the change since the previous assessment.\n"
        "\n"
        "Barn och unga (bu): 2 of 3 assessed; level 0: 1, level 1: 0, level 2: 1, level "
        "3: 0, level 4: 0; not assessed: 1\n"
        "\n"
        "Placera (bu-placering)\n"
        "  Assessed: not assessed\n"
        "\n"
        "Utreda barns behov (bu-utredning)\n"
        "  Assessed: 2026-03-01\n"
        "  Level: 2 (+1)\n"
        "  Design: 3 (+1)\n"
        "  Performers: 2 (+1)\n"
        "  Owner: 3 (+1)\n"
        "  Infrastructure: 2 (±0)\n"
        "  Metrics: 2 (+1)\n"
        "\n"
        "  Samtala (bu-del)\n"
        "    Assessed: 2026-02-01\n"
        "    Level: 0\n"
        "    Design: 1\n"
        "    Performers: 1\n"
        "    Owner: 0\n"
        "    Infrastructure: 1\n"
        "    Metrics: \u2013\n"
        "\n"
        "Vuxna (vu): 1 of 1 assessed; level 0: 0, level 1: 0, level 2: 1, level 3: 0, "
        "level 4: 0; not assessed: 0\n"
        "\n"
        "Stöd vid missbruk (vu-missbruk)\n"
        "  Assessed: 2026-01-15\n"
        "  Level: 2 (-1)\n"
        "  Design: 3 (±0)\n"
        "  Performers: 2 (-1)\n"
        "  Owner: 3 (±0)\n"
        "  Infrastructure: 3 (±0)\n"
        "  Metrics: 4 (+1)\n"
    )


def test_json_and_area_filter(repo: Path, cli: Callable[..., CliResult]) -> None:
    data = cli("maturity", repo, "--area", "vu", "--format", "json").json()
    assert data == {
        "levels": [0, 1, 2, 3, 4],
        "dimensions": [
            {"id": "design", "label": "Design"},
            {"id": "performers", "label": "Performers"},
            {"id": "owner", "label": "Owner"},
            {"id": "infrastructure", "label": "Infrastructure"},
            {"id": "metrics", "label": "Metrics"},
        ],
        "descriptions": {},
        "summary": {"processes": 1, "not_assessed": 0},
        "areas": [
            {
                "id": "vu",
                "name": "Vuxna",
                "distribution": {"0": 0, "1": 0, "2": 1, "3": 0, "4": 0},
                "not_assessed": 0,
                "processes": [
                    {
                        "id": "vu-missbruk",
                        "name": "Stöd vid missbruk",
                        "assessments": 2,
                        "assessment": "mm-2026-vu-missbruk",
                        "date": "2026-01-15",
                        "level": 2,
                        "scores": {
                            "design": 3,
                            "performers": 2,
                            "owner": 3,
                            "infrastructure": 3,
                            "metrics": 4,
                        },
                        "previous": {
                            "assessment": "mm-2025-vu-missbruk",
                            "date": "2025-06-01",
                            "level": 3,
                            "scores": {
                                "design": 3,
                                "performers": 3,
                                "owner": 3,
                                "infrastructure": 3,
                                "metrics": 3,
                            },
                        },
                        "changes": {
                            "design": 0,
                            "performers": -1,
                            "owner": 0,
                            "infrastructure": 0,
                            "metrics": 1,
                        },
                        "level_change": -1,
                    }
                ],
            }
        ],
    }


def test_csv_has_a_row_per_process(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("maturity", repo, "--area", "bu", "--format", "csv")
    assert result.out == (
        "area,process,name,date,level,design,performers,owner,infrastructure,metrics,"
        "previous_date,previous_level,previous_design,previous_performers,previous_owner,"
        "previous_infrastructure,previous_metrics\n"
        "bu,bu-placering,Placera,,,,,,,,,,,,,,\n"
        "bu,bu-utredning,Utreda barns behov,2026-03-01,2,3,2,3,2,2,2025-03-01,1,2,1,2,2,1\n"
        "bu,bu-del,Samtala,2026-02-01,0,1,1,0,1,,,,,,,,\n"
    )


CUSTOM = (
    "organisation: Test\n"
    "maturity:\n"
    "  levels: [1, 2, 3]\n"
    "  dimensions: [styrning, arbetssatt, uppfoljning]\n"
    "  labels: {arbetssatt: Arbetssätt, uppfoljning: Uppföljning}\n"
    "  descriptions:\n"
    "    1: Påbörjad\n"
    "    3: Etablerad\n"
)


def test_a_custom_instrument_from_the_configuration(
    make_repo: Callable[[dict[str, str | bytes]], Path], cli: Callable[..., CliResult]
) -> None:
    root = make_repo(
        {
            "processkit.yaml": CUSTOM,
            "areas/bu.yaml": FILES["areas/bu.yaml"],
            "processes/bu-utredning.yaml": FILES["processes/bu-utredning.yaml"],
            "assessments/a.yaml": _assessment(
                "m1", "bu-utredning", "2026-03-01", "{styrning: 2, arbetssatt: 3, uppfoljning: 2}"
            ),
        }
    )
    result = cli("maturity", root)
    assert (result.code, result.err) == (0, "")
    assert result.out == (
        "Maturity on levels 1\u20133; a process's level is its lowest dimension score. 1 of 1 "
        "processes assessed; (+1) marks the change since the previous assessment.\n"
        "  1: Påbörjad\n"
        "  3: Etablerad\n"
        "\n"
        "Barn och unga (bu): 1 of 1 assessed; level 1: 0, level 2: 1, level 3: 0; "
        "not assessed: 0\n"
        "\n"
        "Process                     Assessed    Level  styrning  Arbetssätt  Uppföljning\n"
        "--------------------------  ----------  -----  --------  ----------  -----------\n"
        "Utreda barns behov          2026-03-01  2      2         3           2\n"
        "(bu-utredning)\n"
    )
    data = cli("maturity", root, "-f", "json").json()
    assert data["dimensions"] == [
        {"id": "styrning", "label": "styrning"},
        {"id": "arbetssatt", "label": "Arbetssätt"},
        {"id": "uppfoljning", "label": "Uppföljning"},
    ]
    assert data["descriptions"] == {"1": "Påbörjad", "3": "Etablerad"}


@pytest.mark.parametrize(
    ("maturity", "message"),
    [
        (
            "  labels: {desing: Design}\n",
            "`maturity`: `labels` names `desing`, which is not one of the `dimensions` (design, "
            "performers, owner, infrastructure, metrics)",
        ),
        (
            "  descriptions: {5: Världsklass}\n",
            "`maturity`: `descriptions` describes level 5, which is not one of the `levels` "
            "(0, 1, 2, 3, 4)",
        ),
    ],
)
def test_labels_and_descriptions_must_match_the_model(
    make_repo: Callable[[dict[str, str | bytes]], Path],
    cli: Callable[..., CliResult],
    maturity: str,
    message: str,
) -> None:
    root = make_repo({"processkit.yaml": "organisation: Test\nmaturity:\n" + maturity})
    result = cli("validate", root, "--format", "json")
    assert result.code == 2
    assert [d["message"].split(" (found")[0] for d in result.json()["diagnostics"]] == [message]
    review = cli("maturity", root)
    assert review.code == 2
    assert review.err.startswith("processkit.yaml:3:")
    assert review.err.endswith("processkit: processkit.yaml must be fixed before anything else\n")


def test_unknown_area_is_one_line(repo: Path, cli: Callable[..., CliResult]) -> None:
    result = cli("maturity", repo, "--area", "barn")
    assert (result.code, result.err) == (
        2,
        "processkit: --area: `barn` is not a delivery area in this repository; there are: `bu` and "
        "`vu`\n",
    )
