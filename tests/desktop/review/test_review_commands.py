"""The reviewer face's commands as written: `yichuang demo --face review --screenshot DIR`
and `yichuang review --server URL` without a hall."""

from __future__ import annotations

from PIL import Image

from tests.support.servers import yichuang


def test_demo_screenshots_of_every_main_screen(tmp_path):
    out = tmp_path / "shots"
    r = yichuang("--data-dir", str(tmp_path / "d"), "demo", "--face", "review",
                 "--screenshot", str(out), timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    pngs = sorted(out.glob("review-*.png"))
    assert len(pngs) == 16
    names = {p.stem.rsplit("-", 1)[0] for p in pngs}
    assert {"review-01-login-clerk-refused", "review-02-queue", "review-05-decision-paper",
            "review-07-head-queue"} <= names
    for p in pngs:
        width, height = Image.open(p).size
        assert width >= 1366 and height >= 768, p.name


def test_review_against_a_server_needs_the_hall(tmp_path):
    r = yichuang("--data-dir", str(tmp_path), "review", "--server", "http://127.0.0.1:9",
                 check=False)
    assert r.returncode == 2 and "--hall" in r.stderr
