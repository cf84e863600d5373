"""Text as a YAML value that reads back the same, written as a person would write it."""

from __future__ import annotations

import json

from processkit.loading.yamlfile import read_yaml

#: Plain words other YAML readers (YAML 1.1) take for booleans: always quoted.
_YAML11_WORDS = frozenset(["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"])


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML value on one line: as it is where that reads back the same, else
    in double quotes."""
    if text.casefold() not in _YAML11_WORDS and _reads_back(f"v: {text}\n", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_block(text: str) -> str:
    """A longer text as a literal block (``|``), or quoted where a block cannot hold it."""
    body = text.strip("\n")
    if "\n" not in body:
        return yaml_scalar(body.strip())
    lines = [line.rstrip() for line in body.split("\n")]
    block = "|\n" + "\n".join(f"  {line}" if line else "" for line in lines)
    if not lines[0].startswith(" ") and _reads_back(f"v: {block}\n", "\n".join(lines) + "\n"):
        return block
    return json.dumps("\n".join(lines), ensure_ascii=False)


def _reads_back(document: str, expected: str) -> bool:
    parsed = read_yaml("check.yaml", document.encode("utf-8"))
    return not parsed.diagnostics and parsed.value == {"v": expected}
