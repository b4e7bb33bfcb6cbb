"""`somecheck serve`: its options, and running the service until it is stopped.

The command line (checker/cli.py) and the background supervisor (checker/autostart/) both
come here; this module imports neither.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checker import __version__
from checker.options import log_options, rules_option
from checker.pack import PackError
from checker.settings import Settings, SettingsError
from checker.vocabulary import LOCALES, ROLES

EXIT_OK, EXIT_USAGE = 0, 2
EXTENSION_DIR = Path(__file__).resolve().parent.parent / "extension"


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of `somecheck serve`."""
    parser.add_argument("--host", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 8765)")
    rules_option(parser)
    parser.add_argument("--token-file", type=Path, help="require 'Authorization: Bearer' with the token in this file")
    parser.add_argument("--allow-origin", action="append", metavar="ORIGIN",
                        help="an allowed Origin pattern (default chrome-extension://* and moz-extension://*)")
    parser.add_argument("--allow-host", action="append", metavar="NAME", help="a Host name allowed besides loopback")
    parser.add_argument("--max-body", type=int, metavar="BYTES", help="largest request body (default 262144)")
    parser.add_argument("--role", choices=ROLES, help="role assumed when a request gives none (default staff)")
    parser.add_argument("--locale", choices=LOCALES, help="message language when a request gives none")
    parser.add_argument("--threads", type=int, help="threads serving requests, per worker (default 8)")
    parser.add_argument("--workers", type=int, help="processes serving requests (default 1); more than 1 "
                        "runs under gunicorn on Linux and macOS, waitress with more threads on Windows")
    parser.add_argument("--timeout", type=int, metavar="SECONDS",
                        help="drop a client that sends or reads nothing for this long (default 15)")
    parser.add_argument("--server", choices=("auto", "gunicorn", "waitress"), default="auto",
                        help="WSGI server (default: waitress for one worker, gunicorn for several)")
    log_options(parser)


def parse(serve_args: list[str]) -> argparse.Namespace:
    """`somecheck serve` options given as words; SystemExit(2) when they are not valid."""
    parser = argparse.ArgumentParser(prog="somecheck serve")
    add_options(parser)
    return parser.parse_args(serve_args)


def serve(args: argparse.Namespace) -> int:
    """Start the service and say where it is and how to load the extension; exit status 2,
    with the reason, when the settings or the rules cannot be used."""
    try:
        return _serve(args)
    except PackError as exc:
        print(f"somecheck: the rule pack was refused:\n{exc}", file=sys.stderr)
    except SettingsError as exc:
        print(f"somecheck: {exc}", file=sys.stderr)
    return EXIT_USAGE


def _serve(args: argparse.Namespace) -> int:
    from checker.memory import limit_arenas, paused_gc

    limit_arenas()                      # before any serving thread starts (checker/memory.py)
    settings = Settings.from_args(args)
    if settings.workers < 1 or settings.threads < 1 or settings.timeout < 1:
        raise SettingsError("--workers, --threads and --timeout must be at least 1")
    _configure_logging(args.log_level, args.log_file)
    with paused_gc():                   # the modules and the pack: objects that all live on
        from checker import server
        from checker.app import create_app

        app = create_app(settings)      # loads the rules now: a bad pack stops here, exit 2
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
