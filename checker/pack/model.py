"""What a loaded pack is made of: rules, guidelines, conditions, examples, and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.kinds.base import Kind
from checker.lexicon import Lexicon
from checker.model import Organization, Request

@dataclass(frozen=True)
class Problem:
    """One reason a pack was refused."""

    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class PackError(Exception):
    """A pack that cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Guideline:
    """A guideline rules cite: its id ("G5"), a short title and one line of text per locale."""

    id: str
    title: dict[str, str]
    text: dict[str, str]


@dataclass(frozen=True)
class When:
    """Conditions on the request; an empty tuple means any value."""

    role: tuple[str, ...] = ()
    account: tuple[str, ...] = ()
    platform: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()

    def admits(self, request: Request) -> bool:
        """Whether the request-level conditions hold (languages are checked by the engine)."""
        return ((not self.role or request.role in self.role)
                and (not self.account or request.account in self.account)
                and (not self.platform or request.platform in self.platform)
                and (not self.context or request.context in self.context)
                and (not self.attachments
                     or any(a.type in self.attachments for a in request.attachments)))


@dataclass(frozen=True)
class Example:
    """A text a rule must flag or pass, as the request it is checked with."""

    request: Request
    line: int


@dataclass
class Rule:
    """One compiled rule."""

    id: str
    category: str
    severity: str
    guideline: str
    message: dict[str, str]
    description: dict[str, str]
    suggestion: dict[str, str] | None
    when: When
    kind: Kind
    flag: list[Example]
    passes: list[Example]
    path: Path
    line: int
    extent: str = "match"       # how far its findings reach (checker/extent.py)


@dataclass
class Pack:
    """A compiled, ready-to-use rule pack."""

    name: str
    version: str
    rules_version: str
    rules: list[Rule]
    lexicon: Lexicon
    org: Organization
    default_locale: str
    guidelines: dict[str, Guideline] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
