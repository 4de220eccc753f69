"""The WAN between a city and a hall, cut for real.

`NetnsWan` (as root, where `ip netns` works): the city in one network namespace, the
hall's LAN (its node and terminals) in another, joined by a veth pair; `cut()` takes the
hall's end of the link down, `restore()` brings it back. Test code reaches each side by
running a callable in a thread that entered that namespace (`hall(fn)`, `city(fn)`);
server processes start under `ip netns exec`. Names carry the pid and a counter: other
engineers run the same tests on this machine at the same time.

`LoopbackWan` (anywhere else): both sides on loopback, the node reaching the city through
the fault proxy, which refuses new connections and drops open ones while cut.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import shutil
import subprocess
import threading
from collections.abc import Callable
from typing import Any

from tests.support import proxy as px

CLONE_NEWNET = 0x40000000
_n = itertools.count(1)


def netns_unavailable() -> str | None:
    """Why real namespaces cannot be used here, or None."""
    if os.geteuid() != 0:
        return "not root: network namespaces need CAP_SYS_ADMIN"
    if not shutil.which("ip"):
        return "no `ip` command (iproute2)"
    probe = f"yc-probe-{os.getpid()}-{next(_n)}"
    made = subprocess.run(["ip", "netns", "add", probe], capture_output=True, text=True)
    if made.returncode:
        return f"ip netns add failed: {made.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", probe], capture_output=True)
    return None


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, text=True, timeout=20)


def in_netns(name: str, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
    """Run `fn` in a thread whose network namespace is `name`; its result or exception."""
    out: dict[str, Any] = {}

    def body() -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        fd = os.open(f"/var/run/netns/{name}", os.O_RDONLY)
        try:
            if libc.setns(fd, CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns failed")
        finally:
            os.close(fd)
        try:
            out["value"] = fn(*args, **kw)
        except BaseException as exc:
            out["error"] = exc

    t = threading.Thread(target=body, daemon=True)
    t.start()
    t.join()
    if "error" in out:
        raise out["error"]
    return out.get("value")


class NetnsWan:
    """City and hall in two namespaces joined by a veth pair (see the module doc)."""

    real = True
    CITY_IP, HALL_IP = "10.211.0.1", "10.211.0.2"

    def __init__(self) -> None:
        tag = f"{os.getpid() % 100000}{next(_n)}"
        self.city_ns, self.hall_ns = f"yc-{tag}-city", f"yc-{tag}-hall"
        self.city_if, self.hall_if = f"yc{tag}c", f"yc{tag}h"
        _ip("netns", "add", self.city_ns)
        try:
            _ip("netns", "add", self.hall_ns)
            _ip("link", "add", self.city_if, "type", "veth", "peer", "name", self.hall_if)
            _ip("link", "set", self.city_if, "netns", self.city_ns)
            _ip("link", "set", self.hall_if, "netns", self.hall_ns)
            for ns, dev, addr in ((self.city_ns, self.city_if, self.CITY_IP),
                                  (self.hall_ns, self.hall_if, self.HALL_IP)):
                _ip("-n", ns, "link", "set", "lo", "up")
                _ip("-n", ns, "addr", "add", f"{addr}/30", "dev", dev)
                _ip("-n", ns, "link", "set", dev, "up")
        except BaseException:
            self.close()
            raise

    def prefix(self, side: str) -> list[str]:
        return ["ip", "netns", "exec", self.city_ns if side == "city" else self.hall_ns]

    def city_host(self) -> str:
        return self.CITY_IP

    def city_url(self, port: int) -> str:
        """The city as the hall's node reaches it."""
        return f"http://{self.CITY_IP}:{port}"

    def hall(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        return in_netns(self.hall_ns, fn, *args, **kw)

    def city(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        return in_netns(self.city_ns, fn, *args, **kw)

    def cut(self) -> None:
        _ip("-n", self.hall_ns, "link", "set", self.hall_if, "down")

    def restore(self) -> None:
        _ip("-n", self.hall_ns, "link", "set", self.hall_if, "up")

    def close(self) -> None:
        for ns in (self.city_ns, self.hall_ns):
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)


class LoopbackWan:
    """Both sides on loopback; the node reaches the city through the fault proxy."""

    real = False

    def __init__(self) -> None:
        self.down = False
        self.proxy: px.FaultyProxy | None = None

    def prefix(self, side: str) -> list[str]:
        return []

    def city_host(self) -> str:
        return "127.0.0.1"

    def city_url(self, port: int) -> str:
        if self.proxy is None:
            self.proxy = px.FaultyProxy(port, plan=lambda n: px.DOWN if self.down
                                        else px.PASS).start()
        return self.proxy.url

    def hall(self, fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        return fn(*args, **kw)

    city = hall

    def cut(self) -> None:
        self.down = True
        if self.proxy is not None:
            self.proxy.cut_all()

    def restore(self) -> None:
        self.down = False

    def close(self) -> None:
        if self.proxy is not None:
            self.proxy.stop()
