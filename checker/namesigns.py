"""What the words around a name say about the person: the maker of a work, a public person or a
character, or a private person told with something private (checker/names.py uses these signs).

    from checker.namesigns import maker, public, public_name, private_before, private_marked, politics
    maker(doc, first, last)      # "Eino Leinon runo", "elokuvan Risto Räppääjä", "Kuva: Anna Virtanen"
    public(doc, first, last)     # "laulaja Jari Sillanpää", "Tove Jansson (1914–2001)", "kuten X sanoi"
    public_name(doc, first)      # a character or figure of rules/names/public_names.txt
    politics(doc, index)         # a surname alone among words of council politics: a trustee
    private_before(doc, first)   # "naapurin Matti", "my neighbour Tyler": no public sign counts
    private_marked(doc, index)   # "Emma 5B:ltä", "Ville H.", "Matin vaimo": a name opening a sentence counts
    after_work(doc, left)        # "Tuntemattomassa sotilaassa Lahtinen": a character of a well-known work
    from_unit(doc, last)         # "Petra från kulturen": named with the city unit she works in, a role

`first` and `last` are token indices of the name in the Document. Each check looks a bounded
distance around the name, so a long text with many names costs linear time. The role words and
the names of characters and public figures are data: rules/names/public_roles.txt,
public_names.txt and works.txt (see NOTICE.md there).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from checker.sentences import SENTENCE_MARKS
from checker.text import Document, Token
# A name right before a word for a work names its maker, an author or a composer, not a private
# person: "Tove Janssons Sommarboken", "Eino Leinon runo", "Anna Lind's song". The next word is
# one of these forms, or a compound ending in one ("Sommarboken", "lastenkirja").
WORK_RE = re.compile(
    r"kirja(?:n|a|t|ssa|sta|ssaan|t|jen|in|ihin|oissa|oista)?|kirjoja|romaani\w*|runo(?:n|a|t|ja|ssa|sta|ihin|issa|jen)?"
    r"|laulu\w*|biisi\w*|kappale\w*|sävellyks\w*|sävellys|musiikki\w*|musiikin|hitti\w*|hiti\w*|levytyks\w*"
    r"|keikka\w*|keikal\w*|keikan|keikat|konsert\w*|kiertue\w*|näyttely\w*|näyttelyy\w*|esitys|esityks\w*"
    r"|elokuvis\w*|sarja(?:n|a|ssa|sta|t)?|tv-sarja\w*|podcast\w*|patsa\w*|patsas|muistomerk\w*|veistos\w*"
    r"|satu(?:ja|jen)|sadut|kirjoittam\w*|säveltäm\w*|ohjaam\w*|esittäm\w*|laulam\w*|maalaam\w*|sanoittam\w*"
    r"|kuvittam\w*|luoma\w*|suunnittelem\w*|kääntäm\w*|tuottam\w*|sovittam\w*|näyttelem\w*"
    r"|utställning\w*|turné\w*|spelning\w*|musik(?:en)?|låt(?:en|ar|arna)?|staty(?:n|er)?|serie(?:n|r)?"
    r"|konserter(?:na)?|böckerna|filmerna"
    r"|concerts?|gigs?|tour|exhibition|show|music|tracks?|singles?|hits|statue|series|podcast|lyrics|novel|paintings"
    r"|levy(?:n|ä|t|jä)?|albumi\w*|elokuva\w*|näytelmä\w*|sinfonia\w*|teos|teokse\w*|maalaus|maalaukse\w*"
    r"|novelli\w*|satu|sadu\w*|ooppera\w*|musikaali\w*"
    r"|bok(?:en)?|böcker(?:na)?|roman(?:en|er|erna)?|dikt(?:en|er|erna|samling\w*)?|sång(?:en|er|erna)?"
    r"|vis(?:a|an|or|orna)|skiv(?:a|an|or)|film(?:en|er|erna)?|pjäs(?:en|er)?|symfoni\w*|målning\w*"
    r"|novell(?:en|er)?|sag(?:a|an|or)|operan?|musikal(?:en)?"
    r"|book|books|novels?|poems?|songs?|albums?|movies?|films?|symphon(?:y|ies)|paintings?|stor(?:y|ies)|musicals?|operas?")
WORK_TAIL_RE = re.compile(r"\w{3,}(?:boken|dikten|sången|visan|kirja|kirjan|runo|runon|laulu|laulun|romaani|romaanin"
                          r"|elokuva\w*|sarja\w*|keikka\w*|konsertti\w*|konserten|filmen|serien|spelet|musikalen)")
# A work or a credit just before a name: the name is its title, a character in it, or its maker
# ("elokuvan Risto Räppääjä", "kirjassa Harry Potter", "a song by Anna Lind", "skriven av Tove
# Jansson", "Kuva: Anna Virtanen", "pääosassa", "starring").
WORK_BEFORE_RE = re.compile(
    r"\w*(?:elokuva|kirja|romaani|sarja|satu|sadu|peli|näytelmä|ooppera|musikaali|hahmo|päähenkilö|sankari)\w*"
    r"|\w*(?:filmen|boken|romanen|serien|sagan|spelet|pjäsen|operan|musikalen|figuren|karaktär\w*|huvudperson\w*)"
    r"|film|films|movie|book|novel|series|show|game|play|opera|musical|character|hero|heroine"
    r"|pääosassa|pääosissa|huvudrollen|starring|featuring|feat|ft|esiintyy|esiintyvät|esittää|laulaa|tähdittää"
    r"|uppträder|sjunger")
# A verb of making right before a name, after a work ("Kirjan kirjoitti Tove Jansson", "the song was
# written by", "boken av"): "av" and "by" alone need the work or a participle of making before them.
MAKE_VERB_RE = re.compile(
    r"kirjoittanut|säveltänyt|ohjannut|sanoittanut|maalannut|kirjoitti|sävelsi|ohjasi|sanoitti|maalasi|kuvitti"
    r"|skrev|skrivit|komponerade|regisserade|målade|wrote|composed|directed|painted|by|av")
MADE_BY_RE = re.compile(r"\w*(?:skriv|skrev|komponer|tonsat|regisser|sjung|framför|målad|illustrer|översat|gjord)\w*"
                        r"|written|directed|composed|sung|performed|painted|illustrated|translated|produced|created|made")
CREDIT_RE = re.compile(r"(?:^|\n)\s*(?:kuva|kuvat|kuvaaja|valokuva|teksti|sanat|sävel|säv|musiikki|sovitus|ohjaus|kuvitus"
                       r"|foto|bild|bilder|fotograf|text|musik|regi|illustration|photo|photos|picture|words|lyrics"
                       r"|music|director|credit|credits)\s*:\s*$", re.I)
# What follows a name that makes it a public person: life years, a performance, a sports feat.
LIFE_YEARS_RE = re.compile(r"\s*\((?:s\.|f\.|b\.|born|född|syntynyt|\*)?\s*\d{4}\s*(?:[–—-]\s*(?:\d{4})?)?\s*\)")
PERFORM_RE = re.compile(
    r"esiinty(?:y|i|vät|ivät|mään|mässä|minen|misen)|konsertoi\w*|keikkailee|keikkaili|tähdittä\w*|tähditti"
    r"|uppträd\w*|framträd\w*|turnerar|performs|performed|performing|headlines?|headlined|stars|starred"
    r"|(?:mm-|em-|sm-|vm-|os-|olympia|maailmanmestaruus)?(?:kulta|kultaa|kultamitali\w*|mitali\w*|pronssi\w*)"
    r"|(?:vm-|em-|os-|sm-)?(?:guld|guldet|medalj\w*|brons\w*)|gold|medals?|bronze|scored|hat-trick|hattutemppu\w*"
    r"|voittomaali\w*|olympia\w*|olympic\w*|olympiska|mestaruu\w*|maailmanmestar\w*|världsmästar\w*"
    r"|championships?")
# Citing a person as an authority: "kuten X sanoi", "som X skrev", "as X said", "X:n sanoin".
CITE_BEFORE = frozenset({"kuten", "niinkuin", "som", "as", "like"})
CITE_VERB_RE = re.compile(
    r"sano(?:i|o|nut|taan)|totesi|totesikin|kirjoitti|lauloi|laulaa|opetti|runoili|sa|sade|sagt|säger|skrev|skriver"
    r"|sjöng|sjunger|said|says|wrote|writes|put|sang|sings|once|taught")
# A copula between a name and the role it is: "X on (suomalainen) kirjailija", "X är en känd artist"
COPULA = frozenset({"on", "oli", "ovat", "olivat", "är", "var", "blev", "is", "was", "became", "s"})
# Something private told with a single first name at the start of a sentence, or standing just
# before a name so that no public sign counts: a class, a neighbour, a relative.
CLASS_RE = re.compile(r"\d{1,2}[a-zåäö]|luoka\w*|luokka\w*|klass\w*|class|grade|year")
NEIGHBOUR_RE = re.compile(r"naapuri\w*|grann\w*|neighbou?r\w*|next-door|kaveri\w*|kompis\w*|vän|vännen|friend\w*"
                          r"|työkaveri\w*|kolleg\w*|colleague\w*|luokkakaveri\w*|klasskompis\w*")
RELATIVE_RE = re.compile(
    r"vaimo\w*|mie(?:s|hen|heltä|helle)|poika\w*|poja\w*|tytär|tyttäre\w*|tyttö\w*|äiti\w*|isä\w*|lapsi|lapse\w*"
    r"|lapset|veli|velje\w*|sisko\w*|sisar\w*|mummo\w*|mummi\w*|ukki\w*|pappa\w*|äijä|akka|ex\w*|avo\w*"
    r"|fru(?:n)?|man(?:nen)?|son(?:en)?|dotter|dottern|mamma\w*|barn(?:en)?|bror(?:n)?|syster(?:n)?|sambo\w*"
    r"|wife|husband|son|daughter|mum|mom|dad|kids?|brother|sister|boyfriend|girlfriend|partner")
# A ruler's number or epithet after a name: "Kustaa III", "Pietari Suuri", "Peter the Great"
ROMAN_RE = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")
EPITHETS = frozenset({"suuri", "suuren", "suurta", "store", "stora", "great", "magnus"})
# A degree or a title of office before a name in an appointment: "FM Elina Grönroos", "Dr Smith"
DEGREE_RE = re.compile(r"FM|FT|FL|FK|KTM|KTT|KM|TM|DI|TkT|TkL|LL|OTM|VTM|VTT|YTM|HTM|HTK|MSc|MA|PhD|Dr|Prof|fil|mag|ekon"
                       r"|dr|prof")
# A Finnish agent noun or a Swedish one in -are right before a name is a role: "rahastonhoitaja
# Koskinen", "isännöitsijä Virtanen", "läraren Erik" (a relative or a neighbour is not: checked first)
AGENT_RE = re.compile(r"\w{3,}(?:aja|äjä|ija|ijä|uja|yjä)|\w{3,}aren?")
TAG_BEFORE_RE = re.compile(r"@[^\W\d_][\w.-]* $")     # "@Mats " before "Nyberg"
POLITICS_RE = re.compile(
    r"äänest\w*|valtuusto\w*|valtuute\w*|lautakun\w*|kokou\w*|pöytäkirj\w*|kokouspöytäkirj\w*|päätöks\w*|päätös"
    r"|budjet\w*|talousarvi\w*|kaupunginhallitu\w*|kunnanhallitu\w*|puolue\w*|vaali\w*|ehdok\w*|poliitik\w*"
    r"|luottokort\w*|veronmaksaj\w*|tarjouskilpailu\w*|kaavoitu\w*|kaava\w*"
    r"|fullmäktig\w*|nämnd\w*|stadsstyrelse\w*|omröstning\w*|röst\w*|beslut\w*|budget\w*|parti\w*|politiker\w*"
    r"|skattebetalar\w*|upphandling\w*|kreditkort\w*|sammanträde\w*|protokoll\w*"
    r"|council\w*|committee\w*|vot(?:e|es|ed|ing)|election\w*|budget\w*|party|politician\w*|taxpayer\w*"
    r"|tender\w*|minutes|mandate")
POLITICS_REACH = 12
# Fans hail a star with these at the end of a sentence ("Get well soon legend", "Kiitos legenda!")
HAIL_RE = re.compile(r"legend(?:a|aa|alle|an|en|aren)?|legends|ikoni|icon|idoli|idol|idolen|goat")
HAIL_REACH = 16
EXCLAIMS = frozenset({"mikä", "mitä", "millainen", "vilken", "vilket", "en"})
EXCLAIM_REACH = 12
PLACE_WORDS = frozenset({"från", "i", "på", "in", "from", "at", "of"})
INITIAL_RE = re.compile(r"\s[A-ZÅÄÖ]\.(?=\s|$)")
QUOTES = "\"“”„«»"
BREAK_RE = re.compile(r"[,;()]|:(?!\w)")      # a comma, a bracket or a colon, not ":n" of "SDP:n"
# How far the checks around a name look, in characters: each name costs the same in a long text.
CREDIT_REACH, QUOTE_REACH, OPENING_REACH = 40, 120, 80
QUOTED_TITLE_WORDS = 8          # a quoted stretch of at most this many words is a title or a phrase


# --- the lists -------------------------------------------------------------------------------

UNIT_PREPOSITIONS = frozenset({"från", "på", "from"})
UNIT_FI_RE = re.compile(r"\w*(?:toimesta|toimelta|palveluista|palveluilta|valvonnasta|valvonnalta|kansliasta"
                        r"|keskuksesta|kaupungilta|virastosta|virastolta|kirjastosta|kirjastolta)")
UNIT_RE = re.compile(UNIT_FI_RE.pattern + r"|kultur(?:en|byrån|sektorn)?|tekniska|tekniskt|socialen|socialbyrån"
                     r"|bildningen|bygglovsbyrån|byggnadstillsynen|stadskansliet|kansliet|planläggningen|culture"
                     r"|technical|planning|social|housing|parks|council|\w*(?:services|department|office)")


def _data_lines(filename: str) -> list[str]:
    text = (resources.files("somecheck_rules") / "names" / filename).read_text(encoding="utf-8")
    return [line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def public_roles() -> re.Pattern[str]:
    """One expression for the role words of rules/names/public_roles.txt (word patterns)."""
    return re.compile("|".join(re.escape(p).replace(r"\*", r"[\w'’-]*") for p in _data_lines("public_roles.txt")))


@lru_cache(maxsize=1)
def public_names() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """rules/names/public_names.txt by the first three letters of each word: (the entry's words,
    the word's place in it)."""
    index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for line in _data_lines("public_names.txt"):
        words = tuple(line.split())
        for position, word in enumerate(words):
            index.setdefault(word[:3], []).append((words, position))
    return {key: tuple(value) for key, value in index.items()}


@lru_cache(maxsize=1)
def works() -> dict[str, tuple[tuple[str, ...], ...]]:
    """rules/names/works.txt by the first three letters of each title's last word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in _data_lines("works.txt"):
        words = tuple(line.split())
        index.setdefault(words[-1][:3], []).append(words)
    return {key: tuple(value) for key, value in index.items()}


def after_work(doc: Document, left: list[int]) -> bool:
    """Whether a title of rules/names/works.txt, any word inflected, ends right before the name
    (`left`: the tokens before it, nearest first): the name is a character of that work."""
    tokens = doc.tokens
    if not left:
        return False
    for words in works().get(tokens[left[0]].lower[:3], ()):
        if len(words) <= len(left) and all(
                _entry_word(tokens[left[j]].lower, word, True)
                for j, word in enumerate(reversed(words))):
            return True
    return False


# --- the signs -------------------------------------------------------------------------------

def politics(doc: Document, index: int) -> bool:
    """A word of council politics in the sentence of a surname named alone: a trustee or an official
    spoken of by surname, as politicians are ("Holmström otti kirjekuoren ennen äänestystä")."""
    left, right = _near(doc, index, index, POLITICS_REACH, POLITICS_REACH)
    return any(POLITICS_RE.fullmatch(doc.tokens[k].lower) for k in left + right)


def private_before(doc: Document, first: int) -> bool:
    """A neighbour, a friend or a relative right before the name ("naapurin Matin", "my neighbour
    Tyler", "vaimo Anna"): a private person, whatever else is said of them."""
    if first == 0 or not adjacent_words(doc, first - 1, first):
        return False
    word = doc.tokens[first - 1].lower
    return bool(NEIGHBOUR_RE.fullmatch(word) or RELATIVE_RE.fullmatch(word))


def _between(doc: Document, left: int, right: int) -> str:
    """The text between two tokens."""
    return doc.text[doc.tokens[left].end:doc.tokens[right].start]


def _near(doc: Document, first: int, last: int, before: int, after: int) -> tuple[list[int], list[int]]:
    """Up to `before` tokens before the name and `after` tokens after it, nearest first, within
    its sentence."""
    tokens, text = doc.tokens, doc.text
    left: list[int] = []
    for k in range(first - 1, max(-1, first - 1 - before), -1):
        if any(mark in text[tokens[k].end:tokens[first].start] for mark in SENTENCE_MARKS):
            break
        left.append(k)
    right: list[int] = []
    for k in range(last + 1, min(len(tokens), last + 1 + after)):
        if any(mark in text[tokens[last].end:tokens[k].start] for mark in SENTENCE_MARKS):
            break
        right.append(k)
    return left, right


def maker(doc: Document, first: int, last: int) -> bool:
    """Whether the name is the maker of a work or the title of one: a work or an event right after
    it ("Leinon runo", "Janssons Sommarboken", "Aallon keikka", "Leinon kirjoittama"), a work or a
    credit just before it ("elokuvan Risto Räppääjä", "Kuva: Anna Virtanen"), or a verb of making
    after a work ("Kirjan kirjoitti Tove Jansson", "a song by Anna Lind", "skriven av")."""
    tokens = doc.tokens
    left, right = _near(doc, first, last, 4, 1)
    if right and not any(mark in _between(doc, last, right[0]) for mark in ",;:"):
        word = tokens[right[0]].lower
        if WORK_RE.fullmatch(word) or WORK_TAIL_RE.fullmatch(word):
            return True
    line_start = start_of_line(doc, tokens[first].start)
    if tokens[first].start - line_start <= CREDIT_REACH and CREDIT_RE.search(
            doc.text[max(line_start - 1, 0):tokens[first].start]):
        return True
    if not left or any(mark in _between(doc, left[0], first) for mark in ",;"):
        return False
    if after_work(doc, left):
        return True             # "Tuntemattomassa sotilaassa Lahtinen", "i Utvandrarna Kristina"
    if WORK_BEFORE_RE.fullmatch(tokens[left[0]].lower) or (len(left) > 1 and WORK_BEFORE_RE.fullmatch(
            tokens[left[1]].lower) and not tokens[left[0]].lower[:1].isdigit()):
        return True
    if MAKE_VERB_RE.fullmatch(tokens[left[0]].lower):
        earlier = [tokens[k].lower for k in left[1:]]
        return any(WORK_RE.fullmatch(w) or WORK_TAIL_RE.fullmatch(w) or WORK_BEFORE_RE.fullmatch(w)
                   or MADE_BY_RE.fullmatch(w) for w in earlier)
    return False


def public(doc: Document, first: int, last: int) -> bool:
    """Whether the text marks the named person as public (see the module's doc)."""
    tokens, text = doc.tokens, doc.text
    left, right = _near(doc, first, last, 2, 5)
    if LIFE_YEARS_RE.match(text, tokens[last].end) or tokens[last].lower in EPITHETS:
        return True             # "Tove Jansson (1914–2001)", "Pietari Suuri"
    if right and adjacent_words(doc, last, right[0]) and (
            tokens[right[0]].lower in EPITHETS or tokens[right[0]].lower == "sanoin"
            or (ROMAN_RE.fullmatch(text[tokens[right[0]].start:tokens[right[0]].end]))):
        return True             # "Kustaa III", "Katariina Suuri", "Gustav den store", "Leinon sanoin"
    roles = public_roles()
    for n, k in enumerate(left):    # "laulaja Jari Sillanpää", "kokoomuksen kansanedustaja X"
        if BREAK_RE.search(_between(doc, k, first)):
            break
        if roles.fullmatch(tokens[k].lower) or (n == 0 and (DEGREE_RE.fullmatch(text[tokens[k].start:tokens[k].end])
                                                            or AGENT_RE.fullmatch(tokens[k].lower))):
            return True
    if left and tokens[left[0]].lower in CITE_BEFORE and any(CITE_VERB_RE.fullmatch(tokens[k].lower)
                                                             for k in right[:3]):
        return True             # "kuten Mannerheim sanoi", "som Astrid Lindgren skrev"
    for n, k in enumerate(right):
        word = tokens[k].lower
        between = _between(doc, last, k)
        if any(mark in between for mark in ";:("):
            break
        if n < 5 and PERFORM_RE.fullmatch(word):
            return True         # "Saara Aalto esiintyy", "X voitti kultaa", "Y won gold"
        if roles.fullmatch(word) and ("," in between or "–" in between
                                      or any(tokens[j].lower in COPULA for j in right[:min(n, 2)])):
            return True         # "Tove Jansson, kirjailija", "X on suomalainen kirjailija"
        if "," in between and n > 2:
            break
    if _exclaimed_role(doc, last) or _hailed(doc, last):
        return True             # "Kimi Räikkönen oli Hangossa, mikä legenda"; "... Get well soon legend"
    return _quoted_title(doc, first, last)


def _exclaimed_role(doc: Document, last: int) -> bool:
    """A role exclaimed later in the sentence: "mikä legenda", "vilken artist", "what a player"."""
    tokens, roles = doc.tokens, public_roles()
    _, right = _near(doc, last, last, 0, EXCLAIM_REACH)
    return any(tokens[k].lower in EXCLAIMS and k + 1 < len(tokens) and roles.fullmatch(tokens[k + 1].lower)
               for k in right[:-1]) or any(
        tokens[k].lower in ("what", "such") and k + 2 < len(tokens) and tokens[k + 1].lower in ("a", "an")
        and roles.fullmatch(tokens[k + 2].lower) for k in right[:-2])


def _hailed(doc: Document, last: int) -> bool:
    """A word of hailing a star closes the name's sentence or the next one: "Get well soon legend ⚽",
    "Tsemppiä legenda!", "Krya på dig, legendaren": the fans' word for a public person."""
    tokens, text = doc.tokens, doc.text
    marks = 0
    for k in range(last + 1, min(len(tokens), last + 1 + HAIL_REACH)):
        between = text[tokens[k - 1].end:tokens[k].start]
        marks += any(mark in between for mark in SENTENCE_MARKS) or "\n" in between
        if marks > 1:
            return False
        if HAIL_RE.fullmatch(tokens[k].lower):
            after = text[tokens[k].end:tokens[k + 1].start] if k + 1 < len(tokens) else text[tokens[k].end:]
            if not after.strip() or any(mark in after for mark in SENTENCE_MARKS) or "\n" in after or not any(
                    ch.isalnum() for ch in after):
                return k + 1 >= len(tokens) or not adjacent_words(doc, k, k + 1)
    return False


def public_name(doc: Document, first: int) -> bool:
    """Whether the name is part of an entry of rules/names/public_names.txt written in the text."""
    tokens = doc.tokens
    word = tokens[first].lower
    for words, position in public_names().get(word[:3], ()):
        start = first - position
        if start < 0 or start + len(words) > len(tokens):
            continue
        if all(_entry_word(tokens[start + j].lower, w, j == len(words) - 1) for j, w in enumerate(words)) and all(
                tokens[start + j].line == tokens[start].line for j in range(len(words))):
            return True
    return False


def _entry_word(found: str, entry: str, last: bool) -> bool:
    """A word of the text stands for an entry's word: as written, or the last word inflected."""
    if found == entry:
        return True
    return last and len(entry) >= 4 and found.startswith(entry[:-2]) and len(found) <= len(entry) + 5


def _quoted_title(doc: Document, first: int, last: int) -> bool:
    """Whether the name stands inside quote marks around a few words: a title ("”Risto Räppääjä ja
    Sevillan saituri”") or a short phrase, not someone's words."""
    text, tokens = doc.text, doc.tokens
    start, end = tokens[first].start, tokens[last].end
    line_start = max(start_of_line(doc, start), start - QUOTE_REACH)
    line_end = text.find("\n", end, end + QUOTE_REACH)
    line_end = min(len(text), end + QUOTE_REACH) if line_end < 0 else line_end
    before = text[line_start:start]
    opened = max(before.rfind(q) for q in QUOTES)
    if opened < 0 or sum(before.count(q) for q in QUOTES) % 2 == 0:
        return False
    after = text[end:line_end]
    closes = [i for i in (after.find(q) for q in QUOTES) if i >= 0]
    if not closes:
        return False
    inside = before[opened + 1:] + text[start:end] + after[:min(closes)]
    return len(inside.split()) <= QUOTED_TITLE_WORDS


def private_marked(doc: Document, index: int) -> bool:
    """A single first name at the start of a sentence told with something private: a class
    ("Emma 5B:ltä"), an initial ("Ville H."), a neighbour ("Matti naapurista") or a relative
    ("Matin vaimo")."""
    tokens, text = doc.tokens, doc.text
    if INITIAL_RE.match(text, tokens[index].end):
        return True
    if index + 1 >= len(tokens) or not adjacent_words(doc, index, index + 1):
        return False
    word = tokens[index + 1].lower
    if word in PLACE_WORDS and index + 2 < len(tokens) and adjacent_words(doc, index + 1, index + 2):
        word = tokens[index + 2].lower          # "Erik från klassen bredvid", "Tyler from next door"
        return bool(CLASS_RE.fullmatch(word) or NEIGHBOUR_RE.fullmatch(word) or word == "next")
    return bool(CLASS_RE.fullmatch(word) or NEIGHBOUR_RE.fullmatch(word)
                or (tokens[index].lower.endswith(("n", "s", "'s")) and RELATIVE_RE.fullmatch(word)))


def start_of_line(doc: Document, index: int) -> int:
    return doc.line_starts[doc.line_of(index)]


def adjacent_words(doc: Document, left: int, right: int) -> bool:
    """Only spaces stand between two tokens."""
    return not _between(doc, left, right).strip()


def adjacent(doc: Document, left: Token, right: Token) -> bool:
    """Two tokens stand next to each other: one space, hyphen or no-break space between them."""
    return doc.text[left.end:right.start] in (" ", "-", "\u00a0")


def from_unit(doc: Document, last: int) -> bool:
    """The unit the person works in follows the name, after "från", "på", "from" or in the Finnish elative or
    ablative ("Petra från kulturen", "Petra from culture services", "Sanna kulttuuritoimesta"): a role."""
    tokens = doc.tokens
    k = last + 1
    if k < len(tokens) and tokens[k].lower in UNIT_PREPOSITIONS and adjacent(doc, tokens[last], tokens[k]):
        k += 1
        if k < len(tokens) and tokens[k].lower == "the":
            k += 1
    return k < len(tokens) and k > last and adjacent(doc, tokens[k - 1], tokens[k]) and bool(
        UNIT_RE.fullmatch(tokens[k].lower)) and (k > last + 1 or UNIT_FI_RE.fullmatch(tokens[k].lower) is not None)
