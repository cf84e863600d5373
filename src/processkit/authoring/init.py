"""``init``: a new process repository that validates at once.

It holds ``processkit.yaml``, a README for process leaders, CI for GitHub and GitLab, a
pre-commit configuration, editor settings tied to the JSON Schemas (written into
``.processkit/schemas/``), and one example of each kind, or the skeleton an inventory gives.
CI and pre-commit install processkit from the one line of ``.processkit/requirements.txt``
(see ``processkit.install_source``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from pydantic_core import PydanticCustomError

from processkit import i18n
from processkit.authoring.fmt import format_text
from processkit.authoring.render import render
from processkit.errors import ProcesskitError
from processkit.i18n import _
from processkit.install_source import (
    GITHUB_WORKFLOW,
    GITLAB_CI,
    PRE_COMMIT_CONFIG,
    REQUIREMENTS_FILE,
)
from processkit.loading.discover import CONFIG_NAME, RepositoryNotFound, find_root
from processkit.model.config import normal_site_url
from processkit.model.kinds import KIND_TABLE

SCHEMA_FOLDER = ".processkit/schemas"
#: The version the comments of the requirements file show when processkit is no release
EXAMPLE_VERSION = "1.2.0"

#: The folders each schema applies to, for the editor.
SCHEMA_FOLDERS = {row.kind: row.folder for row in KIND_TABLE}

#: template under templates/init -> the file it becomes
SUPPORT_FILES = {
    "README.md.j2": "README.md",
    "gitignore.j2": ".gitignore",
    "editorconfig.j2": ".editorconfig",
    "github-workflow.yml.j2": GITHUB_WORKFLOW,
    "gitlab-ci.yml.j2": GITLAB_CI,
    "pre-commit-config.yaml.j2": PRE_COMMIT_CONFIG,
    "requirements.txt.j2": REQUIREMENTS_FILE,
    "vscode-settings.json.j2": ".vscode/settings.json",
    "vscode-extensions.json.j2": ".vscode/extensions.json",
}

EXAMPLES = {
    "area.yaml.j2": "areas/barn-och-unga.yaml",
    "process.yaml.j2": "processes/barn-och-unga/bu-utredning.yaml",
    "role-socialsekreterare.yaml.j2": "roles/socialsekreterare.yaml",
    "role-enhetschef.yaml.j2": "roles/enhetschef.yaml",
    "person.yaml.j2": "people/anna-andersson.yaml",
    "handbook.yaml.j2": "handbooks/rutin-barnutredning.yaml",
    "proposal.yaml.j2": "proposals/{proposal_id}.yaml",
    "assessment.yaml.j2": "assessments/{assessment_id}.yaml",
}


def check_target(target: Path) -> None:
    """Refuse a folder that already is, or lies inside, a process repository."""
    if target.exists() and not target.is_dir():
        raise ProcesskitError(
            _("{target} is a file; give a folder to create the repository in", target=target)
        )
    if (target / CONFIG_NAME).exists():
        raise ProcesskitError(
            _(
                "{target} already holds a process repository ({file}); "
                "processkit init does not overwrite it",
                target=target,
                file=CONFIG_NAME,
            )
        )
    try:
        outer = find_root(target) if target.exists() else find_root(_existing_parent(target))
    except RepositoryNotFound:
        return
    raise ProcesskitError(
        _(
            "{target} is inside the process repository at {outer}; "
            "create the new repository somewhere else",
            target=target,
            outer=outer,
        )
    )


#: An e-mail address as a person writes it: one @, something on both sides, a dot in the domain,
#: no blanks. Only a check against typing mistakes; the address is not looked up.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


def check_email(given: str | None) -> str | None:
    """The intake address asked for by ``init`` (``--proposals-email`` or the prompt): None
    when none is given (empty), the address when it looks like one, else an error that says
    what is wrong (the command line puts the option's name before it)."""
    if given is None or not given.strip():
        return None
    address = given.strip()
    if not _EMAIL.fullmatch(address):
        raise ProcesskitError(
            _(
                "`{value}` is not an e-mail address; write one such as processtod@example.se, "
                "or nothing for no intake by e-mail",
                value=address,
            )
        )
    return address


def check_site_url(given: str | None) -> str | None:
    """The site's address asked for by ``init`` (``--site-url`` or the prompt): None when none
    is given (empty), the address ending in one ``/`` when it is one as ``site.url`` takes it,
    else an error that says what one looks like (the command line puts the option's name
    before it)."""
    if given is None or not given.strip():
        return None
    address = given.strip()
    try:
        return normal_site_url(address)
    except PydanticCustomError:
        raise ProcesskitError(
            _(
                "`{value}` is not a web address such as https://fyren.example.se/ (http or "
                "https, a host name, no ? or #, no blanks); write the site's address, or "
                "nothing if it has none yet",
                value=address,
            )
        ) from None


def _existing_parent(path: Path) -> Path:
    for folder in path.resolve().parents:
        if folder.exists():
            return folder
    return Path("/")


def is_release(version: str) -> bool:
    """Whether ``version`` is a release (``1.2.0``), not a development build
    (``1.2.1.dev3+g1a2b3c4``) or the version of a copy without history (``0.0.0``)."""
    return re.fullmatch(r"\d+(?:\.\d+)*", version) is not None and version.strip("0.") != ""


def plan(
    organisation: str,
    today: date,
    *,
    install: str,
    dimensions: list[str] | None = None,
    entities: Mapping[str, str] | None = None,
    proposals_email: str | None = None,
    site_url: str | None = None,
) -> dict[str, str]:
    """Every file of a new repository: relative path -> text.

    ``install`` is the requirement CI and pre-commit install processkit from (a checked one
    line); ``entities`` replaces the examples (the inventory import gives them);
    ``proposals_email`` is where proposals from the site are sent (None: nowhere yet);
    ``site_url`` where the site is published (a checked one; None: not known yet).
    """
    from processkit import __version__
    from processkit.cache import CACHE_FOLDER
    from processkit.model.config import DEFAULT_DIMENSIONS
    from processkit.schema import render as render_schema
    from processkit.schema import schemas

    context = {
        "organisation": organisation,
        "proposals_email": proposals_email,
        "site_url": site_url,
        # the language asked for, not the machine's locale: the examples are Swedish
        "language": i18n.asked() or i18n.DEFAULT,
        "today": today.isoformat(),
        "install": install,
        "example_version": __version__ if is_release(__version__) else EXAMPLE_VERSION,
        "requirements_file": REQUIREMENTS_FILE,
        "cache_folder": CACHE_FOLDER,
        "proposal_id": f"fp-{today.year}-001",
        "assessment_id": f"mm-{today.year}-bu-utredning",
        "dimensions": dimensions or DEFAULT_DIMENSIONS,
        "schemas": _schema_globs(),
    }
    files: dict[str, str] = {
        CONFIG_NAME: _yaml(render("init/processkit.yaml.j2", **context), CONFIG_NAME, True)
    }
    for template, target in SUPPORT_FILES.items():
        files[target] = render(f"init/{template}", **context)
    for name, schema in schemas().items():
        files[f"{SCHEMA_FOLDER}/{name}"] = render_schema(schema)
    if entities is None:
        for template, target in EXAMPLES.items():
            path = target.format(**context)
            files[path] = _yaml(render(f"init/examples/{template}", **context), path, False)
    else:
        files.update(entities)
    return dict(sorted(files.items()))


def _schema_globs() -> list[tuple[str, list[str]]]:
    pairs = [
        (f"./{SCHEMA_FOLDER}/{kind}.schema.json", [f"{folder}/**/*.yaml", f"{folder}/**/*.yml"])
        for kind, folder in SCHEMA_FOLDERS.items()
    ]
    pairs.append((f"./{SCHEMA_FOLDER}/config.schema.json", [CONFIG_NAME]))
    return pairs


def _yaml(text: str, path: str, config: bool) -> str:
    formatted = format_text(text, path, config=config)
    if formatted.after is None:  # a template of ours that fmt cannot read: a bug
        raise RuntimeError(f"template for {path} gives no valid YAML: {formatted.problem}")
    return formatted.after


def write(target: Path, files: Mapping[str, str]) -> list[str]:
    """Write ``files`` under ``target``, none of which may exist; returns the paths written.

    A new folder is written beside its place and moved there at the end, so that an
    interrupted ``init`` leaves nothing half made.
    """
    import os
    import shutil
    import tempfile

    from processkit.fsutil import write_atomic

    check_target(target)
    existing = [path for path in files if (target / path).exists()]
    if existing:
        raise ProcesskitError(
            _(
                "{path} already exists and processkit init does not overwrite files; move it "
                "aside, or create the repository in a new folder",
                path=target / existing[0],
            )
        )
    if target.exists():
        for path, text in files.items():
            write_atomic(target / path, text)
        return list(files)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for path, text in files.items():
            write_atomic(building / path, text)
        os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return list(files)
