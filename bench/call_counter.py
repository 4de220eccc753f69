"""A counter in its own process for bench.bench_call: the real counter window, logged in,
pressing F10 when told on stdin.

Protocol (one line each): it prints `READY`; on `press` it prints `PRESSED <unix time>`
just before the key goes to the window, then `CALLED <number> <unix time>` when the
panel has the server's verdict (or `FAILED <reason>`); `quit` ends it.

    python -m bench.call_counter DATA_DIR
"""

from __future__ import annotations

import os
import pathlib
import sys
import threading
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtTest import QTest

    from desktop.app import create_application
    from desktop.counter.shell import CounterShell
    from desktop.settings import SettingsStore

    data_dir = pathlib.Path(argv[0])
    app = create_application("zh_CN")
    shell = CounterShell(data_dir, SettingsStore(data_dir))
    shell.resize(1366, 768)
    shell.show()

    class Stdin(QObject):
        sig_line = Signal(str)

    stdin = Stdin()

    def read() -> None:
        for line in sys.stdin:
            stdin.sig_line.emit(line.strip())
        stdin.sig_line.emit("quit")

    def say(text: str) -> None:
        print(text, flush=True)

    def login() -> None:
        if not shell.login.login_button.isEnabled():
            QTimer.singleShot(50, login)
            return
        shell.login.staff_no.setText("1001")
        shell.login.password.setText("1234")
        shell.login.submit()
        wait_ready()

    def wait_ready() -> None:
        if not shell.working or not shell.runner.idle():
            QTimer.singleShot(50, wait_ready)
            return
        panel = shell.queue_panel
        panel.sig_message.connect(lambda text, level: level == "error" and say(f"FAILED {text}"))
        orig = panel._called

        def called(got) -> None:  # type: ignore[no-untyped-def]
            say(f"CALLED {got.number} {time.time():.6f}")
            orig(got)

        panel._called = called
        threading.Thread(target=read, daemon=True).start()
        say("READY")

    def on_line(line: str) -> None:
        if line == "press":
            say(f"PRESSED {time.time():.6f}")
            QTest.keyClick(shell, Qt.Key.Key_F10)
        elif line == "quit":
            app.quit()

    stdin.sig_line.connect(on_line)
    QTimer.singleShot(0, login)
    code = app.exec()
    shell.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
