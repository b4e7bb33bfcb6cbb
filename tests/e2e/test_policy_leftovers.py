"""A policy file that an interrupted e2e run left behind is recognized and replaced; anyone
else's file at the same path stops the test untouched (e2e_policy.installed)."""

from __future__ import annotations

import json

import pytest

import e2e_policy
from e2e_policy import installed


@pytest.fixture
def record(tmp_path, monkeypatch):
    monkeypatch.setattr(e2e_policy, "WRITTEN", tmp_path / "written.json")
    return tmp_path / "written.json"


def test_a_file_a_stopped_run_left_is_replaced_and_removed_after(tmp_path, record):
    path = tmp_path / "policies.json"
    with installed(path, {"policies": {"old": 1}}):
        pass
    assert not path.exists() and json.loads(record.read_text()) == {}
    # A run stopped inside the `with`: the file and its record stay behind.
    stopped = installed(path, {"policies": {"old": 1}})
    stopped.__enter__()
    assert path.exists()
    with installed(path, {"policies": {"new": 2}}):
        assert json.loads(path.read_text()) == {"policies": {"new": 2}}
    assert not path.exists()


def test_someone_elses_file_is_never_overwritten(tmp_path, record):
    path = tmp_path / "policies.json"
    path.write_text('{"policies": {"theirs": true}}')
    with pytest.raises(AssertionError, match="not overwriting"):
        with installed(path, {"policies": {"ours": 1}}):
            pass
    assert path.read_text() == '{"policies": {"theirs": true}}'
    # A file of ours that someone changed since is theirs now.
    mine = tmp_path / "mine.json"
    stopped = installed(mine, {"policies": {"ours": 1}})
    stopped.__enter__()
    mine.write_text('{"policies": {"edited": true}}')
    with pytest.raises(AssertionError, match="not overwriting"):
        with installed(mine, {"policies": {"ours": 1}}):
            pass
    assert mine.read_text() == '{"policies": {"edited": true}}'
