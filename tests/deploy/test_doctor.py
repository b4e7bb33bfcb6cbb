"""`somecheck doctor` on a working set-up and on each kind of broken one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from deploy_served import Served, free_port, somecheck

TOKEN = "doctor-test-token-0123456789abcdef"


def doctor(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOMECHECK_", "XDG_"))}
    env["HOME"] = str(tmp_path)          # no background service installed for this user
    return somecheck("doctor", *args, env=env)


def test_a_working_set_up(tmp_path: Path) -> None:
    token = tmp_path / "token.txt"
    token.write_text(TOKEN)
    with Served(tmp_path, "--token-file", str(token), "--threads", "2", token=TOKEN) as served:
        done = doctor(tmp_path, "--port", str(served.port), "--token-file", str(token))
        assert done.returncode == 0, done.stdout
        out = done.stdout
        assert "All is well." in out and "PROBLEM" not in out
        assert f"port {served.port} is ours" in out
        assert "the service answers: SomeCheck" in out
        assert "the token matches" in out
        assert "the rules load: hanko-" in out

        # the same service, a wrong token and none
        wrong = tmp_path / "wrong.txt"
        wrong.write_text("not-the-token-at-all-0000")
        done = doctor(tmp_path, "--port", str(served.port), "--token-file", str(wrong))
        assert done.returncode == 1
        assert "PROBLEM  the token does not match" in done.stdout and "fix: give the same token" in done.stdout
        done = doctor(tmp_path, "--port", str(served.port))
        assert done.returncode == 1 and "requires a token and none was given" in done.stdout


def test_nothing_answers(tmp_path: Path) -> None:
    port = free_port()
    done = doctor(tmp_path, "--port", str(port))
    assert done.returncode == 1
    assert f"port {port} is free" in done.stdout
    assert f"PROBLEM  no checker answers at http://127.0.0.1:{port}/" in done.stdout
    assert "fix: start it with `somecheck serve`" in done.stdout
    assert "no background service is installed" in done.stdout


def test_the_port_is_taken_by_another_program(tmp_path: Path) -> None:
    port = free_port()
    other = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        for _ in range(100):
            if doctor(tmp_path, "--port", str(port)).stdout.count("another program"):
                break
            time.sleep(0.1)
        done = doctor(tmp_path, "--port", str(port))
        assert done.returncode == 1
        assert f"PROBLEM  port {port} is used by another program, not by SomeCheck" in done.stdout
        assert f"somecheck serve --port {port + 1}" in done.stdout
        served = somecheck("serve", "--port", str(port), timeout=30)   # and serve says so too
        assert served.returncode == 2 and "cannot listen" in served.stderr
    finally:
        other.terminate()
        other.wait()


def test_rules_that_do_not_load(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    (pack / "rules").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: broken\nversion: '1'\nextends: bundled\nseverity:\n  profanity.strong: loud\n")
    done = doctor(tmp_path, "--port", str(free_port()), "--rules", str(pack))
    assert done.returncode == 1
    assert "PROBLEM  the rules do not load:" in done.stdout
    assert f"{pack / 'pack.yaml'}:5: severity 'loud'" in done.stdout
    assert f"fix: correct the files named above, then check them with `somecheck rules validate {pack}`" in done.stdout


def test_doctor_says_who_may_call_the_service(tmp_path: Path) -> None:
    token = tmp_path / "token.txt"
    token.write_text(TOKEN)
    port = str(free_port())
    done = doctor(tmp_path, "--port", port)
    assert "only this machine can reach the service; any browser extension installed here may " \
           "call it (chrome-extension://*, moz-extension://*)" in done.stdout, done.stdout
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SOMECHECK_", "XDG_"))}
    env.update(HOME=str(tmp_path), SOMECHECK_ALLOW_ORIGINS=origin)   # as the service is given them
    done = somecheck("doctor", "--port", port, "--host", "0.0.0.0", "--token-file", str(token), env=env)
    assert ("note     the service is bound to 0.0.0.0: other machines can reach it. Browsers may "
            f"call it only from {origin}, with the token") in done.stdout, done.stdout
