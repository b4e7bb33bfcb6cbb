"""Measure the bundled rule pack on the labelled corpus (tests/corpus/{fi,sv,en}.yaml).

Run:  python tests/corpus/evaluate.py [--verbose] [--lang fi|sv|en] [--pack FOLDER]

Prints, per category, post-level precision and recall (a category is predicted when any
finding has it), the share of clean posts (`expect: []`) that get a warn or block, and span
coverage: the share of expected spans whose excerpt lies within a finding of that category.
With --verbose, every miss, false alarm and uncovered span is listed for debugging.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from checker.engine import check  # noqa: E402
from checker.pack import Pack, example_request, load_pack  # noqa: E402
from checker.vocabulary import CATEGORIES  # noqa: E402

HERE = Path(__file__).resolve().parent
LANGS = ("fi", "sv", "en")
# Items without `now` are checked at a moment outside working hours (a Saturday noon), as
# the corpus README asks, so the clock cannot produce timing findings on them.
DEFAULT_NOW = "2026-11-28T12:00:00+02:00"
REQUEST_FIELDS = ("text", "platform", "account", "role", "context", "attachments", "now")


def load_items(langs: tuple[str, ...] = LANGS, folder: Path = HERE) -> list[dict[str, Any]]:
    """Every corpus item of the given languages, each with its language under `lang`."""
    items = []
    for lang in langs:
        for item in yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8")) or []:
            items.append({**item, "lang": lang})
    return items


def request_for(item: dict[str, Any]):
    """The check request an item stands for, built like a rule example's request."""
    data = {key: item[key] for key in REQUEST_FIELDS if key in item}
    data.setdefault("now", DEFAULT_NOW)
    if isinstance(data["now"], datetime):
        data["now"] = data["now"].isoformat()
    data["attachments"] = data.get("attachments") or []
    return example_request(data, 0)


def utf16_index(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def span_covered(text: str, excerpt: str, findings: list[dict[str, Any]], category: str) -> bool:
    """Whether some occurrence of the excerpt lies within a finding of the category."""
    spans = [(f["start"], f["end"]) for f in findings if f["category"] == category]
    start = text.find(excerpt)
    while start != -1:
        s, e = utf16_index(text, start), utf16_index(text, start + len(excerpt))
        if any(fs <= s and fe >= e for fs, fe in spans):
            return True
        start = text.find(excerpt, start + 1)
    return False


@dataclass
class Result:
    """The counts of one run over the corpus."""

    items: int = 0
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    spans: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    spans_covered: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    clean: int = 0
    clean_alarmed: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    clean_alarms: list[str] = field(default_factory=list)

    def precision(self, category: str) -> float | None:
        predicted = self.tp[category] + self.fp[category]
        return self.tp[category] / predicted if predicted else None

    def recall(self, category: str) -> float | None:
        expected = self.tp[category] + self.fn[category]
        return self.tp[category] / expected if expected else None

    def span_coverage(self, category: str) -> float | None:
        return self.spans_covered[category] / self.spans[category] if self.spans[category] else None

    @property
    def clean_alarm_rate(self) -> float:
        return self.clean_alarmed / self.clean if self.clean else 0.0


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def evaluate(pack: Pack | None = None, items: list[dict[str, Any]] | None = None) -> Result:
    """Check every item with the pack and count hits, misses and false alarms."""
    pack = pack or load_pack()
    items = load_items() if items is None else items
    result = Result()
    for item in items:
        result.items += 1
        response = check(pack, request_for(item))
        findings = response["findings"]
        predicted = {f["category"] for f in findings}
        expected = set(item.get("expect") or [])
        where = f"{item['id']}: {_short(item['text'])}"
        for category in CATEGORIES:
            if category in expected and category in predicted:
                result.tp[category] += 1
            elif category in expected:
                result.fn[category] += 1
                result.misses.append(f"[{category}] {where}")
            elif category in predicted:
                result.fp[category] += 1
                got = [f"{f['rule']}:{f['excerpt']!r}" for f in findings if f["category"] == category]
                result.false_alarms.append(f"[{category}] {where}  <- {', '.join(got)}")
        for span in item.get("spans") or []:
            category, excerpt = span["category"], span["excerpt"]
            result.spans[category] += 1
            if span_covered(item["text"], excerpt, findings, category):
                result.spans_covered[category] += 1
            else:
                result.uncovered.append(f"[{category}] {excerpt!r} in {where}")
        if not expected:
            result.clean += 1
            alarms = [f for f in findings if f["severity"] in ("warn", "block")]
            if alarms:
                result.clean_alarmed += 1
                result.clean_alarms.append(
                    f"{where}  <- {', '.join(f['rule'] + ':' + repr(f['excerpt']) for f in alarms)}")
    return result


def _fmt(value: float | None) -> str:
    return "   -  " if value is None else f"{value:6.3f}"


def report(result: Result, verbose: bool = False) -> str:
    lines = [f"{result.items} items", "",
             f"{'category':<16} {'expect':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'spans':>9}"]
    for category in CATEGORIES:
        expected = result.tp[category] + result.fn[category]
        if not expected and not result.fp[category]:
            continue
        spans = (f"{result.spans_covered[category]}/{result.spans[category]}"
                 if result.spans[category] else "-")
        lines.append(f"{category:<16} {expected:>6} {result.tp[category]:>4} {result.fp[category]:>4} "
                     f"{result.fn[category]:>4} {_fmt(result.precision(category))} "
                     f"{_fmt(result.recall(category))} {spans:>9}")
    total_spans = sum(result.spans.values())
    covered = sum(result.spans_covered.values())
    lines += ["",
              f"clean posts with warn/block: {result.clean_alarmed}/{result.clean} "
              f"({100 * result.clean_alarm_rate:.1f} %)",
              f"span coverage: {covered}/{total_spans} "
              f"({100 * covered / total_spans if total_spans else 0:.1f} %)"]
    if verbose:
        for title, entries in (("misses", result.misses), ("false alarms", result.false_alarms),
                               ("clean posts with warn/block", result.clean_alarms),
                               ("uncovered spans", result.uncovered)):
            lines += ["", f"--- {title} ({len(entries)})", *entries]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    parser.add_argument("--lang", choices=LANGS, action="append", help="only these languages")
    parser.add_argument("--pack", type=Path, action="append", help="a pack folder instead of the bundled one")
    parser.add_argument("--corpus", type=Path, default=HERE,
                        help="a folder with fi.yaml, sv.yaml and en.yaml (default: this one)")
    parser.add_argument("--half", choices=("dev", "test"),
                        help="only odd-numbered items (dev, to look at) or even-numbered ones (test, kept blind)")
    args = parser.parse_args(argv)
    pack = load_pack(args.pack) if args.pack else load_pack()
    items = load_items(tuple(args.lang) if args.lang else LANGS, args.corpus)
    if args.half:
        items = [item for item in items if int(item["id"].rsplit("-", 1)[1]) % 2 == (args.half == "dev")]
    print(report(evaluate(pack, items), verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
