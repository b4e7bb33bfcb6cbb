"""The `somecheck` command: serve, check, rules, service, doctor."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from checker import __version__, serving
from checker.body import BadRequest, parse_check
from checker.engine import check, fired
from checker.options import rules_option
from checker.pack import Example, Pack, PackError, Rule, load_pack
from checker.response import pack_listing
from checker.settings import SettingsError
from checker.textreport import render
from checker.vocabulary import ACCOUNTS, ATTACHMENT_TYPES, CONTEXTS, LOCALES, PLATFORMS, ROLES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_PIPE = 141                      # as a shell reports a command ended by a closed pipe
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="somecheck", description="Check social-media posts "
                                     "against your organization's guidelines, locally.")
    parser.add_argument("--version", action="version", version=f"somecheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the checker service for the browser extension")
    serving.add_options(serve)

    service = commands.add_parser("service", help="run the checker in the background, started at login")
    service_commands = service.add_subparsers(dest="service_command", required=True, metavar="ACTION")
    install = service_commands.add_parser(
        "install", help="install and start a per-user service (systemd, launchd or Task Scheduler)")
    install.add_argument("--dry-run", action="store_true",
                         help="print the file and the commands instead of installing")
    install.add_argument("serve_args", nargs=argparse.REMAINDER, metavar="-- SERVE-OPTIONS",
                         help="options for `somecheck serve`, after --, e.g. -- --port 8770 --rules /etc/pack")
    for name, text in (("uninstall", "stop and remove the per-user service"),
                       ("status", "say whether the service is installed, running and answering")):
        service_commands.add_parser(name, help=text)
    for sub in service_commands.choices.values():
        sub.add_argument("--platform", choices=("linux", "macos", "windows"),
                         help="generate for this system (default: this machine's)")
    run_sv = service_commands.add_parser("run")   # what the Windows task runs: serve, restarted on failure
    run_sv.add_argument("--log", type=Path, help="append the checker's output to this file")
    run_sv.add_argument("serve_args", nargs=argparse.REMAINDER)

    doctor = commands.add_parser("doctor", help="check the set-up and say how to fix what is wrong")
    doctor.add_argument("--host", help="address of the checker (default 127.0.0.1)")
    doctor.add_argument("--port", type=int, help="port of the checker (default 8765)")
    rules_option(doctor)
    doctor.add_argument("--token-file", type=Path, help="the token the extension is given")

    chk = commands.add_parser(
        "check", help="check a text file or standard input",
        description="Check a text as the browser extension would before it is published. "
                    "Exit status: 0 when nothing or only notes (info) were found, 1 for warn or "
                    "block, 2 when the text, the options or the rules cannot be used.")
    chk.add_argument("file", nargs="?", default="-", help="the text to check, or - for standard input")
    rules_option(chk)
    chk.add_argument("--platform", choices=PLATFORMS, default="other",
                     help="where the text will be published: facebook, instagram, x, or other "
                          "(default); some rules hold only on one site")
    chk.add_argument("--account", choices=ACCOUNTS, default="personal",
                     help="posting as oneself (personal, default) or as an official page of the "
                          "organization (official), where more rules hold")
    chk.add_argument("--role", choices=ROLES, default="staff",
                     help="who writes: an employee (staff, default), an elected official "
                          "(trustee) or an administrator of an official channel (admin)")
    chk.add_argument("--context", choices=CONTEXTS, default="post",
                     help="what is written: a new post (default), a comment, or a reply to one")
    chk.add_argument("--locale", choices=LOCALES,
                     help="language of the messages; default: LC_ALL, LC_MESSAGES or LANG when "
                          "they name fi, sv or en, else the pack's")
    chk.add_argument("--attach", action="append", choices=ATTACHMENT_TYPES, default=[],
                     help="an attachment of this type (repeatable)")
    chk.add_argument("--now", help="the moment of posting, ISO-8601 with offset (default: now)")
    chk.add_argument("--format", choices=("text", "json"), default="text",
                     help="text (default): each finding the way compilers show errors, with the "
                          "line and a caret under the words; json: the service's /v1/check response")

    rules = commands.add_parser("rules", help="validate, list or document rule packs")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rules_commands.add_parser("validate", help="load packs and run every rule's examples")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    listing = rules_commands.add_parser("list", help="list the rules of a pack")
    rules_option(listing)
    listing.add_argument("--format", choices=("text", "json"), default="text",
                         help="text (default): one rule a line in the message language; json: "
                              "every rule and guideline in all languages, as GET /v1/rules")
    listing.add_argument("--locale", choices=LOCALES,
                         help="language of the text format; default as for `check`")
    docs = rules_commands.add_parser("docs", help="write the rules as Markdown")
    rules_option(docs)
    docs.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except BrokenPipeError:
        # The reader went away (`somecheck rules list | head`): stop quietly. Point stdout at
        # nothing so that the interpreter's final flush does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PIPE


def _run(args: argparse.Namespace) -> int:
    try:
        if args.command == "serve":
            return serving.serve(args)
        if args.command == "check":
            return check_command(args)
        if args.command == "service":
            from checker import autostart

            return autostart.command(args)
        if args.command == "doctor":
            from checker import doctor

            return doctor.command(args)
        return {"validate": rules_validate, "list": rules_list, "docs": rules_docs}[args.rules_command](args)
    except PackError as exc:
        print(f"somecheck: the rule pack was refused:\n{exc}", file=sys.stderr)
        return EXIT_USAGE
    except (SettingsError, BadRequest) as exc:
        print(f"somecheck: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _read_text(name: str) -> str:
    if name == "-":
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise BadRequest(f"cannot read standard input: {exc}") from exc
    try:
        return Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadRequest(f"cannot read {name}: {exc}") from exc


def environment_locale(environ: dict[str, str] | None = None) -> str | None:
    """The message language the environment asks for: the first of LC_ALL, LC_MESSAGES and
    LANG that is set decides, when it names fi, sv or en ("sv_FI.UTF-8")."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name)
        if value:
            lang = value.split(".")[0].split("_")[0].split("@")[0].lower()
            return lang if lang in LOCALES else None
    return None


def _display_name(file: str) -> str:
    return "<stdin>" if file == "-" else file


def check_command(args: argparse.Namespace) -> int:
    """Check one text; exit 0 for ok or info, 1 for warn or block."""
    pack = load_pack(args.rules)
    body = {"text": _read_text(args.file), "platform": args.platform, "account": args.account,
            "role": args.role, "context": args.context,
            "attachments": [{"type": t} for t in args.attach]}
    if args.now:
        body["now"] = args.now
    locale = args.locale or environment_locale() or pack.default_locale
    request = parse_check(body, default_role=args.role, locale=locale)
    result = check(pack, request)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        sys.stdout.write(render(_display_name(args.file), request.text, result))
        sys.stdout.flush()
        print(f"{result['verdict']}: {len(result['findings'])} finding(s)", file=sys.stderr)
    return EXIT_FINDINGS if result["verdict"] in ("warn", "block") else EXIT_OK


def failing_examples(pack: Pack) -> list[tuple[Rule, Example, str]]:
    """Every (rule, example, "flag" or "pass") where a rule gets its own example wrong."""
    failures = []
    for rule in pack.rules:
        for expected, examples in (("flag", rule.flag), ("pass", rule.passes)):
            for example in examples:
                if (rule.id in fired(pack, example.request)) != (expected == "flag"):
                    failures.append((rule, example, expected))
    return failures


def rules_validate(args: argparse.Namespace) -> int:
    """Load each pack and run its examples; exit 2 when a pack is refused, 1 when examples fail.

    A rule's examples belong to the pack that defines it: when a pack extends another, a
    failing example of an inherited rule is shown as a note (its examples were written for
    the parent's settings, such as its own phone numbers), not counted as a failure.
    """
    status = EXIT_OK
    for path in args.paths:
        try:
            pack = load_pack([path])
        except PackError as exc:
            print(f"{path}: refused\n{exc}")
            status = EXIT_USAGE
            continue
        root = Path(path).resolve()
        failures = notes = 0
        for rule, example, expected in failing_examples(pack):
            own = root in rule.path.resolve().parents
            verb = "does not flag" if expected == "flag" else "flags"
            line = f"{rule.path}:{example.line}: {rule.id} {verb} its example {example.request.text[:60]!r}"
            print(line if own else f"note: {line} (inherited; written for its own pack's settings)")
            failures, notes = failures + own, notes + (not own)
        verdict = "ok" if not failures else f"{failures} example(s) failed"
        if notes:
            verdict += f"; {notes} note(s) on inherited examples"
        print(f"{path}: {pack.rules_version}, {len(pack.rules)} rules, {verdict}")
        if failures and status == EXIT_OK:
            status = EXIT_FINDINGS
    return status


def rules_list(args: argparse.Namespace) -> int:
    """Print the rules of a pack."""
    pack = load_pack(args.rules)
    if args.format == "json":
        print(json.dumps(pack_listing(pack), ensure_ascii=False, indent=2))
    else:
        locale = args.locale or environment_locale() or pack.default_locale
        for r in pack.rules:
            print(f"{r.id:40} {r.severity:6} {r.guideline:4} {r.description[locale]}")
    return EXIT_OK


def rules_docs(args: argparse.Namespace) -> int:
    """Write the pack's rules as Markdown."""
    from checker.ruledocs import render

    text = render(load_pack(args.rules))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK
