"""Languages as data: one file per text language, read into the detectors and kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import langdata
from checker.kinds import dates, identifier
from checker.langid import FUNCTION_WORDS, LANGUAGES

FOLDER = Path(langdata.__file__).parent


def test_one_file_per_text_language_and_nothing_else() -> None:
    assert sorted(p.stem for p in FOLDER.glob("*.yaml")) == sorted(langdata.TEXT_LANGUAGES)
    assert LANGUAGES == langdata.TEXT_LANGUAGES


@pytest.mark.parametrize("lang", langdata.TEXT_LANGUAGES)
def test_each_file_reaches_the_code(lang: str) -> None:
    data = langdata.load(lang)
    assert FUNCTION_WORDS[lang] == data.function_words
    assert dates.WEEKDAY_NAMES[lang] == list(data.weekdays)
    assert all(dates.MONTH_NUMBER[m] == i + 1 for i, m in enumerate(data.months))
    assert set(data.street_suffixes) <= set(identifier.STREET_SUFFIXES)


def test_yaml_booleans_stay_words() -> None:
    assert "on" in langdata.load("fi").function_words      # YAML 1.1 would read a bare on as true


FINNISH = (FOLDER / "fi.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, message", [
    ("function_words: [a]\n", "langdata/xx.yaml"),
    (FINNISH.replace("other_sense: [et, vaan]", "other_sense: [et, kissa]"), "other_sense names only"),
], ids=["missing lists", "other sense of no clause word"])
def test_a_malformed_file_is_refused_with_its_name(tmp_path, monkeypatch, text: str, message: str) -> None:
    (tmp_path / "xx.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(langdata, "resources", type("R", (), {"files": staticmethod(lambda _: tmp_path)}))
    langdata.load.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            langdata.load("xx")
    finally:
        langdata.load.cache_clear()
