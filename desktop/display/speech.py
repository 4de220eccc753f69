"""Speech engines for the hall display: the chime and "请 A 1 0 2 3 号，到 3 号窗口办理".

One small interface — `chime()`, `say(text)`, then `sig_done` once it has finished — so
the announcer (desktop.display.announcer) queues calls without knowing the engine:

* `QtSpeechEngine`: QtTextToSpeech where the system has a voice (SAPI/WinRT on
  Windows, speech-dispatcher on Linux), a Chinese one when there is one;
* `ProcessEngine`: espeak-ng's Mandarin voice (`-v cmn`) as a child process — the
  fallback on a Linux PC without speech-dispatcher; with `record_dir` it writes each
  utterance to a WAV file instead of the speakers (tests; a hall checking its voice);
* `SilentEngine`: no engine at all: calls are shown, not spoken, and the log says so.

The chime plays through QtMultimedia when it loads, else an audio player command
(paplay, pw-play, aplay), else not at all. Nothing here may stop the display: every
failure ends in `sig_done` and a log line.
"""

from __future__ import annotations

import logging
import pathlib
import shutil
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal

log = logging.getLogger(__name__)

PLAYERS = ("paplay", "pw-play", "aplay")
ESPEAK = ("espeak-ng", "espeak")


class SpeechEngine(QObject):
    """The interface; this base class finishes everything at once (silence)."""

    sig_done = Signal()
    """The chime or utterance asked for last has finished (or failed)."""

    name = "silent"

    def chime(self) -> None:
        self._finish()

    def say(self, text: str) -> None:
        self._finish()

    def stop(self) -> None:
        """Cut whatever plays (the display is closing)."""

    def _finish(self) -> None:
        QTimer.singleShot(0, self.sig_done.emit)


class SilentEngine(SpeechEngine):
    """No voice on this PC: one log line, then calls are only shown."""

    def __init__(self, reason: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        log.warning("hall display: no speech engine (%s); calls are shown, not spoken", reason)


class _Chime(QObject):
    """Plays the chime WAV by the first means that works here."""

    def __init__(self, wav: pathlib.Path | None, parent: QObject) -> None:
        super().__init__(parent)
        self.wav = wav
        self.effect: Any = None
        self.player = None
        if wav is None:
            return
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QSoundEffect

            self.effect = QSoundEffect(self)
            self.effect.setSource(QUrl.fromLocalFile(str(wav)))
        except ImportError as exc:  # libpulse missing, module not shipped
            log.info("QtMultimedia unavailable for the chime (%s)", exc)
            self.effect = None
            self.player = next((p for p in (shutil.which(n) for n in PLAYERS) if p), None)

    def play(self, done) -> None:  # type: ignore[no-untyped-def]
        """Play, then call `done()` (at once when there is nothing to play it with)."""
        if self.effect is not None:
            self.effect.play()
            QTimer.singleShot(1100, done)  # the chime's length; QSoundEffect has no "finished"
        elif self.player and self.wav is not None:
            _run(self, self.player, [str(self.wav)], done)
        else:
            QTimer.singleShot(0, done)


def _run(parent: QObject, program: str, args: list[str], done) -> QProcess:  # type: ignore[no-untyped-def]
    """Start a child process; `done()` when it ends or cannot start."""
    proc = QProcess(parent)
    finished = {"once": False}

    def end(*_: object) -> None:
        if finished["once"]:
            return
        finished["once"] = True
        if proc.exitStatus() != QProcess.ExitStatus.NormalExit or proc.exitCode():
            err = bytes(proc.readAllStandardError().data()).decode("utf-8", "replace")[:200]
            log.warning("%s failed (%s): %s", program, proc.exitCode(), err.strip())
        proc.deleteLater()
        done()

    def error(e: QProcess.ProcessError) -> None:
        if e == QProcess.ProcessError.FailedToStart:
            log.warning("%s failed to start: %s", program, proc.errorString())
            end()

    proc.finished.connect(end)
    proc.errorOccurred.connect(error)
    proc.start(program, args)
    return proc


class ProcessEngine(SpeechEngine):
    """espeak-ng (Chinese) as a child process, or WAV files in `record_dir`."""

    name = "espeak-ng"

    def __init__(self, program: str, chime_wav: pathlib.Path | None = None, *,
                 record_dir: pathlib.Path | None = None, voice: str = "cmn", speed: int = 150,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program, self.voice, self.speed = program, voice, speed
        self.record_dir = record_dir
        self.recorded: list[pathlib.Path] = []
        self._chime = _Chime(None if record_dir else chime_wav, self)
        self._proc: QProcess | None = None

    def chime(self) -> None:
        self._chime.play(self.sig_done.emit)

    def say(self, text: str) -> None:
        args = ["-v", self.voice, "-s", str(self.speed)]
        if self.record_dir is not None:
            self.record_dir.mkdir(parents=True, exist_ok=True)
            out = self.record_dir / f"call-{len(self.recorded) + 1:03d}.wav"
            self.recorded.append(out)
            args += ["-w", str(out)]
        self._proc = _run(self, self.program, [*args, text], self.sig_done.emit)

    def stop(self) -> None:
        if self._proc is not None and self._proc.state() != QProcess.ProcessState.NotRunning:
            self._proc.kill()


class QtSpeechEngine(SpeechEngine):
    """The system's own voice through QtTextToSpeech."""

    name = "qt"

    def __init__(self, tts: Any, chime_wav: pathlib.Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.tts = tts
        self.tts.setParent(self)
        self._idle = (QTextToSpeech.State.Ready, QTextToSpeech.State.Error)
        self._speaking = False
        self.tts.stateChanged.connect(self._state)
        self._chime = _Chime(chime_wav, self)

    def chime(self) -> None:
        self._chime.play(self.sig_done.emit)

    def say(self, text: str) -> None:
        self._speaking = True
        self.tts.say(text)

    def _state(self, state: Any) -> None:
        if self._speaking and state in self._idle:
            self._speaking = False
            self.sig_done.emit()

    def stop(self) -> None:
        self.tts.stop()


def _qt_voice() -> Any:
    """A QTextToSpeech with a Chinese voice, or None (and why, in the log)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        log.info("QtTextToSpeech unavailable: %s", exc)
        return None
    if not QTextToSpeech.availableEngines():
        return None
    tts = QTextToSpeech()
    chinese = [loc for loc in tts.availableLocales()
               if loc.language() == QLocale.Language.Chinese]
    if not chinese:
        log.info("the system's speech engine has no Chinese voice")
        tts.deleteLater()
        return None
    tts.setLocale(chinese[0])
    return tts


def select_engine(choice: str, chime_wav: pathlib.Path | None,
                  parent: QObject | None = None) -> SpeechEngine:
    """The engine a display uses: `auto` (Qt voice, else espeak-ng, else silence),
    `qt`, `espeak` or `off`."""
    if choice == "off":
        return SilentEngine("voice switched off in display.json", parent)
    if choice in ("auto", "qt"):
        tts = _qt_voice()
        if tts is not None:
            return QtSpeechEngine(tts, chime_wav, parent)
    if choice in ("auto", "espeak"):
        program = next((p for p in (shutil.which(n) for n in ESPEAK) if p), None)
        if program:
            return ProcessEngine(program, chime_wav, parent=parent)
    return SilentEngine("neither QtTextToSpeech with a Chinese voice nor espeak-ng found",
                        parent)
