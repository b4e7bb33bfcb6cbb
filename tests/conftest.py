"""Shared fixtures: the bundled pack, loaded once."""

from __future__ import annotations

import pytest

from checker.pack import Pack, load_pack


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack()
