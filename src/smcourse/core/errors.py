"""The kit's one error type, and how notebooks show it: a short message, never a traceback."""

from __future__ import annotations

import html
import sys


class SmcourseError(Exception):
    """A problem the learner or instructor can fix; its message says what and how."""


def _show_briefly(shell, etype, value, tb, tb_offset=None):
    from IPython.display import display

    message = str(value)
    display({"text/html": f'<div class="smcourse-error" role="alert" style="border-left:4px solid '
                          f'#c0392b;padding:0.4em 0.8em;background:#fdecea">⚠ {html.escape(message)}'
                          "</div>",
             "text/plain": f"Problem: {message}"}, raw=True)
    return None


def install_notebook_handler() -> None:
    """In IPython, show SmcourseError as its message alone (other errors keep their traceback)."""
    ipython = sys.modules.get("IPython")  # not imported here: it costs a process without a shell
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        shell.set_custom_exc((SmcourseError,), _show_briefly)
