"""smcourse: the Python package behind the social media strategy course kit."""

from smcourse.errors import SmcourseError, install_notebook_handler

__all__ = ["SmcourseError"]
__version__ = "0.1.0"

install_notebook_handler()
