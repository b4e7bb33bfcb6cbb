"""Fixtures for the deployment tests: real served processes."""

from __future__ import annotations

import pytest

from deploy_served import Served

# Each way SomeCheck is served in production: gunicorn with several workers (Linux, macOS)
# and waitress (one process, many threads; Windows and the default).
SERVERS = {
    "gunicorn-3-workers": ("--server", "gunicorn", "--workers", "3", "--threads", "4"),
    "waitress": ("--server", "waitress", "--threads", "4"),
}


@pytest.fixture(scope="module", params=sorted(SERVERS))
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp(request.param)
    with Served(tmp, *SERVERS[request.param], "--timeout", "2") as server:
        server.name = request.param
        yield server
