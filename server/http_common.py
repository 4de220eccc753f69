"""What every route of the server shares: the protocol check, the credentials, the
headers a sync request carries, and the error shapes the OpenAPI document declares."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Header, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBearer

from server import epoch
from sync import wire

ERR = {"model": None, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"}}}}}}
COMMON = {400: ERR, 401: ERR, 422: ERR, 426: ERR, 503: ERR}
RESTORED = {"model": None, "content": {"application/json": {"schema": {
    "type": "object", "properties": {"detail": {"type": "string"},
                                     "restored": {"type": "object"}}}}}}
SYNC = {**COMMON, 409: RESTORED}

NO_NUL = r"^[^\x00]*$"  # PostgreSQL stores no NUL in text: the schema says so


async def protocol(x_yichuang_protocol: Annotated[str | None, Header()] = None) -> int:
    """426 unless the client speaks a protocol version this server understands (async:
    FastAPI would run a plain function in a thread, a hop that costs more than it)."""
    try:
        v = int(x_yichuang_protocol or 0)
    except ValueError:
        v = 0
    if v < wire.MIN_PROTOCOL_VERSION:
        raise HTTPException(426, f"客户端协议版本过旧（{x_yichuang_protocol or '无'}），"
                                 f"请升级一窗程序（服务器协议 {wire.PROTOCOL_VERSION}）")
    if v > wire.PROTOCOL_VERSION:
        raise HTTPException(426, f"服务器协议版本（{wire.PROTOCOL_VERSION}）比客户端旧，"
                                 "请升级服务器")
    return v


bearer = HTTPBearer(auto_error=False)
basic = HTTPBasic(auto_error=False)
Protocol = Annotated[int, Depends(protocol)]
Bearer = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
Version = Annotated[str | None, Header(alias=wire.VERSION_HEADER, max_length=40)]
Seen = Annotated[str | None, Header(alias=epoch.HEADER, max_length=120)]


class Restored(Exception):
    """The terminal's view is ahead of this database (server.epoch): answered 409."""

    def __init__(self, info: dict[str, Any]) -> None:
        super().__init__("restored")
        self.info = info


def token_of(cred: HTTPAuthorizationCredentials | None) -> str:
    """The bearer token of a request (401 without one)."""
    if cred is None or not cred.credentials:
        raise HTTPException(401, "缺少终端凭据", headers={"WWW-Authenticate": "Bearer"})
    return cred.credentials


async def terminal_token(cred: Bearer) -> str:
    """The bearer token of a terminal's request (401 without one)."""
    return token_of(cred)
