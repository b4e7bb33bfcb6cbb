"""Findings said at a remove: words the writer quotes, mentions, names as a title or asks
about only to reject, rather than says. Such a finding stays (so the reader still sees
the words and can judge), but at `info`, so that a post that reports, condemns or rejects
harsh words is not held back as if it said them:

- a quoted line of a reply (a line that begins with ">"): someone else's comment, quoted
  to answer or to say it was removed;
- words inside quotation marks in a sentence that reports them ("Joku kirjoitti ryhmään
  "polttakaa kunnantalo"", "Nån skrev "bränn ner skolan"", "fick jag höra att jag är en
  "hurri"", "someone said we should "string up" the council");
- a word mentioned as a word: "Fuck-sanaa ei saa käyttää", "fuck-ordet", "the F-word";
- a Finnish title before its kind of work: "Kylähullun päiväkirja -näytelmä";
- a question the writer answers with a no in the next sentence: "Ammutaan se susi ite? Ei
  todellakaan.", "Ska vi bränna ner stadshuset? Nej, självklart inte", "Should we burn the
  old school down? Of course not."

Only findings of the categories of harsh speech are softened (SPEECH): a quoted line with
someone's identity code or a confidential matter is still published. Everything here looks
at the sentence or line of each finding: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from checker.kinds.base import Context

Found = tuple[Any, int, int, Any]     # (rule, start, end, said) in string indices, as the engine has them

SPEECH = frozenset({"profanity", "insult", "hate", "incitement", "accusation"})
ANSWERED = frozenset({"insult", "hate", "incitement", "accusation"})      # a rejected question: not a swear word
QUOTE_LINE_RE = re.compile(r"[ \t]*>")
# Words in quotation marks: a mark after no letter and before one, up to a mark after a word
# and before no letter (so "Anna's" and "fuckin'" open nothing), at most 120 characters.
QUOTED_RE = re.compile(r"(?<!\w)[\"“”„«»'‘’](?=\w)[^\n]{1,120}?(?<=[\w.!?])[\"“”«»'’](?!\w)")
# Verbs and nouns that report someone's words, as stems of fi, sv and en words.
REPORTING_RE = re.compile(
    r"\b(?:kirjoitti\w*|kirjoittan\w*|kirjoitet\w*|kirjoittaa|kirjoittavat|sanoi\w*|sanon\w*|sanoo|sanottiin"
    r"|sanotaan|huusi\w*|huutan\w*|huudet\w*|huutaa|huutel\w*|kommentoi\w*|kommentti\w*|kommentissa|kehotti\w*"
    r"|kehotet\w*|vaati\w*|uhkasi\w*|uhkail\w*|kutsui\w*|kutsuu|nimitti\w*|haukkui\w*|väitti\w*|väittää"
    r"|postasi\w*|julkaisi\w*|viesti\w*|kuulin|kuulla|kuului"
    r"|skrev|skrivit|skrivits|skriver|sa|sade|säger|sägs|ropade|ropar|skrek|skriker|kallade|kallar|kallas"
    r"|hotade|hotar|uppmanade|uppmanar|höra|hörde|hört|kommentar\w*|inlägg\w*"
    r"|wrote|written|writes|said|says|shouted|shouts|yelled|yells|called|posted|commented|comment|comments"
    r"|threatened|urged|told|heard|message)\b", re.I)
MENTION_AFTER_RE = re.compile(r"[-‑](?:sana|sanaa|sanan|sanoja|sanat|sanalla|sanasta|ord|ordet|orden|word|words)\b",
                              re.I)
MENTION_REACH = 12           # characters of "-sanaa" after a finding, at most
# A Finnish title is written before its kind of work with a spaced hyphen: "Tuntematon sotilas -elokuva".
WORKS = (r"näytelm|elokuv|leff|kirj|romaan|sarj|ohjelm|laul|biis|kappale|albumi|levy|esity|musikaal|oopper"
         r"|konsert|festivaal|pel|podcast|näyttel|teos|teokse|runo|novell|sarjakuv")
TITLE_AFTER_RE = re.compile(rf"[^\S\n]*(?:[\w'’:]+[^\S\n]+){{0,6}}?[-–](?:{WORKS})\w*\b", re.I)
# A no that answers the question before it: a strong one, or a bare one ending its sentence or clause.
REJECTION_RE = re.compile(
    r"(?:ei\s+(?:todellakaan|tietenkään|tietysti|missään\s+nimessä|ikinä|koskaan|käy|kannata)|no\s+ei|eipä"
    r"|tietenkään\s+ei|absolut\s+inte|självklart\s+inte|naturligtvis\s+inte|inte\s+en\s+chans|aldrig\s+i\s+livet"
    r"|of\s+course\s+not|absolutely\s+not|definitely\s+not|obviously\s+not|certainly\s+not|hell\s+no|no\s+way"
    r"|not\s+a\s+chance|nope|(?:ei|nej|nä|no),?\s+(?:todellakaan|tietenkään|absolut\s+inte|självklart\s+inte"
    r"|naturligtvis\s+inte|of\s+course\s+not|absolutely\s+not|definitely\s+not|no|nej|ei|never)\b"
    r"|(?:ei|nej|nä|no|never|aldrig)\s*(?:[.!]|$))", re.I)


def softened(results: Sequence[Found], ctx: Context) -> list[Found]:
    """The findings, each one of SPEECH said at a remove (see the module's docstring) at info."""
    out = []
    for found in results:
        rule, start, end, said = found
        if end > start and rule.category in SPEECH and rule.severity != "info" and _at_remove(ctx, rule, start, end):
            found = (replace(rule, severity="info"), start, end, said)
        out.append(found)
    return out


def _at_remove(ctx: Context, rule: Any, start: int, end: int) -> bool:
    text = ctx.doc.text
    line_start = text.rfind("\n", 0, start) + 1
    if QUOTE_LINE_RE.match(text, line_start) and "\n" not in text[start:end]:
        return True
    sentence_start, sentence_end = _sentence(ctx, start, end)
    if _quoted_and_reported(text, start, end, sentence_start, sentence_end):
        return True
    mention = MENTION_AFTER_RE.search(text, start, end + MENTION_REACH)
    if (mention and mention.start() <= end) or TITLE_AFTER_RE.match(text, end):
        return True
    return rule.category in ANSWERED and _rejected(text, sentence_end)


def _sentence(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """The start of the sentence of `start` and the end of the sentence of `end`."""
    sentences = ctx.doc.sentences
    if not sentences:
        return 0, len(ctx.doc.text)
    first = max(bisect_right(sentences, (start, len(ctx.doc.text) + 1)) - 1, 0)
    last = max(bisect_right(sentences, (max(end - 1, start), len(ctx.doc.text) + 1)) - 1, 0)
    return sentences[first][0], max(sentences[last][1], end)


def _quoted_and_reported(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Whether [start, end) overlaps words in quotation marks, in a sentence (on one line) that
    reports words outside them."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    lo, hi = max(sentence_start, line_start), min(sentence_end + 1, len(text) if line_end < 0 else line_end)
    for quoted in QUOTED_RE.finditer(text, lo, hi):
        if quoted.start() < end and start < quoted.end():
            outside = text[lo:quoted.start()] + " " + text[quoted.end():hi]
            return bool(REPORTING_RE.search(outside))
    return False


def _rejected(text: str, sentence_end: int) -> bool:
    """Whether the sentence ending at `sentence_end` is a question and the next one begins with a no."""
    mark = text[:sentence_end].rstrip(" \t\"'”’»)")
    if not mark.endswith("?"):
        return False
    following = sentence_end
    while following < len(text) and text[following] in " \t\n\"'”’»":
        if text[following] == "\n" and text.startswith("\n", following + 1):
            return False                           # a paragraph break
        following += 1
    return bool(REJECTION_RE.match(text, following))
