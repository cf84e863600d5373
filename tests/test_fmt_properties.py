"""Property: fmt never loses data. Valid processes written with comments, keys in random order
and random indentation read back to the same model after fmt, keep every comment, and a second
fmt changes nothing."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from processkit.authoring.fmt import format_text
from processkit.loading.yamlfile import read_yaml
from processkit.model import Process

WORDS = ["barn", "utredning", "beslut", "Åsa", "möte", "ärende", "plan", "2.1", "no", "x: y"]
PLAIN_SAFE = re.compile(r"^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö ]*$")
YAML_WORDS = {"no", "yes", "on", "off", "null", "true", "false", "y", "n"}

ids = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)
comment_texts = st.lists(
    st.sampled_from(["ändra", "#", "ok: ja", "'citat'", "TODO", "[x]"]), min_size=1, max_size=3
).map(lambda words: "# " + " ".join(words))


def scalar(value: Any, quoted: bool) -> str:
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if not quoted and PLAIN_SAFE.match(text) and text.lower() not in YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


@st.composite
def activities(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=0, max_value=3))
    names = [f"steg-{i}" for i in range(count)]
    result = []
    for i, activity_id in enumerate(names):
        activity: dict[str, Any] = {"id": activity_id, "name": draw(texts)}
        if draw(st.booleans()):
            activity["role"] = draw(ids)
        if i + 1 < count:
            activity["next"] = [names[i + 1]]
        if draw(st.booleans()):
            activity["description"] = draw(texts)
        result.append(activity)
    return result


@st.composite
def processes(draw: st.DrawFn) -> dict[str, Any]:
    entity: dict[str, Any] = {
        "kind": "process",
        "id": draw(ids),
        "name": draw(texts),
        "area": draw(ids),
        "type": draw(st.sampled_from(["core", "management", "support"])),
        "status": draw(st.sampled_from(["draft", "review", "approved", "retired"])),
    }
    optional: dict[str, Any] = {
        "version": draw(st.sampled_from(["2.1", "1.0", "3"])),
        "owner": draw(ids),
        "leaders": draw(st.lists(ids, max_size=3)),
        "purpose": draw(texts),
        "inputs": draw(st.lists(texts, max_size=3)),
        "activities": draw(activities()),
        "approved": {"date": "2026-02-01", "by": draw(texts)},
        "tags": draw(st.lists(texts, max_size=2)),
        "x-diarienummer": draw(texts),
        "x-lista": draw(st.lists(texts, min_size=1, max_size=2)),
    }
    for key, value in optional.items():
        if draw(st.booleans()):
            entity[key] = value
    return entity


@st.composite
def written(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A process as YAML text in a random layout, and the comments written into it."""
    entity = draw(processes())
    indent = draw(st.sampled_from([2, 3, 4]))
    dash = draw(st.sampled_from([0, 2]))  # `- ` under the key, or indented
    comments: list[str] = []

    def comment() -> str | None:
        if draw(st.integers(min_value=0, max_value=3)) == 0:
            found = draw(comment_texts)
            comments.append(found)
            return found
        return None

    def eol(line: str) -> str:
        found = comment()
        return f"{line}  {found}" if found else line

    def shuffled(mapping: dict[str, Any]) -> list[tuple[str, Any]]:
        return draw(st.permutations(list(mapping.items())))

    def emit(mapping: dict[str, Any], pad: str, lines: list[str]) -> None:
        for key, value in shuffled(mapping):
            above = comment()
            if above:
                lines.append(pad + above)
            quoted = draw(st.booleans())
            if isinstance(value, dict):
                if draw(st.booleans()):
                    pairs = ", ".join(f"{k}: {scalar(v, True)}" for k, v in shuffled(value))
                    lines.append(eol(f"{pad}{key}: {{{pairs}}}"))
                else:
                    lines.append(eol(f"{pad}{key}:"))
                    emit(value, pad + " " * indent, lines)
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                lines.append(eol(f"{pad}{key}:"))
                for item in value:
                    item_lines: list[str] = []
                    emit(item, pad + " " * (dash + 2), item_lines)
                    first = next(
                        i for i, text in enumerate(item_lines) if not text.strip().startswith("#")
                    )
                    item_lines[first] = pad + " " * dash + "- " + item_lines[first].lstrip()
                    lines.extend(item_lines)
            elif isinstance(value, list):
                if not value or draw(st.booleans()):
                    items = ", ".join(scalar(v, quoted) for v in value)
                    lines.append(eol(f"{pad}{key}: [{items}]"))
                else:
                    lines.append(eol(f"{pad}{key}:"))
                    for item in value:
                        lines.append(eol(f"{pad}{' ' * dash}- {scalar(item, quoted)}"))
            elif key == "version":
                lines.append(eol(f'{pad}{key}: "{value}"'))
            else:
                lines.append(eol(f"{pad}{key}: {scalar(value, quoted)}"))

    lines: list[str] = []
    top = comment()
    if top:
        lines.append(top)
    emit(entity, "", lines)
    return "\n".join(lines) + "\n", comments


def load(text: str) -> tuple[Process, dict[str, Any]]:
    parsed = read_yaml("p.yaml", text.encode("utf-8"))
    assert parsed.diagnostics == [], parsed.diagnostics
    return Process.model_validate(parsed.value), parsed.extensions


def comment_counts(text: str) -> Counter[str]:
    """Comments as written by the generator: they hold no quotes of YAML's own."""
    found: Counter[str] = Counter()
    for line in text.split("\n"):
        at = line.find("# ")
        if at >= 0 and (at == 0 or line[at - 1] == " "):
            found[line[at:].rstrip()] += 1
    return found


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(written())
def test_fmt_keeps_the_model_and_every_comment_and_is_stable(case: tuple[str, list[str]]) -> None:
    text, comments = case
    model, extensions = load(text)
    first = format_text(text, "processes/p.yaml")
    assert first.problem is None, (first.problem, text)
    assert first.after is not None
    assert load(first.after) == (model, extensions)
    assert comment_counts(first.after) == Counter(comments)
    second = format_text(first.after, "processes/p.yaml")
    assert second.after == first.after
    assert not second.changed
