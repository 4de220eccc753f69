"""The two-note chime before a call (叮咚), made once as a small WAV file.

Generated rather than shipped: a few lines of arithmetic instead of a binary in the
repository, and the same sound on every platform.
"""

from __future__ import annotations

import math
import pathlib
import struct
import wave

RATE = 22050
NOTES = ((659.25, 0.42), (523.25, 0.62))  # E5 then C5: the usual hall "ding-dong"


def samples(volume: float = 0.5) -> bytes:
    """16-bit mono PCM of the chime: each note a soft attack and a bell-like decay."""
    out = bytearray()
    for freq, seconds in NOTES:
        n = int(RATE * seconds)
        for i in range(n):
            t = i / RATE
            envelope = min(1.0, t / 0.01) * math.exp(-3.2 * t / seconds)
            v = volume * envelope * (math.sin(2 * math.pi * freq * t)
                                     + 0.3 * math.sin(4 * math.pi * freq * t)) / 1.3
            out += struct.pack("<h", int(max(-1.0, min(1.0, v)) * 32767))
    return bytes(out)


def write(path: pathlib.Path | str, volume: float = 0.5) -> pathlib.Path:
    """Write the chime as a WAV file (once; an existing file is kept)."""
    p = pathlib.Path(path)
    if p.exists() and p.stat().st_size > 44:
        return p
    p.parent.mkdir(parents=True, exist_ok=True)
    tmp = p.with_suffix(".tmp")
    with wave.open(str(tmp), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples(volume))
    tmp.replace(p)
    return p
