"""Hall node fixtures: a WAN that can be cut (real namespaces when root) and the rig."""

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from tests.support.fixtures import code_for, db_url, hall_db, pg_cluster, server, sqlite_url  # noqa: F401
from tests.support.hall_rig import HallRig
from tests.support.wan import LoopbackWan, NetnsWan, netns_unavailable


@pytest.fixture
def loopback_rig(tmp_path):
    """City and node on loopback, the WAN through the fault proxy (fast; make test)."""
    wan = LoopbackWan()
    rig = HallRig(tmp_path, wan)
    yield rig
    rig.stop()
    wan.close()


@pytest.fixture
def wan_rig(tmp_path):
    """City and hall in two network namespaces joined by a veth pair; the WAN is cut by
    taking the link down. Where namespaces cannot be made, loopback and the fault proxy,
    and the test says so in its report."""
    why = netns_unavailable()
    wan = NetnsWan() if why is None else LoopbackWan()
    if why is not None:
        print(f"network namespaces unavailable ({why}): loopback and the fault proxy")
    try:
        rig = HallRig(tmp_path, wan)
    except BaseException:
        wan.close()
        raise
    yield rig
    rig.stop()
    wan.close()
