"""Run the Flask app under a production WSGI server.

One process (the default, and everywhere `gunicorn` cannot run, i.e. Windows): waitress,
multi-threaded. Several processes (`--workers N`, N > 1, on Linux and macOS): gunicorn with
threaded workers, each building its own app from the same settings. The service keeps no
state between requests, so any process can answer any request.

Slow clients: both servers drop a connection that sends nothing for `settings.timeout`
seconds, so a client that sends half a request cannot hold a thread or a worker.
"""

from __future__ import annotations

import errno
import logging
import socket
import sys
import time
from typing import Any, Callable

from checker.settings import Settings

log = logging.getLogger(__name__)

SERVERS = ("auto", "gunicorn", "waitress")


class ServerError(RuntimeError):
    """The chosen server cannot run here; the message says what to do instead."""


def gunicorn_available() -> bool:
    """gunicorn runs on POSIX systems only; it is installed there with SomeCheck."""
    if sys.platform == "win32":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def choose(settings: Settings, server: str = "auto") -> str:
    """Which server runs: waitress for one process, gunicorn for several where it can run."""
    if server == "gunicorn":
        if not gunicorn_available():
            raise ServerError("gunicorn cannot run here (it needs Linux or macOS and "
                              "`pip install gunicorn`); use --server waitress")
        return "gunicorn"
    if server == "waitress":
        return "waitress"
    return "gunicorn" if settings.workers > 1 and gunicorn_available() else "waitress"


ROUTES = ("/v1/check", "/v1/rules", "/v1/health")


class RequestLog:
    """WSGI middleware: one DEBUG line per request with what is safe to log.

    The method, the route (only one of the API's own; anything else is "other"), the status,
    the sizes and the time: never the body, the query, the headers or an unknown path, since
    any of them could carry the text of a post.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if not log.isEnabledFor(logging.DEBUG):
            return self.app(environ, start_response)
        started = time.perf_counter()
        status_seen: list[str] = []

        def record(status: str, headers: list, exc_info: Any = None) -> Any:
            status_seen.append(status.split(" ", 1)[0])
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        result = self.app(environ, record)
        path = environ.get("PATH_INFO", "")
        log.debug("%s %s -> %s, %s bytes in, %.1f ms", environ.get("REQUEST_METHOD", "?")[:8],
                  path if path in ROUTES else "(other path)", status_seen[0] if status_seen else "?",
                  environ.get("CONTENT_LENGTH") or 0, (time.perf_counter() - started) * 1000)
        return result


def run(app_factory: Callable[[], Any], settings: Settings, server: str = "auto",
        log_level: str = "info", log_file: str | None = None) -> str:
    """Serve until stopped. `app_factory` builds the WSGI app (called once per process)."""
    name = choose(settings, server)
    log.info("serving on %s:%s with %s (%d worker(s), %d threads, timeout %d s)", settings.host,
             settings.port, name, settings.workers if name == "gunicorn" else 1,
             settings.threads if name == "gunicorn" else settings.threads * settings.workers,
             settings.timeout)
    inner = app_factory
    app_factory = lambda: RequestLog(inner())  # noqa: E731
    if name == "gunicorn":
        _run_gunicorn(app_factory, settings, log_level, log_file)
    else:
        if settings.workers > 1:
            log.warning("waitress runs one process: serving with %d threads instead of %d workers",
                        settings.threads * settings.workers, settings.workers)
        _run_waitress(app_factory(), settings)
    return name


def _run_waitress(app: Any, settings: Settings) -> None:
    import waitress

    threads = settings.threads * max(1, settings.workers)
    waitress.serve(app, host=settings.host, port=settings.port, threads=threads,
                   channel_timeout=settings.timeout,
                   # how often idle connections are looked for: often enough to honour the timeout
                   cleanup_interval=max(1, min(30, settings.timeout // 2 or 1)),
                   # waitress buffers a body before the app sees it: refuse huge ones early
                   # (the app answers the contract's JSON 413 for anything up to this size)
                   max_request_body_size=16 * settings.max_body,
                   ident="somecheck", _quiet=True)


# --- gunicorn ---------------------------------------------------------------------------------

class _DeadlineSocket(socket.socket):
    """A client socket whose blocking mode always has a timeout.

    gunicorn's threaded worker reads a request with a blocking socket and no timeout, so a
    client that sends half a request would hold a thread for ever. Swapped onto the accepted
    socket (same layout, no extra slots), `setblocking(True)` becomes `settimeout(limit)`,
    and a timeout is reported as a closed connection, which gunicorn drops quietly.
    """

    __slots__ = ()
    limit: float = 15.0

    def setblocking(self, flag: bool) -> None:  # noqa: FBT001 - socket's own signature
        if flag:
            self.settimeout(self.limit)
        else:
            super().setblocking(False)

    def _timed(self, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except socket.timeout:
            log.info("closed a connection that sent or read nothing for %s s", self.limit)
            try:    # cut it off: whatever the app answers next is not sent and not kept alive
                self.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            raise OSError(errno.ENOTCONN, "client too slow") from None

    def recv(self, *args: Any) -> bytes:
        return self._timed(super().recv, *args)

    def recv_into(self, *args: Any) -> int:
        return self._timed(super().recv_into, *args)

    def sendall(self, *args: Any) -> None:
        return self._timed(super().sendall, *args)

    def send(self, *args: Any) -> int:
        return self._timed(super().send, *args)


def _deadline_worker_class(limit: float) -> type:
    from gunicorn.workers.gthread import ThreadWorker

    deadline = type("_Deadline", (_DeadlineSocket,), {"__slots__": (), "limit": float(limit)})

    class DeadlineThreadWorker(ThreadWorker):
        """gunicorn's threaded worker with a read/write timeout on every client socket."""

        def handle(self, conn: Any) -> Any:
            if type(conn.sock) is socket.socket:  # plain TCP (TLS is the reverse proxy's job)
                conn.sock.__class__ = deadline
            return super().handle(conn)

    return DeadlineThreadWorker


def _run_gunicorn(app_factory: Callable[[], Any], settings: Settings, log_level: str,
                  log_file: str | None) -> None:
    from gunicorn.app.base import BaseApplication

    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    options = {
        "bind": f"{host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": _deadline_worker_class(settings.timeout),
        "threads": settings.threads,
        "timeout": max(30, settings.timeout * 2),   # a worker stuck this long is restarted
        "graceful_timeout": 10,
        "keepalive": 5,
        "limit_request_line": 4094,
        "limit_request_fields": 50,
        "accesslog": None,                          # requests are not logged (posts are private)
        "errorlog": log_file or "-",
        # gunicorn's own debug lines carry request paths and headers: never below info
        "loglevel": log_level if log_level in ("warning", "error") else "info",
        "proc_name": "somecheck",
        "preload_app": False,
        "control_socket_disable": True,             # gunicorn >= 24: no control socket in $HOME
    }

    class SomeCheckApplication(BaseApplication):
        """gunicorn, configured from Settings, serving apps built by create_app(settings)."""

        def load_config(self) -> None:
            for key, value in options.items():
                if key in self.cfg.settings:        # settings unknown to an older gunicorn: skip
                    self.cfg.set(key, value)

        def load(self) -> Any:
            return app_factory()

    SomeCheckApplication().run()
