"""A learner's answers as plain JSON, so the referee can judge them outside the learner's kernel.

While a notebook is graded, `smcourse.instructor.referee` asks the learner's kernel, just before each hidden
test cell, for the values that test reads (`emit`). They leave the kernel as JSON data only: a
Series or DataFrame as its index, columns and values, a plotly figure as its JSON, numbers, text
and containers as themselves. Whatever the learner's code did to the kernel, what comes out is
data, never an object whose comparisons or methods the learner wrote. Anything else (a function,
an object of the learner's own class) is sent as its type name and can only fail a test.

`decode` turns the data back into the same kinds of object in the referee's fresh namespace.
"""

from __future__ import annotations

import json
import math
import sys
from typing import Any

MIME = "application/vnd.smcourse.values+json"
MAX_CHARS = 20_000_000  # a value larger than this as JSON is not judged


def emit(namespace: dict, names: list[str]) -> None:
    """Kernel side: publish the named values of `namespace` (those it has) as JSON data."""
    from IPython.display import publish_display_data

    values = {}
    for name in names:
        if name in namespace:
            try:
                encoded = encode(namespace[name])
                if len(json.dumps(encoded)) > MAX_CHARS:
                    encoded = {"__unjudgeable__": "a value too large to judge"}
            except Exception:  # a value that breaks its own encoding is judged as unjudgeable
                encoded = {"__unjudgeable__": type(namespace[name]).__name__}
            values[name] = encoded
    publish_display_data({MIME: {"values": values}})


def encode(value: Any) -> Any:
    """`value` as JSON-ready data, tagged where JSON alone would lose its kind."""
    pandas, numpy = sys.modules.get("pandas"), sys.modules.get("numpy")
    plotly = sys.modules.get("plotly.basedatatypes")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else {"__float__": repr(float(value))}
    if value is Ellipsis:
        return {"__ellipsis__": True}
    if numpy is not None and isinstance(value, numpy.generic):
        return encode(value.item())
    if numpy is not None and isinstance(value, numpy.ndarray):
        return {"__array__": encode(value.tolist())}
    if pandas is not None and isinstance(value, pandas.Series):
        return {"__series__": {"name": encode(value.name), "dtype": str(value.dtype),
                               "index": encode(list(value.index)), "data": encode(list(value))}}
    if pandas is not None and isinstance(value, pandas.DataFrame):
        return {"__frame__": {"index": encode(list(value.index)),
                              "columns": encode(list(value.columns)),
                              "data": encode(value.to_numpy().tolist())}}
    if plotly is not None and isinstance(value, plotly.BaseFigure):
        return {"__figure__": json.loads(value.to_json())}
    if isinstance(value, (list, tuple)):
        return {"__tuple__": [encode(item) for item in value]} if isinstance(value, tuple) \
            else [encode(item) for item in value]
    if isinstance(value, dict):
        return {"__dict__": [[encode(key), encode(item)] for key, item in value.items()]}
    if pandas is not None and isinstance(value, pandas.Timestamp):
        return {"__timestamp__": value.isoformat()}
    return {"__unjudgeable__": type(value).__name__}


class Unjudgeable:
    """Stands for a value that could not leave the kernel as data: equal to nothing."""

    def __init__(self, kind: str):
        self.kind = kind

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = None

    def __repr__(self) -> str:
        return f"<{self.kind}>"


def decode(data: Any) -> Any:
    """The object that `encode` made `data` from (plain Python, pandas, plotly)."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        return data
    (tag, body), = data.items() if len(data) == 1 else (("", None),)
    if tag == "__float__":
        return float(body)
    if tag == "__ellipsis__":
        return Ellipsis
    if tag == "__tuple__":
        return tuple(decode(body))
    if tag == "__dict__":
        return {_hashable(decode(key)): decode(item) for key, item in body}
    if tag == "__array__":
        import numpy
        return numpy.array(decode(body))
    if tag == "__series__":
        return _series(body)
    if tag == "__frame__":
        import pandas
        index = [_hashable(key) for key in decode(body["index"])]
        return pandas.DataFrame(decode(body["data"]), index=index,
                                columns=[_hashable(key) for key in decode(body["columns"])])
    if tag == "__figure__":
        import plotly.graph_objects as go
        return go.Figure(_plain_arrays(body))
    if tag == "__timestamp__":
        import pandas
        return pandas.Timestamp(body)
    if tag == "__unjudgeable__":
        return type(str(body), (Unjudgeable,), {})(str(body))
    return Unjudgeable("an unknown value")


def _plain_arrays(figure: Any) -> Any:
    """A figure's JSON with plotly's packed arrays ({"dtype", "bdata"}) unpacked into lists, so a
    test can read a trace's values as the learner's kernel had them."""
    if isinstance(figure, list):
        return [_plain_arrays(item) for item in figure]
    if not isinstance(figure, dict):
        return figure
    if isinstance(figure.get("bdata"), str) and isinstance(figure.get("dtype"), str):
        import base64

        import numpy

        array = numpy.frombuffer(base64.b64decode(figure["bdata"]), dtype=figure["dtype"])
        shape = [int(size) for size in str(figure.get("shape", len(array))).split(",")]
        return array.reshape(shape).tolist()
    return {key: _plain_arrays(value) for key, value in figure.items()}


def _hashable(key: Any) -> Any:
    return tuple(_hashable(part) for part in key) if isinstance(key, list) else key


def _series(body: dict) -> Any:
    import pandas

    series = pandas.Series(decode(body["data"]), index=[_hashable(key) for key in decode(body["index"])],
                           name=_hashable(decode(body["name"])), dtype=object)
    try:
        return series.astype(body["dtype"])
    except (TypeError, ValueError):
        return series.infer_objects()
