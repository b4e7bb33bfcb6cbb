"""The frequent-word list the engine chooses its triggers by is fresh (checker/commongen.py)."""

from __future__ import annotations

from checker import commongen
from checker.plan import common_words


def test_the_common_words_list_is_up_to_date() -> None:
    assert commongen.TARGET.read_text(encoding="utf-8") == commongen.generate(), \
        "run `python -m checker.commongen`"


def test_the_most_frequent_words_weigh_most() -> None:
    """1 / rank in each language's list, summed over the languages a word is frequent in."""
    weights = common_words()
    assert 1.0 <= weights["the"] < 1.1 and weights["är"] == 1.0 and 1.0 <= weights["ja"] < 1.1
    assert weights["on"] > 0.5           # second in Finnish, and frequent in English too
    assert "idiootti" not in weights and len(weights) > 400
