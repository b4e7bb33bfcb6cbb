"""The labelled sets (main, holdout, dev, third, names, fourth, probe, probe2, probe3, probe4, probe5,
cleanprobe) stay consistent: spans verbatim, valid identifiers where labelled,
invalid look-alikes unlabelled, phone numbers and weekdays as labelled (validate_corpus.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from validate_corpus import main  # noqa: E402


@pytest.mark.parametrize("folder", [HERE, HERE / "holdout", HERE / "dev", HERE / "third", HERE / "names",
                                    HERE / "fourth", HERE / "probe", HERE / "probe2", HERE / "probe3", HERE / "probe4",
                                    HERE / "probe5", HERE / "cleanprobe"],
                         ids=["main", "holdout", "dev", "third", "names", "fourth", "probe", "probe2", "probe3", "probe4",
                              "probe5", "cleanprobe"])
def test_corpus_labels_are_consistent(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status = main(folder)
    output = capsys.readouterr().out
    assert status == 0, "\n".join(line for line in output.splitlines() if line.startswith("ERROR"))
    assert "0 errors" in output
