"""Windows: a Task Scheduler task at the user's logon, running `somecheck service run`."""

from __future__ import annotations

import getpass
import os
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from checker.autostart.base import DESCRIPTION, Plan, python_for

TASK_NAME = "SomeCheck"
TASK_NS = "http://schemas.microsoft.com/windows/2004/02/mit/task"


def task_xml(command: list[str], user: str, workdir: str) -> bytes:
    """A Task Scheduler task: at this user's logon, no time limit, restarted on failure.

    Task Scheduler does not count a non-zero exit as a failure, so the task runs
    `somecheck service run`, which restarts the checker itself when it stops with an error.
    """
    args = subprocess.list2cmdline(command[1:])
    text = f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="{TASK_NS}">
  <RegistrationInfo>
    <Author>{escape(user)}</Author>
    <Description>{escape(DESCRIPTION)}</Description>
    <URI>\\{TASK_NAME}</URI>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      <UserId>{escape(user)}</UserId>
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>{escape(user)}</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <Priority>7</Priority>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command[0])}</Command>
      <Arguments>{escape(args)}</Arguments>
      <WorkingDirectory>{escape(workdir)}</WorkingDirectory>
    </Exec>
  </Actions>
</Task>
"""
    return text.encode("utf-16")   # with its byte-order mark, as schtasks /XML expects


def plan(serve_args: list[str], home: Path) -> Plan:
    """The task's XML and the schtasks commands."""
    base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / "SomeCheck"
    log = base / "somecheck.log"
    path = base / "somecheck-task.xml"
    command = [python_for("windows"), "-m", "checker", "service", "run", "--log", str(log), "--",
               *serve_args]
    user = (f"{os.environ['USERDOMAIN']}\\{getpass.getuser()}" if os.environ.get("USERDOMAIN")
            else getpass.getuser())
    return Plan("windows", path, task_xml(command, user, str(base)), log=log,
                install=[["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(path), "/F"],
                         ["schtasks", "/Run", "/TN", TASK_NAME]],
                uninstall=[["schtasks", "/End", "/TN", TASK_NAME],
                           ["schtasks", "/Delete", "/TN", TASK_NAME, "/F"]],
                status=[["schtasks", "/Query", "/TN", TASK_NAME, "/FO", "LIST"]])
