"""Reading a request body with limits, before anything touches the database.

A gzip body is inflated while it streams in, and the inflated size is capped as it
grows: a 1 MB bomb that would inflate to gigabytes is cut at the cap, not after.
"""

from __future__ import annotations

import json
import logging
import zlib
from typing import Any

from starlette.requests import ClientDisconnect, Request

log = logging.getLogger(__name__)

MAX_BODY = 8 * 1024 * 1024  # on the wire
MAX_INFLATED = 48 * 1024 * 1024  # after gzip


class BodyError(Exception):
    """A body we will not read: status and a message for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


async def read_json(request: Request, *, max_body: int = MAX_BODY,
                    max_inflated: int = MAX_INFLATED) -> Any:
    """The JSON body, gzip or not, within the limits; BodyError otherwise."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_body:
        raise BodyError(413, f"请求过大（上限 {max_body} 字节）")
    encoding = request.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("gzip", "identity", ""):
        raise BodyError(415, f"不支持的压缩方式: {encoding}")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS) if encoding == "gzip" else None
    try:
        return await _read(request, max_body, max_inflated, inflater)
    except ClientDisconnect:
        # a cut upload: the client retries; one line, not a traceback
        log.warning("%s %s: the client went away mid-upload", request.method,
                    request.url.path)
        raise BodyError(400, "请求未传完") from None


async def _read(request: Request, max_body: int, max_inflated: int,
                inflater: Any) -> Any:
    received, parts, size = 0, [], 0
    async for chunk in request.stream():
        received += len(chunk)
        if received > max_body:
            raise BodyError(413, f"请求过大（上限 {max_body} 字节）")
        if inflater is None:
            parts.append(chunk)
            size += len(chunk)
            continue
        try:
            while chunk:
                out = inflater.decompress(chunk, max_inflated + 1 - size)
                parts.append(out)
                size += len(out)
                if size > max_inflated:
                    raise BodyError(413, f"解压后过大（上限 {max_inflated} 字节）")
                chunk = inflater.unconsumed_tail
        except zlib.error as exc:
            raise BodyError(400, "gzip 数据损坏") from exc
    if inflater is not None and not inflater.eof:
        raise BodyError(400, "gzip 数据不完整")
    try:
        return json.loads(b"".join(parts))
    except (ValueError, RecursionError) as exc:
        raise BodyError(400, "请求不是有效的 JSON") from exc
