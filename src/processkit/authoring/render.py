"""The Jinja2 templates that `new` and `init` fill in (templates/new and templates/init)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2

from processkit.authoring.yamltext import yaml_block
from processkit.resources import templates_dir


def quote(value: object) -> str:
    """A text as a YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(str(value), ensure_ascii=False)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=False,  # YAML, JSON and Markdown, not HTML
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["q"] = quote
    env.filters["block"] = yaml_block
    env.filters["json"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def render(template: str, /, **context: Any) -> str:
    """Fill in ``template`` (a path relative to the templates folder)."""
    return environment().get_template(template).render(**context)
