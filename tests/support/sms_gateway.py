"""A real HTTP SMS gateway on loopback for tests: the protocol sync.sms.http_gateway
speaks, with switches for an outage, and a record of what arrived."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.servers import free_port


class GatewayServer:
    def __init__(self, key: str = "k-test") -> None:
        self.key = key
        self.messages: dict[str, dict] = {}  # by idempotency key
        self.posts = 0  # every POST /messages, duplicates included
        self.replies: list[dict] = []
        self.acked: list[str] = []
        self.status = 200  # 503: an outage; 400: refuses every message
        self.port = free_port()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_a) -> None:  # quiet
                pass

            def _send(self, code: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _auth(self) -> bool:
                if self.headers.get("Authorization") != f"Bearer {outer.key}":
                    self._send(401, {"error": "key"})
                    return False
                return True

            def do_GET(self) -> None:
                if not self._auth():
                    return
                if outer.status >= 500:
                    return self._send(outer.status, {})
                pending = [r for r in outer.replies if r["id"] not in outer.acked]
                self._send(200, {"replies": pending})

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if not self._auth():
                    return
                if self.path.endswith("/replies/ack"):
                    outer.acked += body["ids"]
                    return self._send(200, {})
                outer.posts += 1
                if outer.status != 200:
                    return self._send(outer.status, {"error": "simulated"})
                ref = self.headers.get("Idempotency-Key", "")
                if ref in outer.messages:
                    return self._send(409, {"id": outer.messages[ref]["id"]})
                outer.messages[ref] = {**body, "id": f"g{len(outer.messages) + 1}"}
                self._send(202, {"id": outer.messages[ref]["id"]})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sms/v1"

    def __enter__(self) -> GatewayServer:
        self.thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
