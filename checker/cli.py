"""The `somecheck` command: serve, check, rules, service, doctor."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from checker import __version__
from checker.engine import check
from checker.pack import Example, Pack, PackError, Rule, load_pack
from checker.response import pack_listing
from checker.settings import Settings, SettingsError, read_token
from checker.text import Document
from checker.body import BadRequest, parse_check
from checker.vocabulary import ACCOUNTS, ATTACHMENT_TYPES, CONTEXTS, LOCALES, PLATFORMS, ROLES

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXTENSION_DIR = Path(__file__).resolve().parent.parent / "extension"


def _rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", type=Path, metavar="PATH",
                        help="a rule pack folder (repeat to layer packs); default: the bundled pack")


def _log_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log-level", choices=("debug", "info", "warning", "error"), default="info",
                        help="how much the service logs (default info); post texts are never logged")
    parser.add_argument("--log-file", type=Path, help="append the log to this file (default: standard error)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="somecheck", description="Check social-media posts "
                                     "against your organization's guidelines, locally.")
    parser.add_argument("--version", action="version", version=f"somecheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the checker service for the browser extension")
    serve.add_argument("--host", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 8765)")
    _rules_option(serve)
    serve.add_argument("--token-file", type=Path, help="require 'Authorization: Bearer' with the token in this file")
    serve.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                       help="an allowed Origin pattern (default chrome-extension://* and moz-extension://*)")
    serve.add_argument("--allow-host", action="append", metavar="NAME", help="a Host name allowed besides loopback")
    serve.add_argument("--max-body", type=int, metavar="BYTES", help="largest request body (default 262144)")
    serve.add_argument("--role", choices=ROLES, help="role assumed when a request gives none (default staff)")
    serve.add_argument("--locale", choices=LOCALES, help="message language when a request gives none")
    serve.add_argument("--threads", type=int, help="threads serving requests, per worker (default 8)")
    serve.add_argument("--workers", type=int, help="processes serving requests (default 1); more than 1 "
                       "runs under gunicorn on Linux and macOS, waitress with more threads on Windows")
    serve.add_argument("--timeout", type=int, metavar="SECONDS",
                       help="drop a client that sends or reads nothing for this long (default 15)")
    serve.add_argument("--server", choices=("auto", "gunicorn", "waitress"), default="auto",
                       help="WSGI server (default: waitress for one worker, gunicorn for several)")
    _log_options(serve)

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
    _rules_option(doctor)
    doctor.add_argument("--token-file", type=Path, help="the token the extension is given")

    chk = commands.add_parser("check", help="check a text file or standard input")
    chk.add_argument("file", nargs="?", default="-", help="the text to check, or - for standard input")
    _rules_option(chk)
    chk.add_argument("--platform", choices=PLATFORMS, default="other")
    chk.add_argument("--account", choices=ACCOUNTS, default="personal")
    chk.add_argument("--role", choices=ROLES, default="staff")
    chk.add_argument("--context", choices=CONTEXTS, default="post")
    chk.add_argument("--locale", choices=LOCALES, help="message language (default: the pack's)")
    chk.add_argument("--attach", action="append", choices=ATTACHMENT_TYPES, default=[],
                     help="an attachment of this type (repeatable)")
    chk.add_argument("--now", help="the moment of posting, ISO-8601 with offset (default: now)")
    chk.add_argument("--format", choices=("text", "json"), default="text")

    rules = commands.add_parser("rules", help="validate, list or document rule packs")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    validate = rules_commands.add_parser("validate", help="load packs and run every rule's examples")
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    listing = rules_commands.add_parser("list", help="list the rules of a pack")
    _rules_option(listing)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    docs = rules_commands.add_parser("docs", help="write the rules as Markdown")
    _rules_option(docs)
    docs.add_argument("--output", type=Path, help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "serve":
            return serve(args)
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


def settings_from(args: argparse.Namespace) -> Settings:
    """Environment first, then the flags given."""
    settings = Settings.from_env()
    for flag, attr in (("host", "host"), ("port", "port"), ("max_body", "max_body"),
                       ("role", "default_role"), ("locale", "default_locale"), ("threads", "threads"),
                       ("workers", "workers"), ("timeout", "timeout")):
        if getattr(args, flag, None) is not None:
            setattr(settings, attr, getattr(args, flag))
    if getattr(args, "rules", None):
        settings.rules = args.rules
    if getattr(args, "token_file", None):
        settings.token = read_token(args.token_file)
    if getattr(args, "allow_origin", None):
        settings.allow_origins = args.allow_origin
    if getattr(args, "allow_host", None):
        settings.allow_hosts = args.allow_host
    settings.validate()
    return settings


def serve(args: argparse.Namespace) -> int:
    """Start the service and say where it is and how to load the extension."""
    from checker import server
    from checker.app import create_app

    settings = settings_from(args)
    if settings.workers < 1 or settings.threads < 1 or settings.timeout < 1:
        raise SettingsError("--workers, --threads and --timeout must be at least 1")
    _configure_logging(args.log_level, args.log_file)
    app = create_app(settings)          # loads the rules now: a bad pack stops here, exit 2
    pack = app.extensions["somecheck"]["store"].pack
    try:
        name = server.choose(settings, args.server)
    except server.ServerError as exc:
        raise SettingsError(str(exc)) from exc
    problem = port_problem(settings.host, settings.port)
    if problem:
        print(f"somecheck: cannot listen on {settings.host}:{settings.port}: {problem}. "
              f"Is another checker already running? Try --port, or `somecheck doctor`.", file=sys.stderr)
        return EXIT_USAGE
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    processes = f"{settings.workers} worker(s) x {settings.threads} threads" if name == "gunicorn" \
        else f"{settings.threads * settings.workers} threads"
    print(f"SomeCheck {__version__} is checking at http://{host}:{settings.port}/ "
          f"with rules {pack.rules_version} ({len(pack.rules)} rules), {name}, {processes}.")
    where = EXTENSION_DIR if EXTENSION_DIR.is_dir() else "the extension/ folder of SomeCheck"
    print(f"Load the extension: in Chrome or Edge open chrome://extensions, turn on Developer mode,\n"
          f"choose 'Load unpacked' and pick {where}\n"
          f"(Firefox: about:debugging > This Firefox > Load Temporary Add-on > manifest.json).\n"
          f"Press Ctrl+C to stop.", flush=True)
    first = [app]

    def factory():  # the app already built serves the first (or only) process
        return first.pop() if first else create_app(settings)

    try:
        server.run(factory, settings, server=name, log_level=args.log_level,
                   log_file=str(args.log_file) if args.log_file else None)
    except OSError as exc:
        print(f"somecheck: cannot listen on {settings.host}:{settings.port}: {exc.strerror}. "
              f"Is another checker already running? Try --port.", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        pass
    return EXIT_OK


def _configure_logging(level: str, log_file: Path | None) -> None:
    import logging

    handler: logging.Handler = (logging.FileHandler(log_file, encoding="utf-8") if log_file
                                else logging.StreamHandler())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def port_problem(host: str, port: int) -> str | None:
    """Why the service could not listen on host:port, or None when it can."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        if sys.platform != "win32":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


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


def check_command(args: argparse.Namespace) -> int:
    """Check one text; exit 0 for ok or info, 1 for warn or block."""
    pack = load_pack(args.rules)
    body = {"text": _read_text(args.file), "platform": args.platform, "account": args.account,
            "role": args.role, "context": args.context,
            "attachments": [{"type": t} for t in args.attach]}
    if args.now:
        body["now"] = args.now
    request = parse_check(body, default_role=args.role, locale=args.locale or pack.default_locale)
    result = check(pack, request)
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        doc = Document(request.text)
        for f in result["findings"]:
            line, col = doc.line_col(doc.from_utf16(f["start"]))
            print(f"{line}:{col} {f['severity']} {f['rule']} {f['message']}")
        print(f"{result['verdict']}: {len(result['findings'])} finding(s)", file=sys.stderr)
    return EXIT_FINDINGS if result["verdict"] in ("warn", "block") else EXIT_OK


def failing_examples(pack: Pack) -> list[tuple[Rule, Example, str]]:
    """Every (rule, example, "flag" or "pass") where a rule gets its own example wrong."""
    failures = []
    for rule in pack.rules:
        for expected, examples in (("flag", rule.flag), ("pass", rule.passes)):
            for example in examples:
                fired = any(f["rule"] == rule.id for f in check(pack, example.request)["findings"])
                if fired != (expected == "flag"):
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
        for r in pack.rules:
            print(f"{r.id:40} {r.severity:6} {r.guideline:4} {r.description['en']}")
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
