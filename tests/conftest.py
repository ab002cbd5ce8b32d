"""Shared fixtures: the course tables, loaded once per test session."""

import shutil
from pathlib import Path

import pytest

from smcourse import data

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def tables():
    return {name: data.load(name) for name in data.TABLES}


@pytest.fixture
def dataset_copy(tmp_path):
    """A writable copy of datasets/ that a test may damage."""
    target = tmp_path / "datasets"
    shutil.copytree(data.datasets_dir(), target)
    return target
