"""The ``processkit`` command: the typer app and the one place that turns failures into exits."""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Sequence

import typer

from processkit.cli import ending

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

#: How often Python looks for garbage in cycles (``gc.set_threshold``). Its default, every 700
#: new objects, and now and then through every object there is, is made for programs that keep
#: few: a repository of 5,000 processes is millions of objects kept until the command ends, and
#: those full passes cost a publish a quarter of its time at that size (3.7 s against 2.9 s
#: with nothing changed, measured; the peak memory is the same). ``publish`` now builds with
#: the collector off altogether (see ``cli.publish``); these hold for every other command.
GC_THRESHOLDS = (50_000, 20, 20)


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
    "edit",
)


#: The commands registered with typer in this process, in the order registered.
_REGISTERED: list[str] = []


def _register(args: Sequence[str] = ()) -> None:
    """Register with typer the command ``args`` run, or every command where their first word
    names none (the help, a mistyped name, an option such as ``--version``, no word at all as
    when the shell asks for completions): typer builds each command registered on every run,
    30 to 40 ms for all of them, at every command's start. Every run in one process (the
    tests) adds only the commands not registered yet, or typer would build ever more; where
    all are wanted after some, all are registered afresh, in the order the help lists them."""
    import importlib

    first = args[0] if args else None
    if first in COMMANDS:
        if first in _REGISTERED:
            return
        wanted: Sequence[str] = (first,)
    else:
        if list(COMMANDS) == _REGISTERED:
            return
        app.registered_commands.clear()
        app.registered_groups.clear()
        _REGISTERED.clear()
        wanted = COMMANDS
    for name in wanted:
        importlib.import_module(f"processkit.cli.{name}").register(app)
        _REGISTERED.append(name)


def entry() -> None:
    """The ``processkit`` command (and ``python -m processkit``): ``run``, in a process that
    ends with it (``ending``).

    What a command read and made stays in memory to its end: after a publish of 5,000
    processes, millions of objects (the repository, the pages' records, the maps' keys). A
    Python that ends looks through every one of them once more for cycles to free, and took
    a third of a second for it there (the publish after one change: 2.98 s against 2.62 s, 8
    rounds, faster in all). Frozen (``gc.freeze``), they are left to the end of the process,
    which then ends at once (``ending.end``) and gives back all its memory. ``run`` alone, as
    the tests call it, leaves them as they are."""
    ending.arm()
    code: object = 0
    try:
        run()
    except SystemExit as done:
        code = done.code
    finally:
        gc.freeze()
    ending.end(code)


def run(argv: list[str] | None = None) -> None:
    """Entry point: run the app, mapping every failure to exit status 2 or 3."""
    from processkit.errors import ConfigError, ProcesskitError
    from processkit.i18n import LanguageError, _
    from processkit.loading.discover import RepositoryNotFound

    gc.set_threshold(*GC_THRESHOLDS)
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    args = [arg for arg in args if arg != "--debug"]
    try:
        args = _language(args)
        _register(args)
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
            said = usage_line(problem)
            if said is None:  # a rare one (or the help of a bare group): typer's own words
                problem.show()  # type: ignore[attr-defined]
            else:
                typer.echo(said, err=True)
            sys.exit(2)
        from processkit.errors import refusal

        refused = refusal(problem)
        if refused is not None:  # the computer's doing (a full disk), not a bug of ours
            if debug:
                traceback.print_exc()
            typer.echo(f"processkit: {refused}", err=True)
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


def usage_line(problem: Exception) -> str | None:
    """A usage error of typer's (an unknown command or option, a missing or wrong value, one
    argument too many) as one line in the language in use, after the command it is about;
    None for the others, which typer says itself."""
    import difflib
    import re

    from typer._click import exceptions as click

    from processkit.i18n import _

    context = getattr(problem, "ctx", None)
    command = context.command_path if context is not None else "processkit"
    if isinstance(problem, click.NoArgsIsHelpError):
        return None
    if isinstance(problem, click.NoSuchOption):
        near = list(problem.possibilities or ())
        if near:
            said = _(
                "unknown option `{option}`; did you mean `{near}`?",
                option=problem.option_name,
                near=near[0],
            )
        else:
            said = _(
                "unknown option `{option}`; `{help}` lists the options",
                option=problem.option_name,
                help=f"{command} --help",
            )
    elif isinstance(problem, click.MissingParameter):
        name, choices = _parameter(problem.param)
        if problem.param is not None and problem.param.param_type_name == "option":
            said = _("`{option}` must be given", option=name)
        else:
            said = _("`{argument}` is missing", argument=name)
        if choices:
            said += "; " + _("give one of: {choices}", choices=_listed(choices))
    elif isinstance(problem, click.BadParameter):
        name, choices = _parameter(problem.param)
        value = _input(problem)
        if value is None:
            said = _("the value of `{name}` is not valid", name=name)
        elif choices:
            said = _("`{value}` is not a value of `{name}`", value=value, name=name)
            near = difflib.get_close_matches(value, choices, n=1)
            if near:
                said += "; " + _("did you mean `{near}`?", near=near[0])
            else:
                said += "; " + _("give one of: {choices}", choices=_listed(choices))
        else:
            said = _("`{value}` is not a valid value of `{name}`", value=value, name=name)
    elif isinstance(problem, click.UsageError) and (
        unknown := re.match(r"No such command '(.*)'\.", str(problem))
    ):
        near = difflib.get_close_matches(unknown.group(1), COMMANDS, n=1)
        if near:
            said = _(
                "unknown command `{command}`; did you mean `{near}`?",
                command=unknown.group(1),
                near=near[0],
            )
        else:
            said = _(
                "unknown command `{command}`; `{help}` lists the commands",
                command=unknown.group(1),
                help=f"{command} --help",
            )
    elif isinstance(problem, click.BadOptionUsage) and "requires an argument" in str(problem):
        said = _("`{option}` needs a value after it", option=problem.option_name)
    elif isinstance(problem, click.UsageError) and (
        extra := re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", str(problem))
    ):
        said = _(
            "`{extra}` is more than the command takes; `{help}` tells what it takes",
            extra=extra.group(1),
            help=f"{command} --help",
        )
    else:
        return None
    return f"{command}: {said}"


def _parameter(param: object) -> tuple[str, list[str]]:
    """How the user writes ``param`` (``--format``, or an argument's name), and its choices."""
    options = [name for name in getattr(param, "opts", ()) if name.startswith("--")]
    if getattr(param, "param_type_name", None) == "option" and options:
        name = options[0]
    else:
        name = str(getattr(param, "name", None) or "?")
    described = getattr(param, "type_descriptor", None)
    found = getattr(described, "choices", None) if getattr(described, "is_choice", False) else None
    choices = [str(getattr(choice, "value", choice)) for choice in found or ()]
    return name, choices


def _input(problem: Exception) -> str | None:
    """The value the user wrote that typer refused, where typer kept it."""
    import re

    cause = problem.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        try:
            first = errors()[0]
        except (IndexError, TypeError, ValueError):
            first = {}
        if isinstance(first, dict) and isinstance(first.get("input"), str):
            return str(first["input"])
    found = re.search(r"'(.*?)' is not one of", str(problem))
    return found.group(1) if found else None


def _listed(choices: list[str]) -> str:
    return ", ".join(f"`{choice}`" for choice in choices)
