"""A hall's HTTP SMS gateway: the JSON protocol the adapter speaks, configured per hall
(URL from the hall record, key from the sending terminal).

    POST {url}/messages        {"ref", "to", "text"}   Authorization: Bearer KEY,
                                                      Idempotency-Key: ref
        2xx {"id": "..."}: taken; 409: that ref was taken before (also success);
        other 4xx: this message never will be (bad number …); 5xx, timeouts: retry
    GET  {url}/replies         {"replies": [{"id", "from", "text", "ref"?, "at"}]}
    POST {url}/replies/ack     {"ids": [...]}

Commercial gateways differ in names, not in these three needs; a hall whose gateway
speaks another dialect puts a small relay in front of it.
"""

from __future__ import annotations

from typing import Any

import requests

from sync.sms.gateway import GatewayError, IncomingSms, OutgoingSms

TIMEOUT_S = 10


class HttpGateway:
    def __init__(self, url: str, key: str, *, timeout: float = TIMEOUT_S,
                 session: requests.Session | None = None) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"短信网关地址应以 http:// 或 https:// 开头: {url!r}")
        self.url, self.key, self.timeout = url.rstrip("/"), key, timeout
        self.session = session or requests.Session()

    def _call(self, method: str, path: str, **kw: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.key}", **kw.pop("headers", {})}
        try:
            return self.session.request(method, self.url + path, headers=headers,
                                        timeout=self.timeout, **kw)
        except requests.RequestException as exc:
            raise GatewayError(f"短信网关无法连接: {type(exc).__name__}",
                               code="sms.unreachable") from None

    def send(self, message: OutgoingSms) -> str:
        r = self._call("POST", "/messages", headers={"Idempotency-Key": message.ref},
                       json={"ref": message.ref, "to": message.phone, "text": message.text})
        if r.status_code == 409 or r.ok:
            try:
                return str(r.json().get("id") or message.ref)
            except ValueError:
                return message.ref
        if r.status_code in (401, 403):
            raise GatewayError("短信网关拒绝了密钥", code="sms.auth")
        if 400 <= r.status_code < 500 and r.status_code != 429:
            raise GatewayError(f"短信网关拒收此短信（HTTP {r.status_code}）",
                               code="sms.refused", permanent=True)
        raise GatewayError(f"短信网关出错（HTTP {r.status_code}）", code="sms.gateway")

    def replies(self) -> list[IncomingSms]:
        r = self._call("GET", "/replies")
        if not r.ok:
            raise GatewayError(f"短信网关出错（HTTP {r.status_code}）", code="sms.gateway")
        try:
            items = r.json()["replies"]
            return [IncomingSms(id=str(x["id"]), phone=str(x.get("from", "")),
                                text=str(x.get("text", "")), received_at=str(x.get("at", "")),
                                ref=str(x.get("ref") or "")) for x in items]
        except (ValueError, KeyError, TypeError):
            raise GatewayError("短信网关的回复格式不对", code="sms.bad_reply") from None

    def ack(self, ids: list[str]) -> None:
        if ids:
            r = self._call("POST", "/replies/ack", json={"ids": ids})
            if not r.ok:
                raise GatewayError(f"短信网关出错（HTTP {r.status_code}）", code="sms.gateway")
