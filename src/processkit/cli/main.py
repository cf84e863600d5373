"""The ``processkit`` command: the typer app and the one place that turns failures into exits."""

from __future__ import annotations

import sys
import traceback

import typer

app = typer.Typer(
    name="processkit",
    help="Process management kept as YAML in git: validate, inventory, map and publish.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
)


#: The exit status after Ctrl-C (128 + SIGINT), as shells give it.
INTERRUPTED = 130


def _version(value: bool) -> None:
    if value:
        from processkit import __version__

        typer.echo(f"processkit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
    debug: bool = typer.Option(
        False, "--debug", help="Show the full traceback when something goes wrong."
    ),
    lang: str | None = typer.Option(
        None,
        "--lang",
        help="sv or en: the language of messages and reports (default: the repository's "
        "`language:`, or PROCESSKIT_LANG). Accepted before or after the command.",
    ),
) -> None:
    """processkit: process management for social services, kept as YAML files in git."""


#: The command modules under processkit.cli, each with ``register(app)``; imported at start-up,
#: so a module imports its heavy dependencies inside its command function, not at the top.
COMMANDS = (
    "validate",
    "schema",
    "inventory",
    "review",
    "proposals",
    "maturity",
    "changelog",
    "codeowners",
    "rules",
    "init",
    "new",
    "fmt",
    "doctor",
    "publish",
    "serve",
    "map",
)


def _register() -> None:
    import importlib

    if app.registered_commands:  # once per process: every run in one process (the tests) adds
        return  # nothing, or typer would rebuild ever more commands on each run
    for name in COMMANDS:
        importlib.import_module(f"processkit.cli.{name}").register(app)


def run(argv: list[str] | None = None) -> None:
    """Entry point: run the app, mapping every failure to exit status 2 or 3."""
    from processkit.errors import ConfigError, ProcesskitError
    from processkit.i18n import LanguageError, _
    from processkit.loading.discover import RepositoryNotFound

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [arg for arg in args if arg != "--debug"]
    try:
        args = _language(args)
        _register()
        result = app(args=args, prog_name="processkit", standalone_mode=False)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except typer.Abort:
        typer.echo(_("processkit: interrupted"), err=True)
        sys.exit(INTERRUPTED)
    except ConfigError as problem:  # the one policy for a broken processkit.yaml
        from processkit.cli.reporters import report_config_error

        report_config_error(problem, "text")
        sys.exit(2)
    except (ProcesskitError, RepositoryNotFound, LanguageError) as problem:
        typer.echo(f"processkit: {problem}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo(_("processkit: interrupted"), err=True)
        sys.exit(INTERRUPTED)
    except Exception as problem:
        if _is_usage_error(problem):  # typer's own (bad option, missing argument)
            problem.show()  # type: ignore[attr-defined]
            sys.exit(2)
        # every other failure is a bug of ours
        if debug:
            traceback.print_exc()
        error = f"{type(problem).__name__}: {problem}"
        typer.echo(
            _(
                "processkit: internal error ({error}). This is a bug; please report it to whoever "
                "looks after processkit in your organisation, with the command you ran",
                error=error,
            )
            if debug
            else _(
                "processkit: internal error ({error}). This is a bug; please report it to whoever "
                "looks after processkit in your organisation, with the command you ran (run again "
                "with --debug to see the details)",
                error=error,
            ),
            err=True,
        )
        sys.exit(3)
    if result == INTERRUPTED:  # typer's answer to Ctrl-C inside a command
        typer.echo(_("processkit: interrupted"), err=True)
    sys.exit(result if isinstance(result, int) else 0)


def _language(args: list[str]) -> list[str]:
    """Take ``--lang X`` (or ``--lang=X``) from anywhere on the command line, as ``--debug`` is
    taken, and decide the language of this run; the rest of the arguments go to the command."""
    from processkit import i18n

    i18n.forget()
    rest: list[str] = []
    asked: str | None = None
    items = iter(args)
    for arg in items:
        if arg == "--":
            rest.append(arg)
            rest.extend(items)
            break
        if arg == "--lang":
            asked = next(items, "")
        elif arg.startswith("--lang="):
            asked = arg.removeprefix("--lang=")
        else:
            rest.append(arg)
    i18n.ask(asked)
    return rest


def _is_usage_error(problem: Exception) -> bool:
    return hasattr(problem, "show") and hasattr(problem, "exit_code")
