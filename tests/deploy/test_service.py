"""`somecheck service`: the generated systemd unit, launchd agent and Task Scheduler task,
and install / status / uninstall on Linux.

What runs where: the three files are generated and checked on every machine. On Linux the
unit is also checked by `systemd-analyze verify` (Debian's systemd package; a CI machine
without it checks the parsed unit only). Install/status/uninstall run against a recording
`systemctl` placed first on PATH that runs the unit's ExecStart line as systemd would, so
the commands SomeCheck gives systemd and the command line in the unit are checked; and against the machine's real `systemctl --user`, which in a container without a
user session manager must fail, and SomeCheck must then say so plainly and leave the unit
in place. launchctl and schtasks exist only on macOS and Windows: their files are checked
here, the commands are not run.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import shlex
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from deploy_served import free_port, somecheck

NS = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}


def env_for(home: Path, path_first: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SOMECHECK_"))}
    env["HOME"] = str(home)
    if path_first:
        env["PATH"] = f"{path_first}{os.pathsep}{env['PATH']}"
    return env


def generated(platform: str, tmp_path: Path, *serve_args: str) -> str:
    result = somecheck("service", "install", "--dry-run", "--platform", platform, "--", *serve_args,
                       env=env_for(tmp_path))
    assert result.returncode == 0, result.stderr
    return result.stdout


def file_part(output: str) -> tuple[Path, str]:
    head, rest = output.split(":\n\n", 1)
    path = Path(head.removeprefix("Would write "))
    return path, rest.rsplit("\nand run:\n", 1)[0]


def test_systemd_unit(tmp_path: Path) -> None:
    output = generated("linux", tmp_path, "--port", "8770", "--rules", "/srv/some check/100%pack")
    path, text = file_part(output)
    assert path == tmp_path / ".config/systemd/user/somecheck.service"
    unit = configparser.ConfigParser(interpolation=None, strict=True)
    unit.optionxform = str
    unit.read_string(text)
    service = unit["Service"]
    assert service["Restart"] == "on-failure" and int(service["RestartSec"]) > 0
    assert unit["Install"]["WantedBy"] == "default.target"          # started at login
    words = shlex.split(service["ExecStart"].replace("%%", "%"))
    assert words == [sys.executable, "-m", "checker", "serve", "--port", "8770",
                     "--rules", "/srv/some check/100%pack"]
    assert "systemctl --user enable --now somecheck.service" in output
    # systemd's own checker, where the machine has it (Debian: the systemd package)
    unit_file = tmp_path / "somecheck.service"
    unit_file.write_text(text)
    if shutil.which("systemd-analyze"):
        done = _systemd_verify(unit_file, tmp_path)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "somecheck.service" not in done.stderr, done.stderr   # no warning about our unit


def _systemd_verify(unit_file: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    """systemd's own check of a user unit (needs a private runtime folder)."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    return subprocess.run(["systemd-analyze", "verify", "--user", str(unit_file)],
                          capture_output=True, text=True,
                          env={**os.environ, "XDG_RUNTIME_DIR": str(runtime)})


def test_systemd_analyze_would_catch_a_broken_unit(tmp_path: Path) -> None:
    """The verify step above can fail: a unit with a relative ExecStart is refused."""
    unit_file = tmp_path / "broken.service"
    unit_file.write_text("[Service]\nExecStart=python -m checker serve\n[Install]\nWantedBy=default.target\n")
    if shutil.which("systemd-analyze"):
        assert _systemd_verify(unit_file, tmp_path).returncode != 0
    else:   # the parsed check: ExecStart must start with an absolute path
        assert not Path(shlex.split(unit_file.read_text().split("ExecStart=")[1])[0]).is_absolute()


def test_launchd_agent(tmp_path: Path) -> None:
    output = generated("macos", tmp_path, "--port", "8770")
    path, text = file_part(output)
    assert path == tmp_path / "Library/LaunchAgents/org.somecheck.checker.plist"
    agent = plistlib.loads(text.encode())
    assert agent["Label"] == "org.somecheck.checker"
    assert agent["ProgramArguments"] == [sys.executable, "-m", "checker", "serve", "--port", "8770"]
    assert agent["RunAtLoad"] is True                                  # started at login
    assert agent["KeepAlive"] == {"SuccessfulExit": False}             # restarted on failure
    assert agent["StandardErrorPath"].startswith(str(tmp_path / "Library/Logs/SomeCheck"))
    assert "launchctl bootstrap gui/" in output and str(path) in output


def test_task_scheduler_task(tmp_path: Path) -> None:
    output = generated("windows", tmp_path, "--port", "8770", "--rules", r"C:\Some Check\pack")
    path, text = file_part(output)
    assert path == tmp_path / "AppData/Local/SomeCheck/somecheck-task.xml"
    root = ET.fromstring(text.split("?>", 1)[1])
    assert root.tag == f"{{{NS['t']}}}Task" and root.get("version") == "1.2"
    trigger = root.find("t:Triggers/t:LogonTrigger", NS)                # started at logon ...
    assert trigger is not None and trigger.findtext("t:Enabled", namespaces=NS) == "true"
    user = trigger.findtext("t:UserId", namespaces=NS)
    assert user and root.findtext("t:Principals/t:Principal/t:UserId", namespaces=NS) == user
    assert root.findtext("t:Principals/t:Principal/t:LogonType", namespaces=NS) == "InteractiveToken"
    assert root.findtext("t:Principals/t:Principal/t:RunLevel", namespaces=NS) == "LeastPrivilege"
    settings = root.find("t:Settings", NS)
    assert settings.findtext("t:ExecutionTimeLimit", namespaces=NS) == "PT0S"   # ... runs for ever
    assert settings.findtext("t:RestartOnFailure/t:Interval", namespaces=NS) == "PT1M"
    assert int(settings.findtext("t:RestartOnFailure/t:Count", namespaces=NS)) >= 3
    assert settings.findtext("t:DisallowStartIfOnBatteries", namespaces=NS) == "false"
    exec_ = root.find("t:Actions/t:Exec", NS)
    args = exec_.findtext("t:Arguments", namespaces=NS)
    # `service run` restarts the checker when it exits with an error (Task Scheduler would not)
    assert args.startswith("-m checker service run --log ")
    assert args.endswith(r'-- --port 8770 --rules "C:\Some Check\pack"')
    assert "schtasks /Create /TN SomeCheck /XML" in output


def test_the_task_file_is_utf16_with_a_byte_order_mark(tmp_path: Path) -> None:
    from checker.autostart import plan

    p = plan("windows", ["--port", "8770"], home=tmp_path)
    assert p.content[:2] == b"\xff\xfe"
    assert p.content.decode("utf-16").startswith('<?xml version="1.0" encoding="UTF-16"?>')


FAKE_SYSTEMCTL = """#!{python}
# A stand-in for `systemctl --user`: records its arguments, and on `enable --now` runs the
# unit's ExecStart line in the background, as systemd would; `disable --now` stops it.
import os, shlex, signal, subprocess, sys
from pathlib import Path
home = Path(os.environ["HOME"])
with open({calls!r}, "a") as log:
    log.write(" ".join(sys.argv[1:]) + "\\n")
unit = home / ".config/systemd/user/somecheck.service"
pid_file = home / "fake-systemd.pid"
args = sys.argv[1:]
if args[:3] == ["--user", "enable", "--now"]:
    line = next(l for l in unit.read_text().splitlines() if l.startswith("ExecStart="))
    words = shlex.split(line.removeprefix("ExecStart=").replace("%%", "%"))
    proc = subprocess.Popen(words, stdout=open(home / "service.out", "w"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    pid_file.write_text(str(proc.pid))
elif args[:3] == ["--user", "disable", "--now"] and pid_file.exists():
    os.kill(int(pid_file.read_text()), signal.SIGTERM)
    pid_file.unlink()
elif args[1:2] == ["is-active"]:
    print("active" if pid_file.exists() else "inactive")
    sys.exit(0 if pid_file.exists() else 3)
elif args[1:2] == ["is-enabled"]:
    print("enabled" if unit.exists() else "disabled")
"""


def _fake_systemctl(bin_dir: Path, calls: Path) -> None:
    bin_dir.mkdir()
    script = bin_dir / "systemctl"
    script.write_text(FAKE_SYSTEMCTL.format(python=sys.executable, calls=str(calls)))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


def test_install_status_uninstall_with_systemd(tmp_path: Path) -> None:
    calls = tmp_path / "calls.log"
    _fake_systemctl(tmp_path / "bin", calls)
    env = env_for(tmp_path, tmp_path / "bin")
    port = free_port()
    unit = tmp_path / ".config/systemd/user/somecheck.service"
    try:
        done = somecheck("service", "install", "--", "--port", str(port), "--threads", "2", env=env)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"Wrote {unit}" in done.stdout and unit.is_file()
        assert f"answers at http://127.0.0.1:{port}/" in done.stdout
        assert calls.read_text().splitlines() == ["--user daemon-reload",
                                                  "--user enable --now somecheck.service"]
        done = somecheck("service", "status", env=env)
        assert done.returncode == 0, done.stdout
        assert f"Installed: {unit}" in done.stdout and "active" in done.stdout
        assert f"Answering at http://127.0.0.1:{port}/" in done.stdout
    finally:
        calls.write_text("")
        done = somecheck("service", "uninstall", env=env)
    assert done.returncode == 0 and f"Removed {unit}" in done.stdout and not unit.exists()
    assert calls.read_text().splitlines() == ["--user disable --now somecheck.service",
                                              "--user daemon-reload"]
    done = somecheck("service", "status", env=env)
    assert done.returncode == 1 and "Not installed" in done.stdout
    assert "Not answering" not in done.stdout


def test_install_with_this_machines_systemctl(tmp_path: Path) -> None:
    """The real `systemctl --user`: where a user manager runs, the service must come up and
    answer; in a container without one, install must say it could not start it and how to."""
    env = env_for(tmp_path)
    real = shutil.which("systemctl") and subprocess.run(
        ["systemctl", "--user", "show-environment"], capture_output=True).returncode == 0
    port = free_port()
    done = somecheck("service", "install", "--", "--port", str(port), env=env)
    unit = tmp_path / ".config/systemd/user/somecheck.service"
    try:
        assert unit.is_file()
        if real:
            assert done.returncode == 0, done.stdout
            assert f"answers at http://127.0.0.1:{port}/" in done.stdout
            assert somecheck("service", "status", env=env).returncode == 0
        else:
            assert done.returncode == 1, done.stdout
            assert "could not be started here" in done.stdout
            assert "systemctl --user enable --now somecheck.service" in done.stdout
    finally:
        done = somecheck("service", "uninstall", env=env)
        assert done.returncode == 0 and not unit.exists()


def test_install_refuses_options_serve_would_refuse(tmp_path: Path) -> None:
    done = somecheck("service", "install", "--", "--port", "eighty", env=env_for(tmp_path))
    assert done.returncode == 2
    assert not (tmp_path / ".config").exists()


def test_the_windows_task_restarts_the_checker_when_it_fails(tmp_path: Path) -> None:
    """`somecheck service run` (what the Task Scheduler task runs): the checker stops with an
    error because its port is taken; it is started again and serves once the port is free."""
    import socket
    import time

    from deploy_served import Served

    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    log = tmp_path / "SomeCheck" / "somecheck.log"
    proc = subprocess.Popen([sys.executable, "-m", "checker", "service", "run", "--log", str(log),
                             "--", "--port", str(port), "--threads", "2"], start_new_session=True)
    try:
        deadline = time.monotonic() + 20
        while "starting it again in 5 s" not in (log.read_text() if log.exists() else ""):
            assert time.monotonic() < deadline and proc.poll() is None, log.read_text()
            time.sleep(0.1)
        assert "cannot listen" in log.read_text()
        blocker.close()
        probe = Served(tmp_path, "--port", str(port))   # only for its request helper
        probe.port = port
        deadline = time.monotonic() + 20
        while True:
            try:
                if probe.request("GET", "/v1/health", timeout=1)[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        assert "is checking at" in log.read_text()
    finally:
        blocker.close()
        proc.terminate()
        proc.wait(timeout=15)
