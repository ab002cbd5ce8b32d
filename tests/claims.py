"""The claims harness every lesson's claims test uses: a lesson, its notes, its assignment or the
exported plan lists the sentences it says, each with a check that computes it from the data, and
`says_and_agrees` makes the two tests: the text says each sentence, and each check holds."""

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest


def squash(text: str) -> str:
    """`text` with each run of white space as one space."""
    return re.sub(r"\s+", " ", text)


@cache
def text_of(path: Path) -> str:
    """A notebook's prose and code, with Python's adjacent string literals ("a " "b") joined so
    that an alt text split over lines reads as one sentence, or a Markdown file's text; squashed."""
    if path.suffix == ".md":
        return squash(path.read_text(encoding="utf-8"))
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return squash(re.sub(r'"\s*\n\s*"', "", " ".join("".join(cell["source"]) for cell in cells)))


def says_and_agrees(text: Path | Callable[[], str], claims: dict[str, Callable[[], bool]]):
    """Two tests over `claims` (sentence: check): `text` (a file, or a function giving the text)
    says each sentence, and each check holds. Bind them to `test_...` names in the test module."""
    read = (lambda: text_of(text)) if isinstance(text, Path) else text

    @pytest.mark.parametrize("sentence", claims)
    def says(sentence):
        assert squash(sentence) in read()

    @pytest.mark.parametrize("sentence", claims)
    def agrees(sentence):
        assert claims[sentence](), sentence

    return says, agrees
