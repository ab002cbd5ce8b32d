"""Load the course datasets as typed pandas DataFrames, checked against `datasets/datapackage.json`.

The Frictionless descriptor is the single source of truth for column names, types and
constraints. `load("posts")` returns categoricals for enumerated columns, time-zone-aware
datetimes, nullable integers and booleans; any file that does not match raises `DatasetError`
naming the file, the line and the column, so a learner with a damaged CSV knows what to fix.

`load_csv(path, like="posts")` applies the same checks to a learner's own export.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import cache
from pathlib import Path

import pandas as pd

from smcourse.core import kit_files
from smcourse.core.errors import SmcourseError

TABLES = ("posts", "followers", "comments", "mentions", "survey")
_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}


class DatasetError(SmcourseError):
    """A dataset file is missing or does not match its schema."""


def datasets_dir() -> Path:
    """Where the datasets live: `$SMCOURSE_DATASETS`, else `datasets/` of the course's folder."""
    override = os.environ.get("SMCOURSE_DATASETS")
    if override:
        return Path(override)
    return kit_files.home() / "datasets"


@cache
def _descriptor(directory: Path) -> dict:
    path = directory / "datapackage.json"
    if not path.is_file():
        raise DatasetError(f"{path} is missing: the datasets folder needs its datapackage.json.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise DatasetError(f"{path} is not valid JSON ({error}).") from None


def schema(name: str, directory: Path | None = None) -> dict:
    """The Frictionless resource (path, schema, descriptions) for table `name`."""
    descriptor = _descriptor(directory or datasets_dir())
    for resource in descriptor["resources"]:
        if resource["name"] == name:
            return resource
    raise DatasetError(f"There is no table called {name!r}. Tables: {', '.join(TABLES)}.")


def timezone(directory: Path | None = None) -> str:
    """The IANA time zone the case brand works in (all datetimes are converted to it)."""
    return _descriptor(directory or datasets_dir())["timezone"]


_parsed: dict[tuple[str, bytes], pd.DataFrame] = {}  # (file, digest of its bytes) -> the table read


def load(name: str, directory: Path | None = None) -> pd.DataFrame:
    """Load course table `name` (one of TABLES) as a typed, checked DataFrame: a copy of its own of
    the table parsed once per process while the file's bytes stay the same (a grading worker
    judges every learner with the same tables)."""
    directory = directory or datasets_dir()
    resource = schema(name, directory)
    path = directory / resource["path"]
    key = (str(path.resolve()), hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"")
    if key not in _parsed:
        _parsed[key] = _read(path, resource, timezone(directory))
    return _parsed[key].copy()


def load_csv(path: str | Path, like: str) -> pd.DataFrame:
    """Load a CSV of your own that follows the schema of course table `like` (e.g. "posts")."""
    directory = datasets_dir()
    return _read(Path(path), schema(like, directory), timezone(directory))


def _read(path: Path, resource: dict, tz: str) -> pd.DataFrame:
    if not path.is_file():
        raise DatasetError(f"{path} is missing. Restore it with `git checkout -- {path.name}` "
                           "or regenerate the course data with `smcourse data generate`.")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
        raise DatasetError(f"{path.name} cannot be read as CSV: {error}") from None
    fields = resource["schema"]["fields"]
    for field in fields:  # a column that may be empty may also be left out, e.g. video_seconds
        if field["name"] not in raw.columns and not field.get("constraints", {}).get("required"):
            raw[field["name"]] = ""
    missing = [field["name"] for field in fields if field["name"] not in raw.columns]
    if missing:
        raise DatasetError(f"{path.name} has no column {', '.join(map(repr, missing))}; "
                           f"expected columns: {', '.join(f['name'] for f in fields)}.")
    frame = pd.DataFrame(
        {field["name"]: _convert(raw[field["name"]], field, path.name, tz) for field in fields},
        index=pd.RangeIndex(len(raw)),
    )
    key = resource["schema"].get("primaryKey")
    if key:
        duplicated = frame.duplicated(subset=key)
        if duplicated.any():
            _fail(path.name, _first_bad(duplicated), key[0],
                  f"{raw.loc[duplicated, key[0]].iloc[0]!r} appears twice, but keys must be unique")
    return frame


def _fail(file: str, index: int, column: str, problem: str):
    # Line 1 is the header, so data row `index` (0-based) is on line index + 2.
    raise DatasetError(f"{file}, line {index + 2}, column {column!r}: {problem}.")


def _first_bad(mask: pd.Series) -> int:
    return int(mask.to_numpy().argmax())


def _convert(values: pd.Series, field: dict, file: str, tz: str) -> pd.Series:
    name, kind = field["name"], field["type"]
    constraints = field.get("constraints", {})
    empty = values.str.strip() == ""
    if constraints.get("required") and empty.any():
        _fail(file, _first_bad(empty), name, "a value is required but the cell is empty")
    if kind == "string":
        return _convert_string(values, constraints, file, name)
    if kind in ("integer", "number"):
        numbers = pd.to_numeric(values.where(~empty), errors="coerce")
        bad = numbers.isna() & ~empty
        if kind == "integer":
            bad |= numbers.notna() & (numbers % 1 != 0)
        if bad.any():
            word = "a whole number" if kind == "integer" else "a number"
            _fail(file, _first_bad(bad), name, f"expected {word}, found {values[bad].iloc[0]!r}")
        for bound, compare in (("minimum", numbers.lt), ("maximum", numbers.gt)):
            if bound in constraints and compare(constraints[bound]).any():
                outside = compare(constraints[bound])
                _fail(file, _first_bad(outside), name,
                      f"{values[outside].iloc[0]} is outside the allowed range ({bound} "
                      f"{constraints[bound]})")
        if kind == "number":
            return numbers.astype("float64")
        return numbers.astype("int64" if constraints.get("required") else "Int64")
    if kind == "boolean":
        bad = ~values.isin(_TRUE | _FALSE) & ~empty
        if bad.any():
            _fail(file, _first_bad(bad), name, f"expected true or false, found {values[bad].iloc[0]!r}")
        flags = values.map(lambda v: True if v in _TRUE else False if v in _FALSE else pd.NA)
        return flags.astype("bool" if constraints.get("required") else "boolean")
    if kind in ("datetime", "date"):
        parsed = pd.to_datetime(values.where(~empty), errors="coerce", utc=kind == "datetime",
                                format="ISO8601")
        bad = parsed.isna() & ~empty
        if bad.any():
            example = "2025-03-14T09:30:00-04:00" if kind == "datetime" else "2025-03-14"
            _fail(file, _first_bad(bad), name,
                  f"expected a {kind} like {example}, found {values[bad].iloc[0]!r}")
        return parsed.dt.tz_convert(tz) if kind == "datetime" else parsed
    raise DatasetError(f"{file}: column {name!r} has a type the kit does not know ({kind}).")


def _convert_string(values: pd.Series, constraints: dict, file: str, name: str) -> pd.Series:
    if "enum" in constraints:
        bad = ~values.isin(constraints["enum"]) & (values != "")
        if bad.any():
            _fail(file, _first_bad(bad), name, f"{values[bad].iloc[0]!r} is not one of "
                  f"{', '.join(constraints['enum'])}")
        return pd.Categorical(values.where(values != ""), categories=constraints["enum"])
    if "pattern" in constraints:
        bad = ~values.str.fullmatch(constraints["pattern"])
        if bad.any():
            _fail(file, _first_bad(bad), name,
                  f"{values[bad].iloc[0]!r} does not look like an identifier of this table")
    return values.astype(str)
