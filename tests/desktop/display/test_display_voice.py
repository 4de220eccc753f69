"""The voice path: a queue that plays each call to its end, espeak-ng's Mandarin voice
for real (into WAV files), and silence with a log line where there is no engine."""

from __future__ import annotations

import logging
import shutil
import wave

import pytest
from PySide6.QtCore import QObject

from desktop.display import chime
from desktop.display.announcer import CallAnnouncer
from desktop.display.speech import ProcessEngine, SilentEngine, SpeechEngine, select_engine


class Mute(SpeechEngine):
    """An engine that never says it has finished (a hung speech service)."""

    name = "mute"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.asked: list[str] = []

    def chime(self) -> None:
        self.asked.append("chime")

    def say(self, text: str) -> None:
        self.asked.append(text)


def test_a_hung_engine_cannot_stall_the_hall(qtbot, caplog):
    engine = Mute()
    announcer = CallAnnouncer(engine, repeats=2, step_limit_ms=30)
    announcer.announce("A1001", "请 A 1 0 0 1 号，到 1 号窗口办理")
    announcer.announce("A1002", "请 A 1 0 0 2 号，到 2 号窗口办理")
    announcer.announce("A1002", "请 A 1 0 0 2 号，到 2 号窗口办理")  # already waiting: once
    assert announcer.pending() == ["A1002"]
    with qtbot.waitSignal(announcer.sig_call_finished, timeout=3000,
                          check_params_cb=lambda n: n == "A1002"):
        pass
    assert engine.asked[0::3] == ["chime", "chime"] and len(engine.asked) == 6
    assert "did not finish" in caplog.text and not announcer.busy


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed "
                    "(Debian package espeak-ng; `make test` installs it)")
def test_espeak_ng_speaks_the_call_in_mandarin(qtbot, tmp_path):
    engine = ProcessEngine(shutil.which("espeak-ng"), record_dir=tmp_path)
    announcer = CallAnnouncer(engine, repeats=2)
    with qtbot.waitSignal(announcer.sig_call_finished, timeout=20000):
        announcer.announce("A1012", "请 A 1 0 1 2 号，到 3 号窗口办理")
    assert len(engine.recorded) == 2
    for path in engine.recorded:
        with wave.open(str(path)) as w:
            seconds = w.getnframes() / w.getframerate()
        assert 1.5 < seconds < 15, f"{path.name}: {seconds:.1f} s is not a spoken sentence"


def test_a_missing_program_ends_the_step_with_a_log_line(qtbot, tmp_path, caplog):
    engine = ProcessEngine(str(tmp_path / "no-such-espeak"))
    with qtbot.waitSignal(engine.sig_done, timeout=5000):
        engine.say("请 A 1 0 0 1 号")
    assert "failed" in caplog.text


def test_no_engine_means_silence_and_says_so(qtbot, caplog):
    caplog.set_level(logging.WARNING)
    engine = select_engine("off", None)
    assert isinstance(engine, SilentEngine)
    assert "calls are shown, not spoken" in caplog.text
    announcer = CallAnnouncer(engine)
    with qtbot.waitSignal(announcer.sig_call_finished, timeout=2000):
        announcer.announce("A1001", "请 A 1 0 0 1 号")


def test_auto_takes_a_real_engine_where_there_is_one(qtbot):
    engine = select_engine("auto", None)
    if shutil.which("espeak-ng"):
        assert engine.name in ("qt", "espeak-ng")
    else:
        assert engine.name in ("qt", "silent")


def test_the_chime_is_a_short_two_note_wav(tmp_path):
    path = chime.write(tmp_path / "chime.wav")
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, chime.RATE)
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.9 < seconds < 1.2
    assert max(abs(int.from_bytes(frames[i:i + 2], "little", signed=True))
               for i in range(0, len(frames), 200)) > 8000  # audible, not silence
    assert chime.write(path) == path  # kept, not rewritten
