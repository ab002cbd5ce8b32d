"""Build the course site into book/_build/html: `python book/build.py` (what `make book` runs).

The pages are read from the repository root that holds this folder, with the configuration and
table of contents from book/ (why: book/_config.yml). Warnings are errors and every missing
reference is reported; Sphinx re-reads only what changed since the last build.
"""

from __future__ import annotations

import sys
from pathlib import Path

BOOK = Path(__file__).resolve().parent
ROOT = BOOK.parent


def main() -> None:
    # jsonschema, imported by Jupyter Book and nbformat, compiles about forty grammars at import to
    # check IRIs when rfc3987-syntax is installed (JupyterLab's event system brings it). The build
    # checks no IRI, and those grammars cost more than re-reading an edited page, so this process
    # does without them.
    sys.modules["rfc3987_syntax"] = None
    from jupyter_book.cli.main import main as jupyter_book

    jupyter_book(["build", str(ROOT), "--config", str(BOOK / "_config.yml"),
                  "--toc", str(BOOK / "_toc.yml"), "--path-output", str(BOOK),
                  "--warningiserror", "--nitpick", "--keep-going"])


if __name__ == "__main__":
    main()
