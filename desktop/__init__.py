"""The Qt application: counter, kiosk and supervisor faces, workers, the app entry.

Only this package imports PySide6. Importing it does not import Qt, so the command
line (`yichuang server`, `yichuang check-id`) runs on machines without a display.
"""
