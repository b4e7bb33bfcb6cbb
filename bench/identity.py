"""`python -m bench.identity dump FILE` / `compare A B`: are the findings unchanged?

A speed change must not change what the checker finds. `dump` checks every corpus item
(tests/corpus/**/*.yaml, every set), every rule example of the bundled pack and bench's
own texts, and writes one line per text: its key, the (rule, start, end, severity) of each
finding and a hash of the whole response without its timing. Texts are never written, so
the blind sets stay unread. `compare` says how many texts differ and which keys.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from bench import texts
from bench.inprocess import NOW
from checker.batch import check_items
from checker.engine import check, fired
from checker.model import Request
from checker.pack import Pack, example_request, load_pack

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
DEFAULT_NOW = "2026-11-28T12:00:00+02:00"       # as tests/corpus/evaluate.py sends
REQUEST_FIELDS = ("text", "platform", "account", "role", "context", "attachments", "now")


def _corpus_requests() -> Iterator[tuple[str, Request]]:
    for path in sorted(CORPUS.glob("**/*.yaml")):
        for index, item in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            data = {key: item[key] for key in REQUEST_FIELDS if key in item}
            data.setdefault("now", DEFAULT_NOW)
            data["attachments"] = data.get("attachments") or []
            yield f"{path.relative_to(CORPUS)}:{index}", example_request(data, 0)


def _example_requests(pack: Pack) -> Iterator[tuple[str, Request]]:
    for rule in pack.rules:
        for expected, examples in (("flag", rule.flag), ("pass", rule.passes)):
            for index, example in enumerate(examples):
                yield f"{rule.id}:{expected}:{index}", example.request


def _bench_requests() -> Iterator[tuple[str, Request]]:
    for size in texts.SIZES:
        for lang in texts.LANGS:
            for findings in (False, True):
                yield f"bench:{lang}:{size}:{findings}", Request(text=texts.post(lang, size, findings), now=NOW)


def _line(key: str, response: dict[str, Any], extra: Any = None) -> str:
    body = {k: v for k, v in response.items() if k != "elapsed_ms"}
    digest = hashlib.sha256(json.dumps([body, extra], sort_keys=True).encode()).hexdigest()[:16]
    found = [[f["rule"], f["start"], f["end"], f["severity"]] for f in response["findings"]]
    return json.dumps([key, found, digest])


def dump(out: Path) -> int:
    """Write one line per text; return how many."""
    pack = load_pack()
    lines = []
    for key, request in [*_corpus_requests(), *_bench_requests()]:
        lines.append(_line(key, check(pack, request)))
    for key, request in _example_requests(pack):
        words = fired(pack, request)
        lines.append(_line(key, check(pack, request), sorted((k, len(v)) for k, v in words.items())))
    items = [{"text": t, "context": "comment", "platform": "facebook", "role": "admin",
              "account": "official", "now": NOW.isoformat()} for t in texts.comments(200)]
    for index, result in enumerate(check_items(pack, items, default_role="admin", locale="en")):
        lines.append(_line(f"batch:{index}", result))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def compare(a: Path, b: Path) -> int:
    """Print the keys whose findings differ; return their count."""
    left = {json.loads(line)[0]: line for line in a.read_text(encoding="utf-8").splitlines()}
    right = {json.loads(line)[0]: line for line in b.read_text(encoding="utf-8").splitlines()}
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    for key in differ[:50]:
        print("differs:", key)
    print(f"{len(left)} and {len(right)} texts, {len(differ)} differ")
    return len(differ)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.identity", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("dump").add_argument("file", type=Path)
    pair = sub.add_parser("compare")
    pair.add_argument("a", type=Path)
    pair.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        print(f"{dump(args.file)} texts written to {args.file}")
        return 0
    return 1 if compare(args.a, args.b) else 0


if __name__ == "__main__":
    sys.exit(main())
