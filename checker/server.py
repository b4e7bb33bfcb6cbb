"""Run the Flask app: waitress speaks HTTP, in one process or in several under gunicorn.

One process (the default, and Windows): waitress, multi-threaded. Several processes
(`--workers N`, N > 1, on Linux and macOS): gunicorn's arbiter starts, watches and restarts
the processes, and each runs waitress on the shared listening socket through `Worker`,
gunicorn's documented base for worker classes. So HTTP is always read by waitress:

- slow clients: waitress reads requests without a thread and hands only complete ones to
  its threads; a connection silent for `settings.timeout` seconds is closed;
- errors the HTTP layer finds (a body over its limit, a malformed chunk, bad headers) are
  the contract's JSON 4xx, and no part of the request reaches a log line;
- SIGTERM (and Ctrl-C) stops accepting, lets the requests in flight be answered for up to
  DRAIN seconds, logs what it did and exits 0.
"""

from __future__ import annotations

import json
import logging
import os
import signal
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
        serve(app_factory(), settings, threads=settings.threads * max(1, settings.workers))
    return name


# --- waitress ---------------------------------------------------------------------------------

DRAIN = 10.0        # seconds the requests in flight get to finish after SIGTERM

# The HTTP layer's own refusals (by waitress's status) as the contract's errors (status, code,
# message). Nothing of the request is quoted.
HTTP_ERRORS = {
    400: (400, "bad_request", "the request is not valid HTTP (its headers or chunked body are malformed)"),
    413: (413, "too_large", "the body is larger than the limit of {max_body} bytes"),
    431: (400, "bad_request", "the request's headers are too large"),
    501: (400, "bad_request", "the request uses an HTTP feature this service does not support"),
}


def _json_errors(settings: Settings) -> type:
    """waitress's channel, with its error responses in the contract's JSON."""
    from waitress.channel import HTTPChannel
    from waitress.task import ErrorTask

    class JSONErrorTask(ErrorTask):
        def execute(self) -> None:
            status, name, message = HTTP_ERRORS.get(self.request.error.code, (
                500, "internal_error", "the checker failed on this request; it keeps running"))
            body = json.dumps({"error": {"code": name, "message": message.format(
                max_body=settings.max_body)}}).encode()
            self.status = {400: "400 Bad Request", 413: "413 Payload Too Large"}.get(
                status, "500 Internal Server Error")
            self.response_headers.append(("Content-Type", "application/json"))
            self.set_close_on_finish()
            self.content_length = len(body)
            self.write(body)

    class JSONErrorChannel(HTTPChannel):
        error_task_class = JSONErrorTask

    return JSONErrorChannel


def serve(app: Any, settings: Settings, threads: int, sockets: list[socket.socket] | None = None,
          tick: Callable[[], bool] | None = None) -> None:
    """Serve `app` with waitress until SIGTERM or SIGINT (or `tick`, called between rounds
    of the loop, answers False), then drain and return."""
    import waitress
    from waitress import wasyncore
    from waitress.channel import HTTPChannel
    from waitress.server import BaseWSGIServer

    where: dict[str, Any] = {"sockets": sockets} if sockets else {
        "host": settings.host, "port": settings.port}
    server = waitress.create_server(
        app, threads=threads, channel_timeout=settings.timeout,
        # how often idle connections are looked for: often enough to honour the timeout
        cleanup_interval=max(1, min(30, settings.timeout // 2 or 1)),
        # waitress buffers a body before the app sees it: refuse huge ones early (the app
        # answers the same JSON 413 for anything between the two limits)
        max_request_body_size=16 * settings.max_body,
        asyncore_use_poll=True, ident="somecheck", **where)
    task_map = server.map if hasattr(server, "map") else server._map   # several sockets, or one
    listeners = [d for d in task_map.values() if isinstance(d, BaseWSGIServer)]
    channel = _json_errors(settings)
    for listener in listeners:
        listener.channel_class = channel

    # The signal only sets a flag: waitress's loop swallows exceptions raised inside it.
    stopping: list[str] = []

    def stop(signum: int, _frame: Any) -> None:
        stopping.append(signal.Signals(signum).name)

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        while not stopping:
            wasyncore.loop(timeout=0.25, map=task_map, use_poll=True, count=1)
            if tick is not None and not tick():
                stopping.append("the gunicorn arbiter is gone")
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    reason = stopping[0]
    # Stop accepting; answer what is in flight; then close everything.
    for listener in listeners:
        listener.accepting = False
        listener.del_channel()
        listener.socket.close()
    began = time.monotonic()

    def in_flight() -> list[Any]:      # received in part or whole, or being answered
        return [d for d in list(task_map.values()) if isinstance(d, HTTPChannel)
                and (d.request is not None or d.requests or d.total_outbufs_len)]

    busy = len(in_flight())
    while in_flight() and time.monotonic() - began < DRAIN:
        wasyncore.loop(timeout=0.05, map=task_map, use_poll=True, count=1)
    cut = len(in_flight())
    server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
    wasyncore.close_all(task_map)
    log.info("stopped (%s): %d request(s) in flight answered, %d cut off after %.0f s, in %.1f s",
             reason, busy - cut, cut, DRAIN, time.monotonic() - began)


# --- gunicorn: the arbiter manages processes, each serving with waitress ----------------------

def _waitress_worker_class(settings: Settings) -> type:
    from gunicorn.workers.base import Worker

    class WaitressWorker(Worker):
        """A gunicorn worker that serves with waitress on the arbiter's listening sockets."""

        def run(self) -> None:
            own = [socket.socket(fileno=os.dup(listener.fileno())) for listener in self.sockets]
            serve(self.wsgi, settings, threads=settings.threads, sockets=own, tick=self._tick)

        last_beat = 0.0

        def _tick(self) -> bool:
            """Tell the arbiter, once a second, that this process lives (from the serving loop,
            so a stuck loop is noticed and restarted); go on only while the arbiter is there."""
            now = time.monotonic()
            if now - self.last_beat >= 1.0:
                self.last_beat = now
                self.notify()
            return os.getppid() == self.ppid

    return WaitressWorker


def _run_gunicorn(app_factory: Callable[[], Any], settings: Settings, log_level: str,
                  log_file: str | None) -> None:
    from gunicorn.app.base import BaseApplication

    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    options = {
        "bind": f"{host}:{settings.port}",
        "workers": settings.workers,
        "worker_class": _waitress_worker_class(settings),
        "timeout": 30,                              # a worker silent this long is restarted
        "graceful_timeout": int(DRAIN) + 5,            # after SIGTERM: the workers drain first
        "accesslog": None,                          # requests are not logged (posts are private)
        "errorlog": log_file or "-",
        "loglevel": log_level if log_level in ("warning", "error") else "info",
        "proc_name": "somecheck",
        "preload_app": False,
        "control_socket_disable": True,             # gunicorn >= 24: no control socket in $HOME
        "on_exit": lambda _arbiter: log.info("stopped: every worker has finished"),
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
