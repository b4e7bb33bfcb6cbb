"""`parallel`: the Finnish and the Swedish version of one post say the same.

    kind: parallel
    compare: facts                # or: length
    places:                       # official place-name pairs, by a name of the pair's own;
      hanko: {fi: [Hanko, Hango*, Hankoon], sv: [Hangö*]}      # word patterns per language
      tulliniemi: {fi: [Tulliniem*], sv: [Tullnäs*]}
    home: hanko                   # the organization's own place: named in one version only,
                                  #   it is not a finding ("Hangon kaupunki" / "vi")
    differ:                       # facts: one fact written differently; {fi} and {sv} as written
      en: "The Swedish version says {sv}, the Finnish {fi}."
      fi: ...
      sv: ...
    only_fi:                      # facts: a fact only the Finnish version has ({fi})
      en: "The Finnish version has {fi}; the Swedish version does not."
    only_sv:                      # facts: a fact only the Swedish version has ({sv})
      en: "The Swedish version has {sv}; the Finnish version does not."
    shorter_than: 0.5             # length: the shorter version has under this share of the
                                  #   longer one's letters
    min_letters: 20               # each version needs this many letters to be compared

The post is split into its versions line by line: a line written in Finnish belongs to the
Finnish version, one in Swedish to the Swedish version; lines in neither, in both, or only
hashtags, mentions and links are shared and not compared. Versions on one line, after
" / ", a flag or "SV:", or sentence after sentence, are parts of it (checker/kinds/versions.py).
Nothing fires unless both versions have `min_letters` letters.

`facts` compares the dates, times, weekdays, prices, numbers, phone numbers, e-mail
addresses, URLs, hashtags (see checker/kinds/facts.py) and place names of the two versions.
A fact is in the other version however that language writes it: "klo 18", "18.00" and
"mellan 18 och 20" share the hour, "5 €" and "fem euro" the amount, "jouluaattona" is 24.12.,
"ma–pe" names Monday (facts.keys, facts.words). A hashtag of words only is a label each
version translates; one with a number, or naming a place, is compared. A fact in one
version that the other does not have is paired, in text order, with a fact
of the same type that only the other version has: then both spots are marked with
`differ` ("The Swedish version says 14.12, the Finnish 15.12."). A fact left without a
pair is marked where it stands with `only_fi` or `only_sv`. A place counts as the same
in both versions whichever name of its pair is used, and so does a hashtag that is one
of the names. The organization's own web and e-mail domains (pack.yaml) stand for one
another: hanko.fi and hango.fi pages in the two languages are the same fact.

`length` marks the shorter version, with the rule's message, when it has fewer than
`shorter_than` of the letters of the longer one.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from checker.kinds.factwords import words
from checker.kinds.facts import TYPES, Fact, in_other, keys, read, same
from checker.kinds.base import Build, Context, Kind, Match, Param, Params, RuleError
from checker.kinds.versions import letters, versions
from checker.yamlload import line_of

VERSIONS = ("fi", "sv")
TEMPLATES = {"differ": ("fi", "sv"), "only_fi": ("fi",), "only_sv": ("sv",)}
LOCALES = ("fi", "sv", "en")


class Parallel(Kind):
    name = "parallel"
    summary = "the Finnish and Swedish versions of a post that do not say the same"
    parameters = (
        Param("compare", "text", "facts: dates, times, weekdays, prices, numbers, phones, e-mail, URLs, "
              "hashtags and places; length: a much shorter version", required=True, choices=("facts", "length")),
        Param("places", "slots", "official place-name pairs: each pair's fi and sv names as word patterns"),
        Param("home", "text", "facts: the place pair that is the organization's own home; its name in one "
              "version only is not a finding (\"Hangon kaupunki\" names the sender)"),
        Param("differ", "per_language", "facts: the message for one fact written differently, with {fi} and {sv}"),
        Param("only_fi", "per_language", "facts: the message for a fact only the Finnish version has, with {fi}"),
        Param("only_sv", "per_language", "facts: the message for a fact only the Swedish version has, with {sv}"),
        Param("shorter_than", "number", "length: the shorter version has under this share of the other's letters",
              default=0.5, minimum=0, maximum=1),
        Param("min_letters", "number", "each version needs this many letters to be compared", default=20, minimum=0),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.compare = params.text("compare", choices=("facts", "length"))
        self.min_letters = int(params.number("min_letters", 20))
        self.org_domains = build.org.email_domains
        self.templates: dict[str, dict[str, str]] = {}
        self.sizes: list[int] = []      # words in each place name, by the name's number
        if self.compare == "length":
            self.shorter_than = params.number("shorter_than", 0.5)
            if not 0 < self.shorter_than < 1:
                raise params.error("shorter_than", "'shorter_than' is a fraction between 0 and 1")
            return
        for key, fields in TEMPLATES.items():
            self.templates[key] = _template(params, key, fields)
        places = params.raw("places", {}) or {}
        if not isinstance(places, dict):
            raise params.error("places", "'places' must map each pair's name to {fi: [...], sv: [...]}")
        home = params.raw("home")
        if home is not None and home not in places:
            raise params.error("home", f"'home' names one of the place pairs ({', '.join(map(str, places)) or 'none given'})")
        self.home = list(places).index(home) if home is not None else None
        for index, (pair_name, pair) in enumerate(places.items()):
            line = line_of(places, pair_name)
            if not isinstance(pair, dict) or set(pair) != set(VERSIONS):
                raise RuleError(line, f"the place pair {pair_name!r} gives its names in fi and sv: {{fi: [Hanko], sv: [Hangö]}}")
            for lang in VERSIONS:
                names = pair[lang] if isinstance(pair[lang], list) else [pair[lang]]
                if not names or not all(isinstance(n, str) for n in names):
                    raise RuleError(line, f"the {lang} names of the place pair {pair_name!r} must be a list of word patterns")
                for name in names:
                    words = name.split()
                    for position, word in enumerate(words):
                        build.add_word(word, (self.rule_id, "place", index, len(self.sizes), position), line)
                    self.sizes.append(len(words))

    # --- the versions --------------------------------------------------------------------

    def versions(self, ctx: Context) -> dict[str, list[tuple[int, int]]]:
        """The (start, end) of every piece of the Finnish and of the Swedish version: lines,
        or parts of lines when a version is not found line by line (checker/kinds/versions.py)."""
        found = versions(ctx.doc, VERSIONS)
        if min(letters(ctx.doc, spans) for spans in found.values()) < self.min_letters:
            found = versions(ctx.doc, VERSIONS, fine=True)
        return found

    def find(self, ctx: Context) -> Iterable[Match]:
        found = self.versions(ctx)
        counts = {lang: letters(ctx.doc, spans) for lang, spans in found.items()}
        if min(counts.values()) < self.min_letters:
            return
        if self.compare == "length":
            short = min(VERSIONS, key=counts.get)
            if counts[short] < self.shorter_than * max(counts.values()):
                spans = found[short]
                yield Match(spans[0][0], spans[-1][1])
            return
        read = {lang: self._facts(ctx, spans, lang) for lang, spans in found.items()}
        said = {lang: words(" ".join(ctx.doc.text[a:b] for a, b in spans), lang) for lang, spans in found.items()}
        yield from self._compare(read["fi"], read["sv"], said["fi"], said["sv"])

    # --- the facts -----------------------------------------------------------------------

    def _facts(self, ctx: Context, spans: list[tuple[int, int]], lang: str) -> list[Fact]:
        found: list[Fact] = []
        for start, end in spans:
            found += read(ctx.doc.text, start, end, lang, self.org_domains)
        places = self._places(ctx, spans)
        by_start = {p.start: p for p in places}
        result = []
        for fact in found:      # a hashtag that is a place name is that place
            place = by_start.get(fact.start + 1) if fact.type == "hashtag" else None
            result.append(fact._replace(value=("place", place.value)) if place and place.end == fact.end else fact)
        hashtag_words = {f.start + 1 for f in found if f.type == "hashtag"}
        result += [p for p in places if p.start not in hashtag_words]
        return result

    def _places(self, ctx: Context, spans: list[tuple[int, int]]) -> list[Fact]:
        """Place names of the pairs standing in the spans (a name of several words whole)."""
        tokens = ctx.doc.tokens
        found = []
        for index, key in ctx.hits.get(self.rule_id, ()):
            if key[1] != "place" or key[4] != 0:
                continue
            _, _, pair, name, _ = key
            last = index + self.sizes[name] - 1
            if last >= len(tokens) or not all(
                    (self.rule_id, "place", pair, name, k) in ctx.token_keys.get(index + k, ())
                    for k in range(1, last - index + 1)):
                continue
            start, end = tokens[index].start, tokens[last].end
            if any(s <= start and end <= e for s, e in spans):
                found.append(Fact("place", start, end, ctx.doc.text[start:end], pair))
        return found

    def _compare(self, fi: list[Fact], sv: list[Fact], fi_said: frozenset[tuple] = frozenset(),
                 sv_said: frozenset[tuple] = frozenset()) -> Iterable[Match]:
        fi_typed, sv_typed = [_typed(f) for f in fi], [_typed(g) for g in sv]
        only_fi = [f for f in fi if not in_other(_typed(f), sv_typed, sv_said, fi_said) and not _label(f)]
        only_sv = [g for g in sv if not in_other(_typed(g), fi_typed, fi_said, sv_said) and not _label(g)]
        only_fi = [f for f in only_fi if not _implicit_year(f, sv)]
        only_sv = [g for g in only_sv if not _implicit_year(g, fi)]
        only_fi = _first_of_each([f for f in only_fi if not self._is_home(f) and not _dated_weekday(f, fi, sv)])
        only_sv = _first_of_each([g for g in only_sv if not self._is_home(g) and not _dated_weekday(g, sv, fi)])
        for kind in TYPES:
            left = [f for f in only_fi if f.type == kind]
            right = [g for g in only_sv if g.type == kind]
            for a, b in zip(left, right):
                message = self._say("differ", fi=a.written, sv=b.written)
                yield Match(a.start, a.end, message=message)
                yield Match(b.start, b.end, message=message)
            for a in left[len(right):]:
                yield Match(a.start, a.end, message=self._say("only_fi", fi=a.written))
            for b in right[len(left):]:
                yield Match(b.start, b.end, message=self._say("only_sv", sv=b.written))

    def _is_home(self, fact: Fact) -> bool:
        typed = _typed(fact)
        return self.home is not None and typed.type == "place" and typed.value == self.home

    def _say(self, key: str, **values: str) -> dict[str, str]:
        shown = {key: value.rstrip(".") or value for key, value in values.items()}   # "15.12."
        return {locale: text.format(**shown) for locale, text in self.templates[key].items()}


def _typed(fact: Fact) -> Fact:
    """A hashtag that names a place compares as that place."""
    if fact.type == "hashtag" and isinstance(fact.value, tuple):
        return fact._replace(type="place", value=fact.value[1])
    return fact


def _label(fact: Fact) -> bool:
    """A hashtag of words only is a label that each version translates ("#siivoustalkoot",
    "#städtalko"); one with a number (#hanko2026) or naming a place is compared."""
    return fact.type == "hashtag" and not keys(fact)


def _implicit_year(fact: Fact, other: list[Fact]) -> bool:
    """A year that one version names and the other leaves to the context ("vuodelle 2027",
    "för nästa år"): compared only when the other version names a year too."""
    return _is_year(fact) and not any(_is_year(g) for g in other)


def _is_year(fact: Fact) -> bool:
    return fact.type == "number" and isinstance(fact.value, Decimal) and fact.value == fact.value.to_integral() \
        and 1900 <= fact.value <= 2099


def _dated_weekday(fact: Fact, own: list[Fact], other: list[Fact]) -> bool:
    """A weekday that only one version names, beside a date both versions agree on: the date
    is the fact ("maanantaina 15.12." and "den 15 december"), the weekday only repeats it."""
    return fact.type == "weekday" and not any(f.type == "weekday" for f in other) and any(
        f.type == "date" and any(same(f, g) for g in other) for f in own)


def _first_of_each(found: list[Fact]) -> list[Fact]:
    """One fact per value: a fact repeated in a version is reported where it first stands."""
    result: list[Fact] = []
    for fact in found:
        if not any(same(_typed(fact), _typed(other)) for other in result):
            result.append(fact)
    return result


def _template(params: Params, key: str, fields: tuple[str, ...]) -> dict[str, str]:
    value = params.raw(key)
    if not isinstance(value, dict) or any(not isinstance(value.get(loc), str) for loc in LOCALES):
        raise params.error(key, f"'{key}' must give a text in {', '.join(LOCALES)} "
                                f"with {' and '.join('{' + f + '}' for f in fields)}")
    for locale in LOCALES:
        text = value[locale]
        try:
            text.format(**{f: "x" for f in fields})
        except (KeyError, IndexError, ValueError) as exc:
            raise RuleError(line_of(value, locale), f"'{key}.{locale}' may use only "
                            f"{' and '.join('{' + f + '}' for f in fields)}: {exc}") from exc
        if any("{" + f + "}" not in text for f in fields):
            raise RuleError(line_of(value, locale), f"'{key}.{locale}' must show "
                            f"{' and '.join('{' + f + '}' for f in fields)}")
    return {locale: value[locale].strip() for locale in LOCALES}
