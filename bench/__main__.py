"""`python -m bench`: measure the checker as users meet it and print one table.

Parts: 1-3 the engine in this process, 4-6 `somecheck serve` on 127.0.0.1 (keep-alive
clients, bounded in count and time), 7 peers on the same texts. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every round count by this (0.2 for a quick look)")
    parser.add_argument("--skip", action="append", default=[], choices=("engine", "service", "peers"),
                        help="leave a part out (repeatable)")
    parser.add_argument("--json", metavar="FILE", help="also write the raw results as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is not met")
    args = parser.parse_args(argv)

    from bench import inprocess, peers, report, service

    began = time.perf_counter()
    results: dict = {}
    if "engine" not in args.skip:
        print("measuring the engine in-process ...", file=sys.stderr, flush=True)
        results["engine"] = inprocess.run(args.scale)
    if "service" not in args.skip:
        print("measuring the service on 127.0.0.1 ...", file=sys.stderr, flush=True)
        results["service"] = service.run(args.scale)
    if "peers" not in args.skip:
        print("measuring the peers (better-profanity takes seconds on the long post) ...",
              file=sys.stderr, flush=True)
        results["peers"] = peers.run(args.scale)
    table = report.build(results.get("engine"), results.get("service"), results.get("peers"))
    engine = results.get("engine") or {}
    print(f"SomeCheck benchmark: rules {engine.get('rules_version', '?')} ({engine.get('rules', '?')} rules), "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}, "
          f"{time.perf_counter() - began:.0f} s")
    print(table.render())
    met = sum(ok for _, ok in table.targets)
    print(f"\ntargets met: {met} of {len(table.targets)}")
    for what, ok in table.targets:
        if not ok:
            print(f"  not met: {what}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(_plain(results), out, indent=1)
    return 1 if args.strict and met < len(table.targets) else 0


def _plain(value):
    if isinstance(value, dict):
        return {("/".join(map(str, k)) if isinstance(k, tuple) else str(k)): _plain(v) for k, v in value.items()}
    return value


if __name__ == "__main__":
    raise SystemExit(main())
