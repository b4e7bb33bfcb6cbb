"""The rule kinds, by the name a rule gives in `kind:`. Each kind is one module."""

from checker.kinds.attachment import AttachmentKind
from checker.kinds.base import Kind
from checker.kinds.clause import Clause
from checker.kinds.clock import Clock
from checker.kinds.dates import Dates
from checker.kinds.identifier import Identifier
from checker.kinds.languages import LanguagesKind
from checker.kinds.parallel import Parallel
from checker.kinds.pattern import Pattern
from checker.kinds.person import Person
from checker.kinds.proximity import Proximity
from checker.kinds.readability import Readability
from checker.kinds.terms import Terms
from checker.kinds.verse import Verse

KINDS: dict[str, type[Kind]] = {
    kind.name: kind
    for kind in (Terms, Pattern, LanguagesKind, Readability, AttachmentKind, Clock,
                 Identifier, Proximity, Dates, Parallel, Person, Verse, Clause)
}
