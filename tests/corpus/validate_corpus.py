"""Sanity checks for the labelled corpus (not a test of the checker).

Run:  .venv/bin/python tests/corpus/validate_corpus.py [FOLDER]
      (FOLDER defaults to this one; ids are h-<lang>-NNN in tests/corpus/holdout,
      third-<lang>-NNN in tests/corpus/third and names-<lang>-NNN in tests/corpus/names)
Checks: schema and vocabularies, unique ids, every span excerpt occurs verbatim in its text,
identifier check digits (positives valid, look-alikes in other items invalid), phone numbers
(private ones valid and labelled, the city's own never), and weekday/date consistency
(accuracy items really wrong or past, other items really right).
"""
import datetime as dt
import pathlib
import re
import sys
from collections import Counter

import phonenumbers
import yaml
from stdnum import iban
from stdnum.fi import hetu
from stdnum.se import personnummer

HERE = pathlib.Path(__file__).parent
CITY_PHONES = "+35819220"
# the city's own account for invoices in corpus items (cleanprobe): clean, like the city's phones
CITY_IBANS = {"FI9540061010001232"}
LANGS = ("fi", "sv", "en")
CATEGORIES = ["profanity", "insult", "accusation", "hate", "incitement", "privacy",
              "confidentiality", "copyright", "bilingual", "plain_language", "opinion",
              "accuracy", "timing"]
ENUMS = {"context": {"post", "comment", "reply"}, "account": {"personal", "official"},
         "role": {"staff", "trustee", "admin"}, "platform": {"facebook", "instagram", "x", "other"}}
KEYS = {"id", "text", "context", "account", "role", "platform", "attachments", "now", "expect",
        "spans", "note"}

HETU_RE = re.compile(r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b")
PNR_RE = re.compile(r"\b\d{6}[-+]\d{4}\b")
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b")
PHONE_RE = re.compile(r"(?<![\w/.+-])(?:\+\d{2,3}|0)\d{0,4}(?:[ -]\d{1,6}){0,4}(?![\w/-]|\.\w)")

WEEKDAYS = {  # name -> Python weekday()
    **{w: i for i, w in enumerate(["maanantaina", "tiistaina", "keskiviikkona", "torstaina",
                                   "perjantaina", "lauantaina", "sunnuntaina"])},
    **{w: i for i, w in enumerate(["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag",
                                   "söndag"])},
    **{w: i for i, w in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday"])},
}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
MONTHS.update({m: i + 1 for i, m in enumerate(
    ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
     "oktober", "november", "december"])})
WD = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
MN = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RES = [
    # weekday 25.11.2026 / weekday 25.11. / weekday 25.11
    re.compile(rf"\b({WD}),?\s+(\d{{1,2}})\.(\d{{1,2}})\.?(\d{{4}})?", re.I),
    # weekday 25 November 2026 / lördag 3 januari 2027
    re.compile(rf"\b({WD}),?\s+(\d{{1,2}})\s+({MN})(?:\s+(\d{{4}}))?", re.I),
    # Monday, December 15(, 2026)
    re.compile(rf"\b({WD}),?\s+({MN})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?", re.I),
]


def weekday_dates(text, now):
    """Yield (matched text, weekday named, date) for every weekday+date in the text."""
    for n, rx in enumerate(DATE_RES):
        for m in rx.finditer(text):
            wd = WEEKDAYS[m.group(1).lower()]
            if n == 0:
                day, month, year = int(m.group(2)), int(m.group(3)), m.group(4)
            elif n == 1:
                day, month, year = int(m.group(2)), MONTHS[m.group(3).lower()], m.group(4)
            else:
                day, month, year = int(m.group(3)), MONTHS[m.group(2).lower()], m.group(4)
            if year:
                y = int(year)
            else:  # the next such date on or after `now` (a few weeks' grace for "past" dates)
                base = now.date() if now else dt.date(2026, 11, 24)
                y = base.year
                if dt.date(y, month, day) < base - dt.timedelta(days=60):
                    y += 1
            yield m.group(0), wd, dt.date(y, month, day)


def _is_service_number(parsed) -> bool:
    from checker.kinds.identifier import _is_service_number as service
    return service(parsed)


def check_phones(text: str, privacy_spans: list[str], where: str, errors: list[str]) -> None:
    """Every valid private number is labelled privacy, and the city's own numbers never are."""
    iban_spans = [m.span() for m in IBAN_RE.finditer(text)]
    for m in PHONE_RE.finditer(text):
        num = m.group(0).strip()
        if any(a <= m.start() < b for a, b in iban_spans) or len(re.sub(r"\D", "", num)) < 7:
            continue
        try:
            parsed = phonenumbers.parse(num, "FI")
            ok = phonenumbers.is_valid_number(parsed)
        except phonenumbers.NumberParseException:
            ok = False
        city = ok and phonenumbers.format_number(
            parsed, phonenumbers.PhoneNumberFormat.E164).startswith(CITY_PHONES)
        # an agency's or a company's service number (toll-free, 0295, 020) reaches no person
        city = city or (ok and _is_service_number(parsed))
        positive = any(num in s or s in num for s in privacy_spans)
        if positive and (not ok or city):
            errors.append(f"{where}: private phone {num} invalid or a city number")
        if ok and not city and not positive:
            errors.append(f"{where}: valid non-city phone {num} not labelled privacy")
        print(f"  {where:10} phone {num:28} valid={ok} city={city} labelled={'privacy' if positive else '-'}")


def main(folder: pathlib.Path = HERE) -> int:
    """Check one corpus folder; print the findings and the counts table; 1 when anything is wrong."""
    id_prefix = {"holdout": "h-", "third": "third-", "names": "names-"}.get(folder.resolve().name, "")
    errors, warnings = [], []
    seen = set()
    table = {}
    for lang in LANGS:
        items = yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8"))
        counts = Counter()
        for it in items:
            iid = it.get("id")
            where = f"{lang}:{iid}"
            if set(it) - KEYS:
                errors.append(f"{where}: unknown keys {set(it) - KEYS}")
            for k in ("id", "text", "context", "account", "role", "platform", "expect"):
                if k not in it:
                    errors.append(f"{where}: missing {k}")
            if iid in seen:
                errors.append(f"{where}: duplicate id")
            seen.add(iid)
            if not str(iid).startswith(f"{id_prefix}{lang}-"):
                errors.append(f"{where}: id prefix")
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                errors.append(f"{where}: empty text")
            for k, allowed in ENUMS.items():
                if it.get(k) not in allowed:
                    errors.append(f"{where}: bad {k} {it.get(k)!r}")
            text = it["text"]
            expect = it["expect"]
            if len(set(expect)) != len(expect):
                errors.append(f"{where}: duplicate category in expect")
            for c in expect:
                if c not in CATEGORIES:
                    errors.append(f"{where}: unknown category {c}")
            for sp in it.get("spans") or []:
                if sp["category"] not in expect:
                    errors.append(f"{where}: span category {sp['category']} not in expect")
                if sp["excerpt"] not in text:
                    errors.append(f"{where}: excerpt {sp['excerpt']!r} not in text")
            atts = it.get("attachments") or []
            # Since issue 9 (item 13) an image expects copyright only when the text points to
            # someone else's material, so an image alone no longer implies the label.
            has_image = any(a.get("type") == "image" for a in atts)
            if "copyright" in expect and not has_image and not any(
                    s["category"] == "copyright" for s in it.get("spans") or []):
                errors.append(f"{where}: copyright without an image needs a span (copied text)")
            if "bilingual" in expect and it["account"] != "official":
                errors.append(f"{where}: bilingual on a personal account")
            if ("opinion" in expect or "plain_language" in expect) and it["account"] != "official":
                errors.append(f"{where}: opinion/plain_language on a personal account")
            now = dt.datetime.fromisoformat(it["now"]) if it.get("now") else None
            if now is not None and now.utcoffset() is None:
                errors.append(f"{where}: now without offset")
            if "timing" in expect:
                if not now or it["role"] != "staff" or it["account"] != "personal":
                    errors.append(f"{where}: timing needs staff + personal + now")
                elif not (now.weekday() < 5 and 8 <= now.hour < 16):
                    errors.append(f"{where}: timing item not in working hours")
            for c in expect:
                counts[c] += 1
            counts["_items"] += 1
            counts["_clean"] += not expect

            # identifiers
            privacy_spans = [s["excerpt"] for s in it.get("spans") or [] if s["category"] == "privacy"]
            found = {}  # code -> {kind: valid}; a code counts as valid if any reading is valid
            for rx, kind, check in ((HETU_RE, "hetu", hetu.is_valid),
                                    (PNR_RE, "pnr", personnummer.is_valid),
                                    (IBAN_RE, "iban", iban.is_valid)):
                for m in rx.finditer(text):
                    found.setdefault(m.group(0), {})[kind] = check(m.group(0))
            for code, kinds in found.items():
                valid = any(kinds.values())
                kind = "/".join(k for k, v in kinds.items() if v == valid)
                positive = any(code in s for s in privacy_spans)
                if positive and not valid:
                    errors.append(f"{where}: positive {kind} {code} is INVALID")
                if not positive and valid and code.replace(" ", "") not in CITY_IBANS:
                    errors.append(f"{where}: {kind} {code} is valid but not labelled privacy")
                print(f"  {where:10} {kind:5} {code:28} valid={valid} labelled={'privacy' if positive else '-'}")
            check_phones(text, privacy_spans, where, errors)

            # dates
            for frag, wd, date in weekday_dates(text, now):
                right = date.weekday() == wd
                acc_spans = [s["excerpt"] for s in it.get("spans") or [] if s["category"] == "accuracy"]
                flagged = any(frag in s or s in frag for s in acc_spans)
                past = now is not None and date < now.date()
                if flagged and right and not past:
                    errors.append(f"{where}: accuracy span {frag!r} has the right weekday and is not past")
                if not right and "accuracy" not in expect:
                    errors.append(f"{where}: {frag!r} has a WRONG weekday ({date:%A}) but no accuracy label")
                if past and "accuracy" not in expect:
                    warnings.append(f"{where}: {frag!r} is before now (unlabelled; check the note)")
                print(f"  {where:10} date  {frag:28} {date} is {date:%A} right={right} past={past} accuracy={flagged}")
            if "accuracy" in expect and now is None:
                errors.append(f"{where}: accuracy without now")
        table[lang] = counts
    # counts table
    print()
    header = "| category | " + " | ".join(LANGS) + " | total |"
    print(header)
    print("|" + "---|" * (len(LANGS) + 2))
    for c in ["_items", "_clean"] + CATEGORIES:
        vals = [table[l][c] for l in LANGS]
        name = {"_items": "**items**", "_clean": "clean (`[]`)"}.get(c, c)
        print(f"| {name} | " + " | ".join(map(str, vals)) + f" | {sum(vals)} |")
    for w in warnings:
        print("WARNING", w)
    for e in errors:
        print("ERROR", e)
    print(f"\n{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE))
