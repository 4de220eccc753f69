"""Device drivers: bytes in, typed records out; simulators for every device.

Pure Python over pyserial, python-escpos and Pillow. Imports nothing else of ours and
no Qt (checked by import-linter): the desktop runs these blocking drivers in workers.
Each device is a codec (pure, fuzzed), a driver over :mod:`devices.transport`, typed
errors from :mod:`devices.errors`, and a simulator on a pty (and TCP for the printer).
"""
