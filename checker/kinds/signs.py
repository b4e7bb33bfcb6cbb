"""`unless_signs`, a parameter of the `pattern` kind: signs (emoji) later on a match's line that
cancel it. A laughing face or a heart shows friendly teasing: "sä oot ihan hullu 😂❤️"."""

from __future__ import annotations

from checker.kinds.base import Param, Params

UNLESS_SIGNS = Param("unless_signs", "texts", "signs (emoji) after a match on its line that cancel it: a "
                     "laughing face or a heart shows friendly teasing (\"sä oot ihan hullu 😂❤️\")")


def read_signs(params: Params) -> tuple[str, ...]:
    """The rule's signs; refused when one is a word or blank."""
    signs = tuple(params.strings("unless_signs", [])) if params.has("unless_signs") else ()
    if any(not sign.strip() or sign.strip().isalnum() for sign in signs):
        raise params.error("unless_signs", "'unless_signs' are signs such as emoji, not words or spaces")
    return signs


def signed(text: str, end: int, signs: tuple[str, ...]) -> bool:
    """Whether one of the signs stands after `end` on its line."""
    stop = text.find("\n", end)
    rest = text[end:stop if stop >= 0 else len(text)]
    return any(sign in rest for sign in signs)
