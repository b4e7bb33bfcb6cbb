"""One table: every measurement, its target where the issue sets one, and whether it is met."""

from __future__ import annotations

from bench import texts

MS = 1000.0


def ms(seconds: float) -> str:
    value = seconds * MS
    return f"{value:.3f} ms" if value < 1 else f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def span(stats: dict) -> str:
    return f"{ms(stats['min'])} – {ms(stats['max'])}"


def size_name(size: int) -> str:
    return f"{size:,}"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.targets: list[tuple[str, bool]] = []

    def add(self, part: str, what: str, value: str, p99: str = "", spread: str = "",
            target: str = "", met: bool | None = None) -> None:
        verdict = "" if met is None else ("yes" if met else "NO")
        self.rows.append((part, what, value, p99, spread, target, verdict))
        if met is not None:
            self.targets.append((f"{what}: {value} (target {target})", met))

    def rule(self) -> None:
        self.rows.append(("-",))

    def render(self) -> str:
        header = ("#", "measure", "median / value", "p99", "min – max", "target", "met")
        body = [r for r in self.rows if len(r) > 1]
        widths = [max(len(r[i]) for r in body + [header]) for i in range(len(header))]
        line = "+".join("-" * (w + 2) for w in widths)
        out = [" | ".join(h.ljust(w) for h, w in zip(header, widths)), line]
        for row in self.rows:
            if len(row) == 1:
                out.append(line)
                continue
            out.append(" | ".join(c.ljust(w) for c, w in zip(row, widths)))
        return "\n".join(out)


def build(inproc: dict | None, service: dict | None, peers: dict | None) -> Table:
    table = Table()
    if inproc:
        checks = inproc["checks"]
        limits = {280: 0.001, 2_000: 0.004, texts.FACEBOOK_MAX: 0.120}
        for size in texts.SIZES:
            for lang in texts.LANGS:
                for findings in (False, True):
                    s = checks[(lang, size, findings)]
                    kind = f"heated, {s['findings']} findings" if findings else "clean"
                    table.add("1", f"check {size_name(size)} chars, {lang}, {kind} (n={s['n']})",
                              ms(s["median"]), ms(s["p99"]), span(s), f"≤ {ms(limits[size])}",
                              s["median"] <= limits[size])
        table.rule()
        for lang in texts.LANGS:
            for findings in (False, True):
                ratio = (checks[(lang, texts.FACEBOOK_MAX, findings)]["median"]
                         / checks[(lang, 2_000, findings)]["median"])
                table.add("2", f"scaling 63,206 / 2,000, {lang}, {'findings' if findings else 'clean'}",
                          f"{ratio:.1f}", target="≤ 40 (linear ≈ 32)", met=ratio <= 40)
        table.rule()
        for lang, r in inproc["recheck"].items():
            ratio = r["again"]["median"] / r["first"]["median"]
            table.add("3", f"re-check 2,000 chars after a one-word edit, {lang} (n={r['again']['n']})",
                      f"{ms(r['again']['median'])} = {ratio:.2f} × first ({ms(r['first']['median'])})",
                      ms(r["again"]["p99"]), span(r["again"]), "≤ 0.50 × first", ratio <= 0.5)
        table.rule()
        rx = inproc["regex"]
        table.add("1r", f"the pack's {rx['patterns']} regexes over 63,206 chars, fi, RE2 as served "
                        f"(n={rx['re2']['n']}); Python re: {ms(rx['re']['median'])}",
                  ms(rx["re2"]["median"]), ms(rx["re2"]["p99"]), span(rx["re2"]))
        table.add("1r", f"(\\w+){{1,50}}! on one 63,206-letter word, RE2 (Python re: never ends)",
                  ms(rx["hanging"]["median"]), ms(rx["hanging"]["p99"]), span(rx["hanging"]),
                  "≤ 1 s", rx["hanging"]["max"] <= 1.0)
        table.rule()
        b = inproc["batch"]
        table.add("8", f"batch of {b['items']} comments of 280 chars, in-process, first check "
                       f"(n={b['first']['n']})", ms(b["first"]["median"]), ms(b["first"]["p99"]),
                  span(b["first"]), "≤ 60 ms", b["first"]["median"] <= 0.060)
        table.rule()
    if service:
        rt = service["round_trip"]
        table.add("4", f"HTTP /v1/health, keep-alive (n={rt['health']['n']})", ms(rt["health"]["median"]),
                  ms(rt["health"]["p99"]), span(rt["health"]))
        table.add("4", f"HTTP /v1/check, 280 chars, keep-alive (n={rt['check']['n']})",
                  ms(rt["check"]["median"]), ms(rt["check"]["p99"]), span(rt["check"]))
        ratio = rt["check"]["median"] / rt["health"]["median"]
        table.add("4", "/v1/check p50 ÷ /v1/health p50", f"{ratio:.2f}", target="≤ 3", met=ratio <= 3)
        p99 = rt["check"]["p99"] / rt["health"]["p99"]
        table.add("4", "/v1/check p99 ÷ /v1/health p99", f"{p99:.2f}")
        b = service["batch"]
        table.add("8", f"HTTP /v1/check/batch, {b['items']} new comments of 280 chars, keep-alive "
                       f"(n={b['round_trip']['n']})", ms(b["round_trip"]["median"]),
                  ms(b["round_trip"]["p99"]), span(b["round_trip"]), "≤ 100 ms",
                  b["round_trip"]["median"] <= 0.100)
        table.rule()
        tp = service["throughput"]
        table.add("5", f"throughput, --workers 2, 8 keep-alive clients, 280 chars "
                       f"({tp['checks']} checks in {tp['seconds']:.1f} s, {tp['errors']} errors)",
                  f"{tp['per_second']:,.0f} checks/s", target="≥ 1,500 checks/s",
                  met=tp["per_second"] >= 1500 and tp["errors"] == 0)
        table.rule()
        table.add("6", "cold start: process start to first /v1/check answer", f"{service['cold_start']:.2f} s",
                  target="≤ 1.0 s", met=service["cold_start"] <= 1.0)
        table.add("6", "cold start with --workers 2 (gunicorn)", f"{service['cold_start_workers']:.2f} s")
        table.add("6", "peak RSS of the service (one process, after the round trips)",
                  f"{service['rss_one'] / 2**20:.0f} MB", target="≤ 150 MB",
                  met=service["rss_one"] <= 150 * 2**20)
        workers = ", ".join(f"{v / 2**20:.0f}" for v in service["rss_workers"].values())
        table.add("6", "peak RSS with --workers 2 (arbiter, workers)", f"{workers} MB",
                  target="≤ 150 MB each", met=max(service["rss_workers"].values()) <= 150 * 2**20)
        table.rule()
    if peers and inproc:
        checks = inproc["checks"]
        for peer, results in peers.items():
            for (lang, size), s in results.items():
                ours = checks[(lang, size, True)]["median"]
                ratio = s["median"] / ours
                target, met = ("", None)
                if peer == "better-profanity" and size == 280:
                    target, met = "≥ 20× faster", ratio >= 20
                table.add("7", f"{peer}, {size_name(size)} chars, {lang} (n={s['n']}); "
                               f"SomeCheck all rules {ms(ours)}",
                          f"{ms(s['median'])}: SomeCheck {ratio:,.0f}× faster",
                          ms(s["p99"]), span(s), target, met)
    return table
