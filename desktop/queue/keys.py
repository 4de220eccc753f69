"""The queue's keys at the counter, apart from the panel: the shell binds them while the
login window is made, before any of the queue's widgets is imported."""

from __future__ import annotations

# key → panel action (QueuePanel.trigger): the queue lives on F10 (F11 is the
# consultation's, F12 the lock's); the next citizen is one key, the rest add a modifier
QUEUE_KEYS = (
    ("F10", "next"),
    ("Shift+F10", "recall"),
    ("Ctrl+F10", "start"),
    ("Ctrl+Shift+F10", "no_show"),
)
