"""The facts a language version states in words rather than digits (see checker/kinds/facts.py):
numbers ("kaksi", "två"), hours ("klockan sex", "halv sex"), a price of nothing ("maksuton",
"gratis"), holidays with a fixed date ("jouluaattona", "julafton"), short weekdays and words
for a group of days ("ma", "vardagar"). They only ever confirm a fact of the other version;
they are never reported themselves. One regex per language finds the words that can be one."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

FI_SHORT_DAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
SV_SHORT_DAYS = (("må", "mån"), ("ti", "tis"), ("on", "ons"), ("to", "tor", "tors"), ("fr", "fre"),
                 ("lö", "lör"), ("sö", "sön"))
# Numbers written as words. Finnish numerals inflect (kaksi, kahden, kahdelle, kahta), so they
# are known by their stems, the longest first ("kahdeksan" before "kahden"); "-toista" and
# "-kymmentä" build the teens and tens. Ordinals count too ("kolmas", "tredje"): they name days.
FI_NUMBER_STEMS = dict(sorted({
    "yks": 1, "yhd": 1, "yht": 1, "ensimmäi": 1, "kaks": 2, "kahd": 2, "kaht": 2, "toinen": 2, "toisen": 2,
    "kolm": 3, "nelj": 4, "viis": 5, "viid": 5, "viit": 5, "kuus": 6, "kuud": 6, "kuut": 6,
    "seitsem": 7, "seittem": 7, "kahdeks": 8, "kaheks": 8, "yhdeks": 9, "yheks": 9, "kymmen": 10,
    "sata": 100, "sada": 100, "tuha": 1000,
}.items(), key=lambda item: -len(item[0])))
FRACTIONS = {"puolitoista": Decimal("1.5"), "puolentoista": Decimal("1.5"), "halvannan": Decimal("1.5")}
SV_NUMBERS = {word: number for number, forms in {
    1: "en ett första", 2: "två andra", 3: "tre tredje", 4: "fyra fjärde", 5: "fem femte",
    6: "sex sjätte", 7: "sju sjunde", 8: "åtta åttonde", 9: "nio nionde", 10: "tio tionde",
    11: "elva elfte", 12: "tolv tolfte", 13: "tretton", 14: "fjorton", 15: "femton", 16: "sexton",
    17: "sjutton", 18: "arton", 19: "nitton", 20: "tjugo", 30: "trettio", 40: "fyrtio",
    50: "femtio", 60: "sextio", 70: "sjuttio", 80: "åttio", 90: "nittio", 100: "hundra",
    1000: "tusen",
}.items() for word in forms.split()}
# Words for a price of nothing ("ilmainen", "maksuton", "gratis", "avgiftsfri"), by stem.
FREE_STEMS = {"fi": ("ilmai", "maksuto", "maksutta"), "sv": ("gratis", "avgiftsfri", "kostnadsfri", "fritt")}
# Words for an hour: noon and midnight.
HOUR_STEMS = {"fi": (("keskipäiv", 12), ("puoliltapäivin", 12), ("keskiyö", 0)),
              "sv": (("middagstid", 12), ("midnatt", 0))}
# Words after which an hour under 12 is in the afternoon or evening ("kl. 3 på eftermiddagen").
PM_STEMS = {"fi": ("iltapäiv", "illal", "illan", "iltaisin"), "sv": ("eftermidda", "kväll")}
PM = ("afternoon",)
HALF_WORDS = frozenset({"puoli", "halv"})       # "puoli kuusi", "halv sex": half past five
# Words for a group of days: "arkisin" and "vardagar" say Monday to Friday ("ma–pe" in the other
# version), "viikonloppuna" and "helgen" Saturday and Sunday, "päivittäin" and "dagligen" every day.
WORKDAYS, WEEKEND, EVERY_DAY = range(5), (5, 6), range(7)
DAY_GROUPS = {
    "fi": (("arkisin", WORKDAYS), ("arkipäiv", WORKDAYS), ("arkena", WORKDAYS),
           ("viikonlop", WEEKEND), ("päivittäi", EVERY_DAY)),
    "sv": (("vardag", WORKDAYS), ("veckoslut", WEEKEND), ("helg", WEEKEND), ("dagligen", EVERY_DAY),
           ("dygnet", EVERY_DAY)),
}
# Holidays on a fixed date, by the stem of their name (inflected and compounded forms).
HOLIDAYS = {
    "fi": (("jouluaat", (24, 12)), ("joulupäiv", (25, 12)), ("tapaninpäiv", (26, 12)),
           ("uudenvuodenaat", (31, 12)), ("uudenvuodenpäiv", (1, 1)), ("loppiai", (6, 1)),
           ("itsenäisyyspäiv", (6, 12)), ("vappuaat", (30, 4)), ("vappu", (1, 5)), ("vapun", (1, 5))),
    "sv": (("julafton", (24, 12)), ("juldag", (25, 12)), ("annandag", (26, 12)),
           ("nyårsafton", (31, 12)), ("nyårsdag", (1, 1)), ("trettondag", (6, 1)),
           ("självständighetsdag", (6, 12)), ("valborg", (30, 4))),
}


def words(text: str, lang: str) -> frozenset[tuple]:
    """The facts a version states in words: numbers ("kaksi", "två", "kahdelle", "tio"), hours
    ("kello kuusi", "klockan sex", "halv sex"), holidays with a fixed date ("jouluaattona",
    "på julafton") and short weekdays anywhere ("ma suljettu"). Only the words that can be
    one of these are looked at (one regex finds them)."""
    said: set[tuple] = set()
    regex = _candidates(lang)
    if regex is None:
        return frozenset()
    lower = text.lower()
    half_end = -1
    for m in regex.finditer(lower):
        word = m.group()
        half = half_end >= 0 and not lower[half_end:m.start()].strip()
        half_end = m.end() if word in HALF_WORDS else -1
        if word in FRACTIONS:
            said.add(("n", FRACTIONS[word]))
            continue
        if word.startswith(FREE_STEMS[lang]):
            said.update({("price", Decimal(0)), ("n", Decimal(0))})
        for stem, hour in HOUR_STEMS[lang]:
            if word.startswith(stem):
                said.update({("time", f"{hour}:00"), ("n", Decimal(hour or 24))})
        if word.startswith(PM_STEMS[lang]):
            said.add(PM)
        number = _number_word(word, lang)
        if number is not None:
            said.add(("n", Decimal(number)))
            if 1 <= number <= 12:
                for hour in {number % 12, number % 12 + 12}:
                    said.add(("time", f"{hour - 1}:30" if half else f"{hour}:00"))
        for stem, day_month in HOLIDAYS[lang]:
            if word.startswith(stem):
                said.add(("date", *day_month))
        day = short_day(word, lang)
        if day is not None:
            said.add(("weekday", day))
        for stem, days in DAY_GROUPS[lang]:
            if word.startswith(stem):
                said.update(("weekday", day) for day in days)
    return frozenset(said)


@lru_cache(maxsize=None)
def _candidates(lang: str) -> re.Pattern[str] | None:
    """One regex for every word `words` may read in the language: stems, then any ending."""
    if lang not in HOLIDAYS:
        return None
    stems = [*FREE_STEMS[lang], *(s for s, _ in HOUR_STEMS[lang]), *PM_STEMS[lang], *(s for s, _ in HOLIDAYS[lang]),
             *(s for s, _ in DAY_GROUPS[lang]), *(FI_NUMBER_STEMS if lang == "fi" else ())]
    exact = [*FRACTIONS, *HALF_WORDS, *(SV_NUMBERS if lang == "sv" else ()),
             *(FI_SHORT_DAYS if lang == "fi" else (f for forms in SV_SHORT_DAYS for f in forms))]
    alternation = "|".join(sorted({*map(re.escape, stems)}, key=len, reverse=True))
    words_only = "|".join(sorted({*map(re.escape, exact)}, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:(?:{alternation})\w*|(?:{words_only})(?!\w))")


def _number_word(word: str, lang: str) -> int | None:
    if lang == "sv":
        return SV_NUMBERS.get(word)
    if lang != "fi":
        return None
    stem = next((stem for stem in FI_NUMBER_STEMS if word.startswith(stem)), None)
    if stem is None:
        return None
    value, rest = FI_NUMBER_STEMS[stem], word[len(stem):]
    if "toista" in rest:
        return value + 10
    if "kymmen" in rest:
        return value * 10
    return value


def short_day(word: str, lang: str) -> int | None:
    if lang == "sv":
        return next((i for i, forms in enumerate(SV_SHORT_DAYS) if word in forms), None)
    return FI_SHORT_DAYS.index(word) if word in FI_SHORT_DAYS else None
