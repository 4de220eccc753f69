"""ESC/POS receipt printers: status codec, byte builders, driver, simulator, renderer.

Use :class:`devices.printer.printer.ReceiptPrinter` with a job built by
:class:`devices.printer.escpos_raw.Receipt`; it prints only when the printer says ready.
"""
