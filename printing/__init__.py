"""Every paper the hall hands out: slips and receipts (ESC/POS), notices (PDF).

Builders turn domain records into a device-neutral `Document`; renderers draw it.
Imports only `domain` (import-linter enforces it) and third-party libraries.

    from printing.documents import build, to_pdf, to_png, to_escpos
"""
