"""A loopback TCP proxy that misbehaves on purpose (ideas from shared/bench/shaper.py).

Per connection it can: pass through, cut the request after some bytes, let the request
through but cut the response after some bytes (the server committed, the client never
hears), answer 503 itself, delay every chunk, or refuse to connect (link down). Which
fault a connection gets comes from `plan(n)` for the n-th connection.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable

PASS, CUT_REQUEST, CUT_RESPONSE, ERROR_503, DOWN = "pass", "cut_req", "cut_resp", "503", "down"
RESPONSE_503 = (b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Length: 0\r\n"
                b"Connection: close\r\n\r\n")


class FaultyProxy:
    """Runs its own asyncio loop in a thread; `port` is where clients connect."""

    def __init__(self, target_port: int, plan: Callable[[int], str] | None = None,
                 delay_s: float = 0.0, cut_after: int = 200) -> None:
        self.target_port = target_port
        self.plan = plan or (lambda n: PASS)
        self.delay_s, self.cut_after = delay_s, cut_after
        self.connections = 0
        self.faults: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._main, daemon=True)
        self.port = 0
        self._open: set[asyncio.StreamWriter] = set()

    def start(self) -> FaultyProxy:
        self._thread.start()
        self._ready.wait(10)
        return self

    def stop(self) -> None:
        async def _shutdown() -> None:
            self._server.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(_shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cut_all(self) -> None:
        """Close every connection open now, as a link going down does to kept-alive ones."""
        def _close() -> None:
            for w in list(self._open):
                w.close()
            self._open.clear()

        self._loop.call_soon_threadsafe(_close)

    def _main(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _handle(self, cr: asyncio.StreamReader, cw: asyncio.StreamWriter) -> None:
        self.connections += 1
        fault = self.plan(self.connections)
        self.faults.append(fault)
        if fault == DOWN:
            cw.close()
            return
        if fault == ERROR_503:
            await cr.read(65536)
            cw.write(RESPONSE_503)
            await cw.drain()
            cw.close()
            return
        try:
            sr, sw = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            cw.close()
            return
        self._open.update((cw, sw))
        up = asyncio.ensure_future(self._pipe(cr, sw, self.cut_after if fault == CUT_REQUEST
                                              else None))
        down = asyncio.ensure_future(self._pipe(sr, cw, self.cut_after if fault == CUT_RESPONSE
                                                else None))
        await asyncio.wait([up, down], return_when=asyncio.FIRST_COMPLETED)
        await asyncio.sleep(0.05)
        for t in (up, down):
            t.cancel()
        for w in (sw, cw):
            w.close()
            self._open.discard(w)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                    cut_after: int | None) -> None:
        sent = 0
        try:
            while True:
                data = await reader.read(16384)
                if not data:
                    break
                if self.delay_s:
                    await asyncio.sleep(self.delay_s)
                if cut_after is not None and sent + len(data) > cut_after:
                    writer.write(data[:max(0, cut_after - sent)])
                    await writer.drain()
                    break  # cut mid-stream
                sent += len(data)
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            if not self._loop.is_closed():
                writer.close()
