"""The marked line: MARK at exactly the places Python's `re` sees a word boundary."""

import random
import re

from checker.re2syntax import MARK
from checker.regexmarks import MARK_STANDIN, Marked


def test_marks_stand_where_python_finds_word_boundaries() -> None:
    rng = random.Random(3)
    alphabet = "ab_1 .,-é\u00e4ß\u0301\u200b\t'İ😀" + MARK
    for _ in range(20_000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = re.sub(r"\b", MARK, line.replace(MARK, MARK_STANDIN))
        assert Marked(line).data.decode("utf-8", "surrogatepass") == expected, repr(line)
