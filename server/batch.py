"""The push body's shape, as a model: the OpenAPI schema is generated from the same model
the server validates with, so the schema says exactly what the server takes.

What a JSON schema cannot say (columns as long as `n`, tags inside packed payloads)
is the packing's own business: a batch of the right shape that still cannot be unpacked
is answered per event (each refused, "malformed: batch"), never as a server error.
"""

from __future__ import annotations

from typing import Annotated, Any

from annotated_types import Ge, Le
from pydantic import BaseModel, ConfigDict, Field, ValidationError

MAX_EVENTS = 10_000


def _whole(v: Any) -> Any:
    """JSON Schema's integer includes 3.0: take it as 3 (a string stays refused)."""
    if isinstance(v, float) and v.is_integer() and abs(v) <= 2**64:
        return int(v)
    if isinstance(v, list):
        return [_whole(x) for x in v]
    return v


# the number columns (payloads keep their floats: they are the events' content)
_NUMBERS = (("n",), ("seq",), ("id", "ms"), ("case", "ids", "ms"), ("case", "ref"),
            ("at", "s"), ("tid", "i"), ("k", "i"), ("x", "i"), ("st", "i"), ("w", "i"),
            ("at", "o", "i"), ("v", "i"), ("id", "cn"), ("case", "ids", "cn"),
            ("id", "nd", "d"), ("id", "nd", "i"), ("case", "ids", "nd", "d"),
            ("case", "ids", "nd", "i"))


def _whole_numbers(batch: Any) -> None:
    for path in _NUMBERS:
        node = batch
        for key in path[:-1]:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and path[-1] in node:
            node[path[-1]] = _whole(node[path[-1]])


Int = int
NonNeg = Annotated[int, Ge(0)]
Big = Annotated[int, Ge(-(2**62)), Le(2**62)]


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid")


class DictColumn(_Strict):
    """A dictionary-encoded column: distinct values `d`, and an index per event `i`."""

    d: list[Any] = Field(max_length=MAX_EVENTS)
    i: list[NonNeg] | None = Field(default=None, max_length=MAX_EVENTS)


class UuidColumn(_Strict):
    """UUIDs as millisecond deltas `ms` and their 20-hex tails `r`; others verbatim `x`.
    Protocol 3 (sync.wire): a terminal's ids as their node `nd` (-1: the tail is in `r`),
    counter deltas `cn` and 6-hex random tails `lo`."""

    ms: list[Big] = Field(max_length=MAX_EVENTS)
    r: str = Field(max_length=20 * MAX_EVENTS)
    x: dict[str, str] | None = None
    nd: DictColumn | None = None
    cn: list[Big] | None = Field(default=None, max_length=MAX_EVENTS)
    lo: str | None = Field(default=None, max_length=6 * MAX_EVENTS)


class TimeColumn(_Strict):
    """Timestamps as second deltas `s` and offsets `o`; others verbatim `x`."""

    s: list[Big] = Field(max_length=MAX_EVENTS)
    o: DictColumn
    x: dict[str, str] | None = None


class CaseColumn(_Strict):
    """The batch's stream ids, and per event a reference into them (0 = the next new)."""

    ids: UuidColumn
    ref: list[NonNeg] = Field(max_length=MAX_EVENTS)


class Batch(_Strict):
    """A batch of events packed column by column (sync.wire.pack_events)."""

    n: Int = Field(ge=0, le=MAX_EVENTS)
    id: UuidColumn
    tid: DictColumn
    seq: list[Big] = Field(max_length=MAX_EVENTS)
    case: CaseColumn
    k: DictColumn
    x: DictColumn
    st: DictColumn
    w: DictColumn
    at: TimeColumn
    p: list[Any] = Field(max_length=MAX_EVENTS)
    shapes: list[list[str]]
    pool: list[Any]
    # a hall node's batch (issue 11): the verdicts it gave its terminals' events
    v: DictColumn | None = None


class PushBody(_Strict):
    batch: Batch
    # a hall node pushes for one hall of its scope at a time (server.relay)
    hall: str | None = Field(default=None, max_length=32, pattern=r"^[^\x00]*$")


class BatchShapeError(ValueError):
    """The body is not a push body: a 400 with the first problem."""


def check(data: Any) -> tuple[int, dict[str, Any]]:
    """Validate a parsed push body; returns `n` and the batch as validated (whole
    numbers as ints). BatchShapeError otherwise."""
    if isinstance(data, dict) and isinstance(data.get("batch"), dict):
        _whole_numbers(data["batch"])
    try:
        body = PushBody.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ()))
        raise BatchShapeError(f"{where}: {first.get('msg', 'invalid')}"[:200]) from None
    return body.batch.n, body.batch.model_dump(exclude_unset=True)


def openapi_schema() -> dict[str, Any]:
    """The request body schema, with its definitions inlined under `$defs`."""
    return PushBody.model_json_schema(ref_template="#/components/schemas/{model}")
