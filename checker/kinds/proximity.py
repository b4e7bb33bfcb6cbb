"""`proximity`: a person's name near a word about private life (health, family, money, crime).

    kind: proximity
    terms:                        # private-life words per language; phrases allowed
      fi: [sairauslom*, diagnoo*, avioer*, velk*, rikosrekister*]
      sv: [sjukskriv*, skilsmäss*, skuld*]
      en: ["sick leave", divorc*, diagnos*, debt*, "criminal record"]
    not_names:                    # capitalized words that are not people (places, bodies)
      fi: [hanko, hangon, kela*]
      sv: [hangö*]
      en: [monday, january]
    people:                       # words that point at one identifiable person without a
      fi: [naapurin, "*opettaja+"]   # name: a role or a relative ("naapurin tyttö", "the
      en: [neighbour's]           # head's son"), a school class ("5B")
    pronouns:                     # a pronoun stands for a person named just before it:
      fi: [hän, hänellä]          # "Tapasin Kaisan. Hän on raskaana."
      en: [she, he]
    relatives: {sv: [som]}        # "Han som klagar mest ... är klient på socialbyrån"
    speaking:                     # a role or name right before one of these speaks or acts in office:
      fi: [kertoo, muistuttaa]    # "Lääkäri kertoo diabeteksen hoidosta" is no one's private life
      en: [said, says]
    distance: 6                   # at most this many words between the name and the term
    follow: 8                     # a short sentence goes on about the person of the one before:
                                  # "Rehtori on ollut poissa. Syynä on masennus." (0: never)
    reveal: {fi: [diagnoo*]}      # the finding goes on over the three words after: "diagnoosin: lymfooma"
    topic_before: {en: [about]}   # a term right after one of these is a subject talked about ("about diabetes")
    topic_after: {en: [research]} # ... right before one of these, a cause or a service ("cancer research")
    follow_words:                 # ... when it has one of these words of cause, hearsay or again
      fi: [syynä, kuulemma]
      en: [apparently]
    except:                       # words the terms' patterns would catch that are no term: a lexeme's
      fi: [varastaa~pass]         # passive names the victim ("Virtaselta varastettiin pyörä")
    unless:                       # a word anywhere in the term's sentence that cancels it (news, a warning)
      en: [police, court]
    negation:                     # a word between the person and the term, or right before the term:
      en: [not, never]            # "Smith is not lazy" says nothing bad of Smith

A Finnish `people` word ending in `+` is a noun stem standing for its singular forms
("*opettaja+": opettaja, opettajan, opettajalla, opettajalta, opettajalle, opettajaa,
opettajasta, opettajamme, opettajansa ...): one teacher is a person, "opettajat" are not.

A person is a word of `people`, a school class written as a number and a letter ("5B",
"7a"), or a name. A name is an @mention, or a capitalized word that is not written in capitals throughout,
not in `not_names` and not a term itself, standing inside a sentence ("Annan", "Annas",
"Anna's" included); at the start of a sentence only a pair of such words counts ("Anna
Virtanen on ..."), or a first name or surname the person-name signal knows
(checker/names.py: "Annalla on ..."), so a sentence that merely begins with a capital
stays quiet. A word of `pronouns` is a person when another person stands earlier in its
sentence or in the sentence before ("Tapasin eilen Kaisan. Hän on kuulemma raskaana."),
or when a word of `relatives` follows it ("Han som klagar mest ..."). A name or role right
before a `speaking` verb, or right after one (with one title word between), is the speaker
("Lääkäri Mari Koski kertoo diabeteksesta", "Muistisairauksista kertoo geriatri Anna Koski"), and
a capitalized word right before a capitalized `not_names` word is a place ("Main Street"). The name
and the term must be in the same sentence, on a line written in the term's language.
A term right after a word of `topic_before` ("about diabetes", "om demens") or right before a
word of `topic_after` ("cancer research", "dementia café", "syöpäsäätiön") is a subject
talked about or a service, nobody's private life, and is not looked at.
A term in a sentence of at most `follow` words that names no person takes the last person of
the sentence just before it, with no blank line between, when a word of `follow_words` (cause,
hearsay, "again") stands in the term's sentence ("Steve from maintenance is off. Depression,
apparently.") or the sentence is hashtags only ("Rehtori taas poissa. #masennus"); a short
notice after a thank-you ("... Dementia café on Tuesday.") has neither, and hashtags after a
thank-you or a welcome name the topic of a talk ("Kiitos Marille luennosta! #diabetes").
A word of `except` is no term, and a term is not looked at in a sentence that holds a word of `unless`, and a person is not
taken when a word of `negation` stands between the person and the term or among the
NEGATION_BEFORE words right before the term, in its clause ("Smith is not lazy").
The span runs from the name (both words of a pair) to the term, whichever comes first (a
term of `reveal` with up to three words after it in its sentence, which name the private
thing: "diagnoosin: lymfooma"),
so the reader sees which person the private detail is about; it takes in every other
private-life word of that sentence too, so all of the sensitive words are marked.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, allowed_in, breaks_clause
from checker.kinds.phrases import Phrases
from checker.names import read_name
from checker.sentences import SUBORDINATORS, ends_between, sentence_start
from checker.text import Document

MAX_DISTANCE = 12
MAX_FOLLOW = 12            # words in a short follow-up sentence, at most
REVEAL_WORDS = 3           # words after a `reveal` word that name the private thing
NEGATION_BEFORE = 3        # words right before a term where a `negation` word still denies it
# Thanks and welcomes: hashtags after them name the topic of a talk or a campaign, not the
# life of the person thanked ("Kiitos hoitaja Marille luennosta! #diabetes").
THANKS = frozenset("""kiitos kiitokset tervetuloa onnea onnittelut thanks thank welcome congratulations congrats
    tack välkommen välkomna grattis""".split())
ANTECEDENT_WINDOW = 40     # words looked back from a pronoun for the person it stands for
# The endings of a Finnish noun's singular on its stem, "A" standing for a or ä by vowel harmony:
# nominative, genitive, partitive, the local cases, essive, translative and possessives.
FI_SINGULAR = ("", "n", "A", "llA", "ltA", "lle", "ssA", "stA", "nA", "ksi", "mme", "nsA", "ni", "si", "nkin")
CLASS_RE = re.compile(r"\d{1,2}[a-zåäö](?::[a-zåäö]{1,5})?")     # a school class: "5b", "9c", "3b:ltä"


class Proximity(Kind):
    name = "proximity"
    summary = "a person (a name, a role or relative, a school class) near a private-life word"
    parameters = (
        Param("terms", "per_language", "the private-life words", required=True),
        Param("not_names", "per_language", "capitalized words that are not names"),
        Param("people", "per_language", "words that point at one person without a name: roles, relatives"),
        Param("speaking", "per_language", "verbs that make a role word right before them the speaker, not the "
              "person the private word is about (\"lääkäri kertoo\", \"the officer said\")"),
        Param("pronouns", "per_language", "pronouns that stand for a person named earlier in the sentence or in "
              "the one before (\"Tapasin Kaisan. Hän on raskaana.\")"),
        Param("relatives", "per_language", "relative pronouns: a pronoun right before one is a person described "
              "(\"han som klagar mest\", \"se joka aina valittaa\")"),
        Param("distance", "number", "at most this many words between name and word", default=6,
              minimum=1, maximum=MAX_DISTANCE),
        Param("follow", "number", "a term in a sentence of at most this many words with no person in it "
              "takes the person of the sentence before (\"Rehtori on poissa. Syynä on masennus.\"); 0: never",
              default=0, minimum=0, maximum=MAX_FOLLOW),
        Param("reveal", "per_language", "terms after which the finding also covers the next three words of "
              "the sentence, the thing they introduce (\"diagnoosin: lymfooma\", \"diagnosed with lupus\")"),
        Param("topic_before", "per_language", "words right before a term that make it a subject talked about "
              "(\"about diabetes\", \"om demens\")"),
        Param("topic_after", "per_language", "words right after a term that make it a cause or a service, not "
              "someone's life (\"cancer research\", \"dementia café\")"),
        Param("follow_words", "per_language", "with follow: words of cause, hearsay or repetition of which one "
              "must stand in the short sentence (\"syynä\", \"kuulemma\", \"apparently\")"),
        Param("except", "per_language", "words (or word patterns, lexemes with a tag) the terms would catch that "
              "are no term (\"varastaa~pass\": the victim of a theft)"),
        Param("unless", "per_language", "words that cancel a term anywhere in its sentence (news, a warning, "
              "someone else's words reported)"),
        Param("negation", "per_language", "words that deny a term when they stand between the person and it, "
              "or just before it in its clause (\"Smith is not lazy\")"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        self.distance = int(params.number("distance", 6, minimum=1))
        if self.distance > MAX_DISTANCE:
            raise params.error("distance", f"'distance' may be at most {MAX_DISTANCE}")
        self.follow = int(params.number("follow", 0, minimum=0))
        if self.follow > MAX_FOLLOW:
            raise params.error("follow", f"'follow' may be at most {MAX_FOLLOW}")
        self.phrases = Phrases(self.rule_id, params.per_language("terms"), build)
        self.owners = (self.rule_id, self.phrases.rest_id)
        build.add_lists(params, (("not_names", "not_name"), ("speaking", "speaking"), ("pronouns", "pronoun"),
                                 ("topic_before", "topic_before"), ("topic_after", "topic_after"),
                                 ("reveal", "reveal"), ("follow_words", "follow"), ("relatives", "relative"),
                                 ("unless", "unless"), ("negation", "negation"), ("except", "except")))
        for lang, items in params.per_language("people", required=False).items():
            for word, line in items:
                for form in _singular(word):
                    build.add_word(form, (self.rule_id, "person", lang), line)

    # --- names ---------------------------------------------------------------------------

    def _capitalized(self, ctx: Context, index: int) -> bool:
        """A capitalized word that may be a name: not all capitals, not a listed common word."""
        token = ctx.doc.tokens[index]
        word = ctx.doc.text[token.start:token.end]
        if len(word) < 2 or not word[0].isupper() or not any(ch.islower() for ch in word[1:]):
            return False
        keys = ctx.token_keys.get(index, ())
        return not any(key[0] in self.owners for key in keys)

    def _person_word(self, ctx: Context, index: int) -> bool:
        """A role or relative from `people`, or a school class such as "5B" or "7a"."""
        token = ctx.doc.tokens[index]
        if CLASS_RE.fullmatch(token.lower):
            return True
        keys = ctx.token_keys.get(index, ())
        if not any(key[0] == self.rule_id and key[1] == "person" and allowed_in(ctx, token.line, key[2])
                   for key in keys):
            return False
        if self._spoken_before(ctx, index):     # "..., muistuttaa johtava sosiaalityöntekijä"
            return False
        following = index + 1          # "Lääkäri kertoo ...": the role speaks, nobody's private life
        while (following < len(ctx.doc.tokens) and following - index <= 2 and _adjacent(ctx.doc, following - 1, following)
               and self._capitalized(ctx, following)):
            following += 1             # "nurse Emma tells ...": past the name the role goes with
        return not (following < len(ctx.doc.tokens) and self._keyed(ctx, following, "speaking"))

    def _name_span(self, ctx: Context, index: int) -> tuple[int, int] | None:
        """The (first, last) token indices of a person at `index`, or None when it is none."""
        if self._pronoun(ctx, index) and (self._antecedent(ctx, index) or (
                index + 1 < len(ctx.doc.tokens) and self._keyed(ctx, index + 1, "relative"))):
            return index, index
        return self._named(ctx, index)

    def _pronoun(self, ctx: Context, index: int) -> bool:
        token = ctx.doc.tokens[index]
        return any(key[0] == self.rule_id and key[1] == "pronoun" and allowed_in(ctx, token.line, key[2])
                   for key in ctx.token_keys.get(index, ()))

    def _antecedent(self, ctx: Context, index: int) -> bool:
        """Whether a person stands before the pronoun at `index`, in its sentence or the one before."""
        doc = ctx.doc
        starts = [start for start, _ in doc.sentences]
        sentence = bisect_right(starts, doc.tokens[index].start) - 1
        begin = starts[max(sentence - 1, 0)] if starts else 0
        for k in range(index - 1, max(index - ANTECEDENT_WINDOW, 0) - 1, -1):
            if doc.tokens[k].start < begin:
                break
            if not self._pronoun(ctx, k) and self._named(ctx, k) is not None:
                return True
        return False

    def _named(self, ctx: Context, index: int) -> tuple[int, int] | None:
        """A name, a role or relative, or a school class at `index` (see the module's doc)."""
        tokens = ctx.doc.tokens
        token = tokens[index]
        if ctx.doc.text[token.start] == "@" and token.length > 1:
            return index, index
        if self._person_word(ctx, index):
            return index, index
        if not self._capitalized(ctx, index):
            return None
        span = self._capitalized_name(ctx, index)
        if span is None:
            return None
        after = span[1] + 1           # past the rest of the name: "Lääkäri Mari Koski kertoo"
        while (after < len(tokens) and after - span[1] <= 2 and _adjacent(ctx.doc, after - 1, after)
               and self._capitalized(ctx, after)):
            after += 1
        if self._spoken_before(ctx, span[0]):
            return None       # "Muistisairauksista kertoo geriatri Anna Koski": the speaker, the verb first
        if after < len(tokens) and (self._keyed(ctx, after, "speaking") or (
                _adjacent(ctx.doc, span[1], after) and ctx.doc.text[tokens[after].start].isupper()
                and self._keyed(ctx, after, "not_name"))):
            return None       # "Mari Koski kertoo ...", "Dr Lind talks ...": a speaker; "Main Street": a place
        return span

    def _spoken_before(self, ctx: Context, first: int) -> bool:
        """Whether a `speaking` verb stands right before a name, or before it and one title word
        ("kertoo geriatri Anna Koski", "berättar läkaren Eva Lind"), with no clause word between."""
        tokens = ctx.doc.tokens
        if first >= 1 and self._keyed(ctx, first - 1, "speaking"):
            return True
        return (first >= 2 and self._keyed(ctx, first - 2, "speaking") and tokens[first - 1].lower not in SUBORDINATORS
                and ctx.doc.text[tokens[first - 1].start].islower())

    def _keyed(self, ctx: Context, index: int, what: str) -> bool:
        return any(key[0] == self.rule_id and key[1] == what for key in ctx.token_keys.get(index, ()))

    def _capitalized_name(self, ctx: Context, index: int) -> tuple[int, int] | None:
        tokens = ctx.doc.tokens
        token = tokens[index]
        if index > 0 and _adjacent(ctx.doc, index - 1, index) and self._capitalized(ctx, index - 1):
            return index - 1, index
        pair = (index + 1 < len(tokens) and _adjacent(ctx.doc, index, index + 1)
                and self._capitalized(ctx, index + 1))
        if pair:
            return index, index + 1
        if sentence_start(ctx.doc.text, token.start):     # alone there: a known name only
            english = ctx.languages.allows(token.line, "en")
            return (index, index) if read_name(ctx.doc.text[token.start:token.end], english=english) else None
        return index, index

    # --- matching ------------------------------------------------------------------------

    def _nearest_name(self, ctx: Context, first: int, last: int) -> tuple[int, int] | None:
        tokens = ctx.doc.tokens
        for step in range(1, self.distance + 2):
            for index in (first - step, last + step):
                if not 0 <= index < len(tokens):
                    continue
                name = self._name_span(ctx, index)
                if name is None:
                    continue
                left, right = (name[1], first) if index < first else (last, name[0])
                if ends_between(ctx.doc.text, tokens[left].end, tokens[right].start):
                    continue
                if self._denied(ctx, left, right):
                    return None
                return name
        return None

    def _denied(self, ctx: Context, left: int, right: int) -> bool:
        """Whether a `negation` word stands strictly between tokens `left` and `right`, or among
        the NEGATION_BEFORE words before the earlier of them without a clause break between."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        for index in range(left + 1, right):
            if self._keyed(ctx, index, "negation"):
                return True
        for index in range(left - 1, max(left - NEGATION_BEFORE, 0) - 1, -1):
            between = text[tokens[index].end:tokens[index + 1].start]
            if breaks_clause(between) or ends_between(text, tokens[index].end, tokens[index + 1].start):
                break
            if self._keyed(ctx, index, "negation"):
                return True
        return False

    def _cancelled(self, ctx: Context) -> set[int]:
        """The sentences that hold a word of `unless`."""
        starts = [start for start, _ in ctx.doc.sentences]
        tokens = ctx.doc.tokens
        return {bisect_right(starts, tokens[index].start) - 1 for index, key in ctx.hits.get(self.rule_id, ())
                if key[1] == "unless" and allowed_in(ctx, tokens[index].line, key[2])}

    def _previous_person(self, ctx: Context, first: int, sentence_starts: list[int]) -> tuple[int, int] | None:
        """The last person of the sentence before the term at `first`, when the term's sentence
        is short (at most `follow` words) and no blank line stands between the two."""
        doc = ctx.doc
        starts = doc._token_starts
        sentence = bisect_right(sentence_starts, doc.tokens[first].start) - 1
        if sentence < 1:
            return None
        begin, end = doc.sentences[sentence]
        low = bisect_left(starts, begin)
        high = bisect_left(starts, end)
        if high - low > self.follow:
            return None
        previous, previous_end = doc.sentences[sentence - 1]
        if doc.text.count("\n", previous_end, begin) > 1:      # a paragraph between: another matter
            return None
        before = bisect_left(starts, previous)
        tags = (all(doc.text[doc.tokens[index].start - 1:doc.tokens[index].start] == "#" for index in range(low, high))
                and not any(doc.tokens[index].lower in THANKS for index in range(before, low)))
        if not tags and not any(self._keyed(ctx, index, "follow") for index in range(low, high)):
            return None       # hashtags tag the post they close ("... poissa. #masennus"); other text needs a cue
        for index in range(low - 1, before - 1, -1):
            name = self._name_span(ctx, index)
            if name is not None:
                return name
        return None

    def _topic(self, ctx: Context, first: int, last: int) -> bool:
        """Whether the term at first..last is a subject talked about or a service: a word of
        `topic_before` right before it or of `topic_after` right after it, on its line."""
        tokens = ctx.doc.tokens
        line = tokens[first].line
        before = first - 1
        after = last + 1
        return ((before >= 0 and tokens[before].line == line and self._keyed(ctx, before, "topic_before"))
                or (after < len(tokens) and tokens[after].line == line and self._keyed(ctx, after, "topic_after")))

    def _revealed_end(self, ctx: Context, last: int) -> int:
        """The end of a term's words: a word of `reveal` ("diagnoosin", "diagnosed with") goes on
        over the words after it that name the thing, up to REVEAL_WORDS within its sentence."""
        tokens, text = ctx.doc.tokens, ctx.doc.text
        end = tokens[last].end
        if not self._keyed(ctx, last, "reveal"):
            return end
        for index in range(last + 1, min(last + 1 + REVEAL_WORDS, len(tokens))):
            if any(mark in text[end:tokens[index].start] for mark in ".!?;\n"):
                break
            end = tokens[index].end
        return end

    def needs_hits(self) -> bool:
        return True               # every finding holds a term, found from ctx.hits

    def requirements(self) -> tuple[tuple[frozenset, ...], ...]:
        return tuple(self.phrases.ways())

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        sentence_starts = [start for start, _ in ctx.doc.sentences]
        spans: dict[int, list[int]] = {}     # sentence -> [start, end] of its finding
        terms: list[tuple[int, int, int]] = []
        cancelled: set[int] | None = None
        for _, first, last in self.phrases.find(ctx):
            if self._topic(ctx, first, last) or (first == last and self._keyed(ctx, first, "except")):
                continue
            sentence = bisect_right(sentence_starts, tokens[first].start) - 1
            if cancelled is None:
                cancelled = self._cancelled(ctx)
            if sentence in cancelled:
                continue
            term_end = self._revealed_end(ctx, last)
            terms.append((sentence, tokens[first].start, term_end))
            name = self._nearest_name(ctx, first, last)
            if name is None and self.follow:
                name = self._previous_person(ctx, first, sentence_starts)
            if name is not None:
                start = min(tokens[name[0]].start, tokens[first].start)
                end = max(tokens[name[1]].end, term_end)
                span = spans.setdefault(sentence, [start, end])
                span[0], span[1] = min(span[0], start), max(span[1], end)
        for sentence, start, end in terms:       # the other private words of that sentence too
            span = spans.get(sentence)
            if span is not None:
                span[0], span[1] = min(span[0], start), max(span[1], end)
        for start, end in sorted(spans.values()):
            yield Match(start, end)


def _singular(word: str) -> list[str]:
    """A `people` word, or the singular forms of a Finnish noun stem written with `+`."""
    if not word.endswith("+"):
        return [word]
    stem = word[:-1]
    vowel = "a" if any(ch in "aou" for ch in stem.lstrip("*").rsplit("-", 1)[-1][-6:]) else "ä"
    return [stem + ending.replace("A", vowel) for ending in FI_SINGULAR]


def _adjacent(doc: Document, left: int, right: int) -> bool:
    """Two tokens separated by one space or hyphen only."""
    return doc.text[doc.tokens[left].end:doc.tokens[right].start] in (" ", "-", "\u00a0")
