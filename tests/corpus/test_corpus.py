"""The bundled pack measured on the labelled corpus must meet its targets (issue 3), and on
the held-out set (written without seeing the rules) must not fall below the floors it
reached, so that a change to the rules that only fits the main corpus shows up."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import HERE, evaluate, load_items  # noqa: E402

RECALL = {"profanity": 0.95, "privacy": 0.95, "hate": 0.95, "incitement": 0.95,
          "insult": 0.90, "accusation": 0.90, "confidentiality": 0.90}
PRECISION = {category: 0.95 for category in RECALL}
MAX_CLEAN_ALARMS = 0.02
HOLDOUT_RECALL = 0.85       # the held-out set reached 0.89-1.00 for these categories
HOLDOUT_PRECISION = 0.90    # and 0.93-1.00


@pytest.fixture(scope="module")
def result(pack):
    return evaluate(pack)


@pytest.fixture(scope="module")
def holdout(pack):
    return evaluate(pack, load_items(folder=HERE / "holdout"))


@pytest.mark.parametrize("category", sorted(RECALL))
def test_holdout_floor(holdout, category) -> None:
    recall, precision = holdout.recall(category), holdout.precision(category)
    assert recall is not None and recall >= HOLDOUT_RECALL, f"{category} held-out recall {recall}"
    assert precision is not None and precision >= HOLDOUT_PRECISION, f"{category} held-out precision {precision}"
    assert holdout.clean_alarm_rate <= MAX_CLEAN_ALARMS


@pytest.mark.parametrize("category", sorted(RECALL))
def test_recall(result, category) -> None:
    recall = result.recall(category)
    assert recall is not None and recall >= RECALL[category], \
        f"{category} recall {recall}; misses:\n" + "\n".join(m for m in result.misses if m.startswith(f"[{category}]"))


@pytest.mark.parametrize("category", sorted(PRECISION))
def test_precision(result, category) -> None:
    precision = result.precision(category)
    assert precision is not None and precision >= PRECISION[category], \
        f"{category} precision {precision}; false alarms:\n" + "\n".join(
            m for m in result.false_alarms if m.startswith(f"[{category}]"))


def test_clean_posts_rarely_warned(result) -> None:
    assert result.clean_alarm_rate <= MAX_CLEAN_ALARMS, \
        "clean posts with warn/block:\n" + "\n".join(result.clean_alarms)
