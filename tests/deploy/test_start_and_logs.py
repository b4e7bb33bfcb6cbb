"""What `serve` refuses at start, and what its log never holds."""

from __future__ import annotations

import re
import textwrap
import uuid
from pathlib import Path

import pytest

from deploy_served import Served, somecheck

EVIL_RULE = """\
rules:
  - id: accusation.evil
    category: accusation
    severity: warn
    guideline: G5
    kind: pattern
    regex:
      en: ["(a)\\\\1b"]
    message: {fi: x, sv: x, en: x}
    description: {fi: x, sv: x, en: x}
    examples:
      flag: [aab]
      pass: [ccc]
"""


@pytest.mark.parametrize("server", ["gunicorn", "waitress"])
def test_a_pack_with_a_catastrophic_regex_is_refused_at_start(tmp_path: Path, server: str) -> None:
    pack = tmp_path / "evil-pack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: evil\nversion: '1'\nextends: bundled\n")
    (pack / "rules" / "evil.yaml").write_text(EVIL_RULE)
    result = somecheck("serve", "--rules", str(pack), "--server", server, "--workers", "2",
                       "--port", "1", timeout=30)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "refused" in result.stderr
    line = EVIL_RULE.splitlines().index('      en: ["(a)\\\\1b"]') + 1
    assert f"{pack / 'rules' / 'evil.yaml'}:{line}:" in result.stderr, result.stderr
    assert "back-references" in result.stderr
    assert "is checking at" not in result.stdout


@pytest.mark.parametrize("server", ["gunicorn", "waitress"])
def test_the_log_never_holds_the_text_of_a_post(tmp_path: Path, server: str) -> None:
    sentinel = "Sentinel" + uuid.uuid4().hex[:12]
    log_file = tmp_path / "somecheck.log"
    texts = [
        f"Du ljuger, {sentinel}!",                                   # a finding
        f"Ring mig på 040 123 4567, {sentinel} bor på Storgatan 5.",  # privacy findings
        f"{sentinel} " * 2000,                                        # a long text
    ]
    with Served(tmp_path, "--server", server, "--workers", "2", "--log-level", "debug",
                "--log-file", str(log_file)) as served:
        for text in texts:
            assert served.request("POST", "/v1/check", {"text": text})[0] == 200
        # malformed, wrongly typed, oversized, refused: the sentinel travels in each
        bad = [
            (f'{{"text": "{sentinel}"'.encode(), {"Content-Type": "application/json"}),
            (f'{{"text": "{sentinel}", "account": "{sentinel}"}}'.encode(), {"Content-Type": "application/json"}),
            (f'{{"text": "{sentinel}"}}'.encode(), {"Content-Type": "text/plain"}),
            (f'{{"text": "{sentinel * 30000}"}}'.encode(), {"Content-Type": "application/json"}),
            (f'{{"text": "{sentinel}"}}'.encode(), {"Content-Type": "application/json", "Origin": "https://evil.example"}),
        ]
        for body, headers in bad:
            status, data, raw = served.request("POST", "/v1/check", body, headers=headers)
            assert 400 <= status < 500 and "error" in data, raw[:200]
        assert served.request("GET", f"/v1/{sentinel}")[0] == 404
    output = served.log()
    log_text = log_file.read_text(errors="replace")
    assert "is checking at" in output                 # the process output was captured ...
    assert re.search(r"DEBUG|INFO", log_text), log_text   # ... and the log was written, verbosely
    assert sentinel.lower() not in output.lower()
    assert sentinel.lower() not in log_text.lower()
