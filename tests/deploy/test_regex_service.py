"""Issue 13.1 in the live service: regexes that make Python's `re` backtrack for ever are
served, answered quickly, and leave the service free for everyone else."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from deploy_served import Served

HANGING = [r"(\w+){1,50}!", r"\w*\w*\w*\w*\w*\w*!", r"[a-z]+[a-z]+[a-z]+[a-z]+@"]


CATEGORIES = ["accusation", "insult", "profanity"]     # one each: findings of one category merge


def _rule(number: int, regex: str) -> str:
    return f"""\
  - id: {CATEGORIES[number]}.slow{number}
    category: {CATEGORIES[number]}
    severity: warn
    guideline: G5
    kind: pattern
    regex:
      any: [{json.dumps(regex)}]
    message: {{fi: x, sv: x, en: x}}
    description: {{fi: x, sv: x, en: x}}
    examples:
      flag: ["aa{'!' if '!' in regex else '@'}"]
      pass: [ccc]
"""


@pytest.fixture(scope="module")
def slow_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pack = tmp_path_factory.mktemp("slow") / "slow-pack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: slow\nversion: '1'\nextends: bundled\n")
    (pack / "rules" / "slow.yaml").write_text(
        "rules:\n" + "".join(_rule(n, regex) for n, regex in enumerate(HANGING)))
    return pack


@pytest.mark.parametrize("server", ["waitress", "gunicorn"])
def test_backtracking_regexes_cannot_hang_the_service(tmp_path: Path, slow_pack: Path,
                                                      server: str) -> None:
    # A 26-letter word took Python's `re` 4 s, doubling with each letter; these are 20,000.
    words = ["a" * 20_000, "Ab" * 10_000 + "c", "abc " * 5_000 + "x" * 5_000]
    with Served(tmp_path, "--rules", str(slow_pack), "--server", server, "--workers", "2",
                "--threads", "4") as served:
        def post(text: str) -> tuple[int, dict]:
            status, data, _ = served.request("POST", "/v1/check",
                                             {"text": text, "locale": "en"}, timeout=30)
            return status, data

        with ThreadPoolExecutor(8) as pool:       # eight at once once used up every thread
            started = time.monotonic()
            answers = list(pool.map(post, words * 3))
            health, _, _ = served.request("GET", "/v1/health", timeout=5)
            took = time.monotonic() - started
        assert health == 200
        assert all(status == 200 for status, _ in answers), answers
        assert took < 25, f"nine posts took {took:.1f} s"
        # the rules still work on the text they are for
        status, data = post("this is it!! and mail@")
        assert status == 200
        fired = {f["rule"] for f in data["findings"]}
        assert {"accusation.slow0", "insult.slow1", "profanity.slow2"} <= fired, fired
