"""The domain model: a check request and the organization it is checked for."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Attachment:
    """Media attached to a post."""

    type: str
    name: str | None = None


@dataclass(frozen=True)
class Request:
    """A check request, validated: the text and where and how it will be published."""

    text: str
    now: datetime
    platform: str = "other"
    account: str = "personal"
    role: str = "staff"
    context: str = "post"
    attachments: tuple[Attachment, ...] = ()
    locale: str = "en"


@dataclass(frozen=True)
class Hours:
    """Weekly hours: weekdays (0 = Monday) and a daily window in minutes."""

    days: frozenset[int]
    start: int
    end: int

    def contains(self, moment: datetime) -> bool:
        minute = moment.hour * 60 + moment.minute
        return moment.weekday() in self.days and self.start <= minute < self.end


@dataclass(frozen=True)
class Organization:
    """The organization's own settings from pack.yaml."""

    name: dict[str, str] = field(default_factory=dict)
    # where to report a suspected crime or wrongdoing, one sentence per language
    report_wrongdoing: dict[str, str] = field(default_factory=dict)
    email_domains: tuple[str, ...] = ()
    phone_numbers: tuple[str, ...] = ()
    ibans: tuple[str, ...] = ()         # the organization's own bank accounts
    officials: tuple[str, ...] = ()     # people who may be named in their role ("anna virtanen")
    titles: tuple[str, ...] = ()        # word patterns of their titles ("kaupunginjohtaja*")
    timezone: str = "Europe/Helsinki"
    working_hours: Hours = Hours(frozenset(range(5)), 8 * 60, 16 * 60)
    response_hours: Hours = Hours(frozenset(range(5)), 8 * 60, 16 * 60)
