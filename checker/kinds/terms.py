"""`terms`: words and phrases per language, with stems, compounds and disguised spellings.

    kind: terms
    terms:
      fi: [vittu*, perkele*, "salassa pidettävä*"]   # a phrase is words separated by spaces
      sv: [jävl*, "*jävel"]
      en: [fuck*]
      any: [wtf]                                      # every language
    except:                                           # whole words that must never fire (also as
      sv: [skitur, "käringtand*"]                     # patterns: stems, lexemes), and phrases a
                                                      # term inside never fires in
      en: ["blue tit", "cum laude"]
    include:                                          # a published word list, whole words
      en: better-profanity
    heads:                                            # compounds: a word that begins with a
      fi: [mamu*, somali*]                            # head and ends in a tail ("mamupaskaa")
    tails:                                            # (write tails as *lexeme~ so that the
      fi: ["*paska~", "*saasta~"]                     # first part must be a real one)
    senses:                                           # a term in a sentence with one of these
      en: ["bitch*: stud, pedigree, kennel*, whelp*"] # words has its other, innocent sense
                                                      # ("*: called" is a sense of every term)
    links: skip                                       # terms inside a web address: skip (the
                                                      # default), or only them ("only")
    titles:                                           # works: a capitalized or quoted term in
      fi: [elokuva*, kirja*, näytelmä*]               # their sentence or the one before is a
      en: [film*, book*, movie*]                      # title ("Danten näytelmä ... Helvetti")
    places:                                           # a capitalized term inside its sentence
      sv: [byn, genom, i]                             # right after one of these is a place's
      en: [village, through, in]                      # name ("byn Fucking", "through Bitche")
    initial: {en: [smash, burn]}                      # a term beginning so opens its clause
    initial_after: {en: [just, go, and]}              # ("kids smash windows" states); these may
                                                      # stand before it ("just smash them")
    mentions:                                         # a term in quotation marks, in a sentence
      fi: [sana*, kirjoitettu, poistimme]             # with one of these words, is a word talked
      en: [word, words, scrawled, removed]            # about, not used ('sanaa "mamu"', 'sprayed
                                                      # "fuck" on the wall')

A term list fires only on lines written in its language (see languages.py), so Swedish
"fan" stays quiet in "big fan of the club". A capitalized word inside a person's name (a
run of capitalized words that starts with a known first name: "Dick Van Dyke") is the
name, never the term. See lexicon.py for the word patterns.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

from checker.kinds.base import Build, Context, Kind, Match, Param, Params, RuleError, allowed_in, pointed_end
from checker.kinds.frames import EARLIER, INITIAL, INITIAL_AFTER, framed_out
from checker.kinds.mention import QUOTES, a_place_name, mentioned, quoted, starts_sentence
from checker.kinds.phrases import Phrases
from checker.names import read_name

TITLE = "title"
EXCEPT = "except"
EVERY_TERM = "*"            # a sense of every term of the rule ("*: kutsui, kallade, called")
UNWORD = "unword"           # a word an excepted pattern matches
SENSE = "sense"
MENTION = "mention"
PLACE = "place"


def _a_pattern(word: str) -> bool:
    """Whether an `except` entry is a word pattern (a stem or a lexeme), not a whole word."""
    return "*" in word or word.strip().endswith("~") or "~" in word


def _genitive_name(doc, index: int) -> bool:
    """A capitalized word in the genitive just before: the author of a work."""
    token = doc.tokens[index]
    word = doc.text[token.start:token.end]
    return (len(word) > 2 and word[0].isupper() and not word.isupper()
            and (word.endswith(("n", "s", "'s", "’s"))) and not starts_sentence(doc.text, token.start))


# Small words inside a person's name ("Dick Van Dyke", "Ludwig van Beethoven").
NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "af", "la", "le", "du", "da", "di", "del", "mc", "mac"})


ARTICLES = frozenset({"the", "a", "an", "den", "det", "en", "ett"})


def _after_author(doc, index: int) -> bool:
    """Whether a capitalized term inside its sentence follows an author's name in the genitive,
    right before it or before an article: "Dostojevskin Idiootti", "Dostojevskijs Idioten",
    "Dostoevsky's The Idiot" (a work, whatever words stand around it)."""
    token = doc.tokens[index]
    word = doc.text[token.start:token.end]
    if not word[:1].isupper() or word.isupper() or index == 0 or starts_sentence(doc.text, token.start):
        return False
    before = index - 1
    article = doc.text[doc.tokens[before].start:doc.tokens[before].end]
    if article.lower() in ARTICLES and article[:1].isupper() and before > 0:
        before -= 1
    return _genitive_name(doc, before) and len(doc.text[doc.tokens[before].end:doc.tokens[before + 1].start]) <= 1


def _in_a_name(doc, index: int) -> bool:
    """Whether the token is a later word of a person's name: it is capitalized (not all
    capitals), and the capitalized words (or name particles) that run up to it, each one
    space apart, start with a known first name ("Dick Van Dyke"; "You Stupid Dyke" is no name)."""
    tokens, text = doc.tokens, doc.text

    def capitalized(i: int) -> bool:
        word = text[tokens[i].start:tokens[i].end]
        return word[:1].isupper() and not word.isupper()

    if not capitalized(index):
        return False
    i = index
    while i > 0 and text[tokens[i - 1].end:tokens[i].start] in (" ", "\u00a0") and (
            capitalized(i - 1) or tokens[i - 1].lower in NAME_PARTICLES):
        i -= 1
        if capitalized(i) and tokens[i].lower not in NAME_PARTICLES:
            found = read_name(text[tokens[i].start:tokens[i].end], english=True)
            if found and "first" in found[1]:
                return True
    return False


@lru_cache(maxsize=None)
def better_profanity_words() -> tuple[str, ...]:
    """better-profanity's English list (its own matcher is too slow to run per keystroke)."""
    text = (resources.files("better_profanity") / "profanity_wordlist.txt").read_text(encoding="utf-8")
    return tuple(line.strip().lower() for line in text.splitlines() if line.strip())


WORDLISTS: dict[str, Callable[[], tuple[str, ...]]] = {"better-profanity": better_profanity_words}


class Terms(Kind):
    name = "terms"
    summary = "words and phrases per language"
    parameters = (
        Param("terms", "per_language", "word patterns and phrases"),
        Param("except", "per_language", "whole words (or word patterns: stems, lexemes) the patterns would "
              "otherwise catch, and phrases a term inside never fires in"),
        Param("include", "per_language", "named word lists to add (en: better-profanity)"),
        Param("titles", "per_language", "words for a work: a capitalized or quoted term near one is its title"),
        Param("heads", "per_language", "first parts of compounds that fire with a tail"),
        Param("tails", "per_language", "last parts of compounds that fire with a head (write *lexeme~)"),
        Param("senses", "per_language", "'term: word, word': the term's innocent sense, when one of the words "
              "stands in its sentence"),
        Param("links", "text", "terms inside web addresses: skip them, or look only there",
              choices=("skip", "only"), default="skip"),
        Param("places", "per_language", "words right before a capitalized term inside its sentence that make "
              "it the name of a place (\"byn Fucking\", \"through Bitche\")"),
        Param(INITIAL, "per_language", "words a term may begin with only at the start of its clause "
              "(imperatives: \"smash windows!\" asks, \"kids smash windows\" states)"),
        Param(INITIAL_AFTER, "per_language", "words that may stand before an `initial` term in its clause"),
        Param(EARLIER, "per_language", "words that cancel a term anywhere before it in its sentence"),
        Param("mentions", "per_language", "words that, in the sentence of a term written in quotation marks, "
              "show the term is mentioned (reported, condemned, removed), not used"),
    )

    def __init__(self, params: Params, build: Build) -> None:
        self.rule_id = build.rule_id
        lists = params.per_language("terms", required=not (params.has("include") or params.has("heads")))
        self.has_compounds = params.has("heads")
        for part in ("heads", "tails"):
            for lang, items in params.per_language(part, required=params.has("heads") or params.has("tails")).items():
                for word, line in items:
                    build.add_word(word, (self.rule_id, part, lang), line)
                    if part == "heads":      # a head the pack names is a known first part
                        build.lexicon.add_part(word, lang)
        for lang, names in params.per_language("include", required=False).items():
            for name, line in names:
                if name not in WORDLISTS:
                    raise RuleError(line, f"unknown word list {name!r}; known: {', '.join(WORDLISTS)}")
                lists.setdefault(lang, []).extend((word, line) for word in WORDLISTS[name]())
        self.phrases = Phrases(self.rule_id, lists, build)
        self.links = params.raw("links", "skip")
        if self.links not in ("skip", "only"):
            raise params.error("links", "'links' must be skip or only")
        self.has_titles = params.has("titles")
        for lang, items in params.per_language("titles", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, TITLE, lang), line)
        for tag in (INITIAL, INITIAL_AFTER, EARLIER):
            for lang, items in params.per_language(tag, required=False).items():
                for word, line in items:
                    build.add_word(word, (self.rule_id, tag, lang), line)
        self.framed = params.has(INITIAL) or params.has(EARLIER)
        self.has_places = params.has("places")
        for lang, items in params.per_language("places", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, PLACE, lang), line)
        self.has_mentions = params.has("mentions")
        for lang, items in params.per_language("mentions", required=False).items():
            for word, line in items:
                build.add_word(word, (self.rule_id, MENTION, lang), line)
        self.senses = 0
        self.every_term_senses: set[int] = set()      # senses written "*: ...": of every term
        for lang, items in params.per_language("senses", required=False).items():
            for text, line in items:
                term, colon, words = text.partition(":")
                cues = [word.strip() for word in words.split(",") if word.strip()]
                if not colon or not term.strip() or not cues:
                    raise RuleError(line, f"a sense is written 'term: word, word', not {text!r}")
                if term.strip() == EVERY_TERM:
                    self.every_term_senses.add(self.senses)
                else:
                    build.add_word(term.strip(), (self.rule_id, SENSE, self.senses, "term", lang), line)
                for cue in cues:
                    build.add_word(cue, (self.rule_id, SENSE, self.senses, "cue", lang), line)
                self.senses += 1
        excepted = params.per_language("except", required=False)
        self.exceptions = {lang: {word.lower() for word, _ in items if " " not in word.strip()
                                  and not _a_pattern(word)}
                           for lang, items in excepted.items()}
        self.excepted_patterns = False
        for lang, items in excepted.items():          # "vitup*", "negera~": every word they match
            for word, line in items:
                if " " not in word.strip() and _a_pattern(word):
                    build.add_word(word.strip(), (self.rule_id, UNWORD, lang), line)
                    self.excepted_patterns = True
        # a frame around any term: "* jag va", "i was such an *" (the writer's own blunder)
        self.frames: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for lang, items in excepted.items():
            for word, _ in items:
                words = tuple(word.lower().split())
                if len(words) > 1 and EVERY_TERM in (words[0], words[-1]):
                    before, after = (words[:-1], ()) if words[-1] == EVERY_TERM else ((), words[1:])
                    self.frames.setdefault(lang, []).append((before, after))
        phrases = {lang: [(word, line) for word, line in items if " " in word.strip()
                          and EVERY_TERM not in (word.split()[0], word.split()[-1])]
                   for lang, items in excepted.items()}
        phrases = {lang: items for lang, items in phrases.items() if items}
        self.except_phrases = Phrases(self.rule_id, phrases, build, tag=EXCEPT) if phrases else None

    def _excepted(self, lang: str, word: str, keys: frozenset = frozenset()) -> bool:
        """Whether the word is an exception: listed, or (with its lexicon keys) matched by an
        excepted pattern of the term's language or of every language."""
        return word in self.exceptions.get(lang, ()) or word in self.exceptions.get("any", ()) or (
            self.excepted_patterns and ((self.rule_id, UNWORD, lang) in keys or (self.rule_id, UNWORD, "any") in keys))

    def _in_a_frame(self, ctx: Context, lang: str, first: int, last: int) -> bool:
        """Whether the words just before or after the term are one of the `except` frames
        written around "*" ("* jag va", "i was such an *"), on its line, only spaces between."""
        tokens, text = ctx.doc.tokens, ctx.doc.text

        def words_at(start: int, count: int) -> tuple[str, ...] | None:
            if start < 0 or start + count > len(tokens):
                return None
            span = range(start, start + count)
            if any(tokens[i].line != tokens[first].line for i in span):
                return None
            if any(text[tokens[i].end:tokens[i + 1].start].strip() for i in range(start, start + count - 1)):
                return None
            return tuple(tokens[i].lower for i in span)

        for frame_lang in (lang, "any"):
            for before, after in self.frames.get(frame_lang, ()):
                if before and words_at(first - len(before), len(before)) == before \
                        and not text[tokens[first - 1].end:tokens[first].start].strip():
                    return True
                if after and words_at(last + 1, len(after)) == after \
                        and not text[tokens[last].end:tokens[last + 1].start].strip():
                    return True
        return False

    def _other_senses(self, ctx: Context) -> set[int]:
        """Tokens whose term has its innocent sense: a cue of that sense in the sentence."""
        tokens, sentences = ctx.doc.tokens, ctx.doc.sentences
        found: dict[tuple[int, str], list[int]] = {}
        for index, key in ctx.hits.get(self.rule_id, ()):
            if key[1] == SENSE and allowed_in(ctx, tokens[index].line, key[4]):
                found.setdefault((key[2], key[3]), []).append(index)

        def sentence(index: int) -> int:
            return bisect_right(sentences, (tokens[index].start, len(ctx.doc.text) + 1)) - 1

        shielded = set()
        for sense in range(self.senses):
            cue_sentences = {sentence(i) for i in found.get((sense, "cue"), ())}
            if sense in self.every_term_senses and cue_sentences:
                terms = {index for index, key in ctx.hits.get(self.rule_id, ()) if key[1] == "phrase"}
                shielded.update(i for i in terms if sentence(i) in cue_sentences)
            else:
                shielded.update(i for i in found.get((sense, "term"), ()) if sentence(i) in cue_sentences)
        return shielded

    def _mention_words(self, ctx: Context) -> set[int]:
        """The tokens that are one of the rule's `mentions` words."""
        tokens = ctx.doc.tokens
        return {index for index, key in ctx.hits.get(self.rule_id, ())
                if key[1] == MENTION and allowed_in(ctx, tokens[index].line, key[2])}

    def _place_words(self, ctx: Context) -> set[int]:
        """The tokens that are one of the rule's `places` words."""
        tokens = ctx.doc.tokens
        return {index for index, key in ctx.hits.get(self.rule_id, ())
                if key[1] == PLACE and allowed_in(ctx, tokens[index].line, key[2])}

    def _title_words(self, ctx: Context) -> list[int]:
        """Where the words naming a work (film, book, play) start, in text order."""
        tokens = ctx.doc.tokens
        return sorted(tokens[index].start for index, key in ctx.hits.get(self.rule_id, ())
                      if key[1] == TITLE and allowed_in(ctx, tokens[index].line, key[2]))

    def _a_title(self, ctx: Context, starts: list[int], first: int) -> bool:
        """Whether the term at token `first` is written as a title (capitalized inside its
        sentence, or in quotes) with a word for a work in its sentence or the one before."""
        doc, token = ctx.doc, ctx.doc.tokens[first]
        word = doc.text[token.start:token.end]
        quoted = token.start > 0 and doc.text[token.start - 1] in QUOTES
        capitalized = word[:1].isupper() and not word.isupper() and not starts_sentence(doc.text, token.start)
        if not (quoted or capitalized):
            return False
        if capitalized and first > 0 and _genitive_name(doc, first - 1):
            return True             # "Dostojevskin Idiootti", "Dantes Inferno", "Joyce's Ulysses"
        sentences = doc.sentences
        number = max(bisect_right(sentences, (token.start, len(doc.text) + 1)) - 1, 0)
        window = sentences[max(0, number - 1)][0] if sentences else 0
        i = bisect_left(starts, window)
        return i < len(starts) and starts[i] < token.start

    def _compounds(self, ctx: Context, only_links: bool, shielded: set[int]) -> Iterable[Match]:
        """Words that begin with a head and end in a tail of the same language (not in an
        `except` frame nor in another sense nor quoted to report it, like a term)."""
        tokens = ctx.doc.tokens
        mention_words: set[int] | None = None
        heads: dict[int, set[str]] = {}
        for index, key in ctx.hits.get(self.rule_id, ()):
            if key[1] == "heads":
                heads.setdefault(index, set()).add(key[2])
        for index, langs in heads.items():
            keys = ctx.token_keys.get(index, ())
            token = tokens[index]
            if index in shielded:
                continue
            for lang in langs:
                if (self.rule_id, "tails", lang) in keys and allowed_in(ctx, token.line, lang) \
                        and ctx.doc.in_link(token.start, token.end) == only_links \
                        and not self._excepted(lang, token.lower, keys) \
                        and not (self.frames and self._in_a_frame(ctx, lang, index, index)):
                    if self.has_mentions and mention_words is None:
                        mention_words = self._mention_words(ctx)
                    if not (mention_words and mentioned(ctx.doc, mention_words, index, index)
                            and quoted(ctx.doc.text, token.start, token.end)):
                        yield Match(token.start, token.end)
                    break

    def needs_hits(self) -> bool:
        return True           # every match starts at one of the rule's words (ctx.hits, joined_hits)

    def _shielded(self, ctx: Context) -> set[int]:
        """Tokens where no term fires: inside an excepted phrase, or a term in its other sense."""
        shielded = {index for _, first, last in self.except_phrases.find(ctx)
                    for index in range(first, last + 1)} if self.except_phrases else set()
        if self.senses:
            shielded |= self._other_senses(ctx)
        return shielded

    def find(self, ctx: Context) -> Iterable[Match]:
        tokens = ctx.doc.tokens
        title_words: list[int] | None = None       # all four worked out at the first term found
        shielded: set[int] | None = None
        mention_words: set[int] = set()
        place_words: set[int] = set()
        only_links = self.links == "only"
        for lang, first, last in self.phrases.find(ctx):
            if shielded is None:
                shielded = self._shielded(ctx)
                title_words = self._title_words(ctx) if self.has_titles else []
                mention_words = self._mention_words(ctx) if self.has_mentions else set()
                place_words = self._place_words(ctx) if self.has_places else set()
            if self._excepted(lang, tokens[first].lower, ctx.token_keys.get(first, frozenset())) or first in shielded:
                continue
            if self.frames and self._in_a_frame(ctx, lang, first, last):
                continue            # "Vilken tönt jag va": the writer's own blunder
            if first == last and _in_a_name(ctx.doc, first):
                continue            # "Dick Van Dyke": a word of a person's name
            if first == last and place_words and a_place_name(ctx.doc, first, first - 1 in place_words):
                continue            # "byn Fucking i Österrike": a place's name
            if self.framed and framed_out(ctx, self.rule_id, lang, first):
                continue            # "kids smash windows": a statement, not a call
            if self.has_titles and (_after_author(ctx.doc, first) or (
                    title_words and self._a_title(ctx, title_words, first))):
                continue
            start, end = tokens[first].start, tokens[pointed_end(ctx, last)].end
            if mention_words and mentioned(ctx.doc, mention_words, first, last) and quoted(ctx.doc.text, start, end):
                continue            # 'sanaa "mamu"': a word talked about, not used
            if ctx.doc.in_link(start, end) == only_links:
                yield Match(start, end)
        if self.has_compounds:
            if shielded is None:
                shielded = self._shielded(ctx)
            yield from self._compounds(ctx, only_links, shielded)
        if only_links:
            return
        joined = ctx.doc.joined_tokens
        for lang, index in self.phrases.find_joined(ctx):
            if not self._excepted(lang, joined[index].lower) and not ctx.doc.in_link(joined[index].start,
                                                                                      joined[index].end):
                yield Match(joined[index].start, joined[index].end)
