"""A .ts → .qm compiler in pure Python, so the wheel's build hook needs no Qt.

`setup.py` runs it when a wheel is built, so a wheel from a clean clone carries the
English UI; `make translations` still uses Qt's lrelease, and a test checks that both
write the same bytes for every catalog. The format is Qt's (qttools, linguist/shared/
qm.cpp, the "save everything" mode lrelease uses by default): a magic number, then
tagged sections — language, a sorted (hash, offset) table, the messages, numerus rules.
"""

from __future__ import annotations

import pathlib
import struct
import sys
import xml.etree.ElementTree as ET

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
TAG_LANGUAGE, TAG_HASHES, TAG_MESSAGES, TAG_NUMERUS = 0xA7, 0x42, 0x69, 0x88
# inside a message
TAG_END, TAG_TRANSLATION, TAG_SOURCE, TAG_CONTEXT, TAG_COMMENT = 1, 3, 6, 7, 8

# Qt's numerus rules (qttools numerus.cpp), for the languages we ship. Q_EQ = 0x01.
NUMERUS_RULES: dict[str, bytes] = {
    "en": bytes([0x01, 1]),
    "zh": b"",
}


def elf_hash(data: bytes) -> int:
    """Qt's message hash (the ELF hash of source text + comment, UTF-8)."""
    h = 0
    for byte in data:
        if byte == 0:
            break
        h = ((h << 4) + byte) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h or 1


def _bytes(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _utf16(text: str) -> bytes:
    return _bytes(text.encode("utf-16-be"))


class Message(tuple):
    """(context, source, comment, translations) in UTF-8 bytes; sorts as lrelease does."""

    __slots__ = ()

    def __new__(cls, context: str, source: str, comment: str,
                translations: list[str]) -> Message:
        return super().__new__(cls, (context.encode(), source.encode(), comment.encode(),
                                     tuple(translations)))


def read_ts(ts: pathlib.Path) -> tuple[str, list[Message]]:
    """The language and the messages lrelease would keep: translated, not obsolete."""
    root = ET.parse(ts).getroot()
    messages: dict[tuple[bytes, bytes, bytes], Message] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            node = msg.find("translation")
            if node is None or node.get("type") in ("obsolete", "vanished"):
                continue
            forms = node.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [node.text or ""]
            if not any(texts):
                continue
            m = Message(name, msg.findtext("source") or "", msg.findtext("comment") or "",
                        texts)
            messages.setdefault(m[:3], m)
    return root.get("language") or "", [messages[k] for k in sorted(messages)]


def compile_messages(language: str, messages: list[Message]) -> bytes:
    """The .qm bytes for these messages (sorted by context, source, comment)."""
    body = bytearray()
    offsets: list[tuple[int, int]] = []
    for context, source, comment, translations in messages:
        offsets.append((elf_hash(source + comment), len(body)))
        for text in translations:
            body += bytes([TAG_TRANSLATION]) + _utf16(text)
        body += bytes([TAG_COMMENT]) + _bytes(comment)
        body += bytes([TAG_SOURCE]) + _bytes(source)
        body += bytes([TAG_CONTEXT]) + _bytes(context)
        body += bytes([TAG_END])
    out = bytearray(MAGIC)
    if language:
        out += bytes([TAG_LANGUAGE]) + _bytes(language.encode())
    if offsets:
        table = b"".join(struct.pack(">II", h, o) for h, o in sorted(offsets))
        out += bytes([TAG_HASHES]) + _bytes(table)
        out += bytes([TAG_MESSAGES]) + _bytes(bytes(body))
    rules = NUMERUS_RULES.get(language.split("_")[0], b"")
    if rules:
        out += bytes([TAG_NUMERUS]) + _bytes(rules)
    return bytes(out)


def compile_ts(ts: pathlib.Path, qm: pathlib.Path | None = None) -> pathlib.Path:
    """Write the .qm beside the .ts (or at `qm`) and return its path."""
    qm = qm or ts.with_suffix(".qm")
    language, messages = read_ts(ts)
    qm.write_bytes(compile_messages(language, messages))
    return qm


def main(argv: list[str]) -> int:
    for name in argv:
        print(compile_ts(pathlib.Path(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
