"""The page of a process too large to draw: its activities listed in flow order where the map
would be, in the site's language, on a valid page whose every link resolves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tests.site.conftest import EPOCH
from tests.site.htmlcheck import broken_links, duplicate_ids, page_facts, strict_parse_errors
from tests.test_large_process import chain, page_list, repository

from processkit.cli.publishing import PublishRequest, publish

PAGE = "processes/eb-handlaggning.html"
SAID = {
    "sv": "Processen har 201 aktiviteter, fler än de 200 som en processkarta kan visa. I stället "
    "för kartan listas aktiviteterna här i flödesordning.",
    "en": "The process has 201 activities, more than the 200 a process map can show. Instead of "
    "the map, the activities are listed here in flow order.",
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_lists_the_activities_where_the_map_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    # the second step written last: the list is in flow order, not in the order of the file
    links = chain(201)
    root = repository(tmp_path / "repo", links)
    config = root / "processkit.yaml"
    config.write_text(config.read_text(encoding="utf-8") + f"site:\n  language: {language}\n")
    source = root / "processes" / "eb" / "eb-handlaggning.yaml"
    text = source.read_text(encoding="utf-8")
    second = "  - id: s2\n    name: Steg 2\n    role: administrator\n    next: [s3]\n"
    assert second in text
    source.write_text(text.replace(second, "") + second, encoding="utf-8")

    site = tmp_path / "site"
    result = publish(PublishRequest(root, site, search=False))
    assert result.listed == (("eb-handlaggning", 201),)
    assert result.maps == 2  # the landscape and the area's: no flow map
    html = (site / PAGE).read_text(encoding="utf-8")
    said, items = page_list(html)
    assert said == SAID[language]
    assert items == [f'<a href="#s{n}">Steg {n}</a>' for n in range(1, 202)]
    assert '<figure class="map"' not in html
    rows = re.findall(
        r'<tr id="(s\d+)">\s*<td data-label="[^"]*" data-pagefind-ignore>(\d+)</td>', html
    )
    assert rows == [(f"s{n}", str(n)) for n in range(1, 202)]  # the table in the same order

    facts = page_facts(site, PAGE)
    assert strict_parse_errors(site, PAGE) == []
    assert broken_links(site, facts, {}) == []
    assert duplicate_ids(facts) == []
